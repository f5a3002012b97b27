/**
 * The penalty check (处罚合法性校验): which version of the law applies to an offence (the one in
 * force on the act date, unless the one in force at decision time is lighter: 从旧兼从轻,
 * 行政处罚法 art.37), and whether the proposed penalties are within what that version allows
 * for the party. Pure: the same function backs the API, the CLI and every review gate.
 */
import type {
  LawFinding,
  LawVersion,
  OffenceVersion,
  PenaltyBound,
  PenaltyCheckRequest,
  PenaltyCheckResponse,
  PenaltyType,
  Scheme,
  Tier,
  TierRule,
} from './model.ts';
import { PENALTY_TYPE_NAMES, TIER_NAMES } from './names.ts';

export interface LawRegister {
  laws: readonly LawVersion[];
  offences: readonly OffenceVersion[];
}

export type Lang = 'zh-CN' | 'en-US';

const TYPE_ZH = Object.fromEntries(Object.entries(PENALTY_TYPE_NAMES).map(([k, v]) => [k, v.zh])) as Record<
  PenaltyType,
  string
>;
const TYPE_EN = Object.fromEntries(Object.entries(PENALTY_TYPE_NAMES).map(([k, v]) => [k, v.en])) as Record<
  PenaltyType,
  string
>;
const TIER_ZH = Object.fromEntries(Object.entries(TIER_NAMES).map(([k, v]) => [k, v.zh])) as Record<
  Tier,
  string
>;
const TIER_EN = Object.fromEntries(Object.entries(TIER_NAMES).map(([k, v]) => [k, v.en])) as Record<
  Tier,
  string
>;

/** The law version in force on a date (effectiveFrom ≤ date < effectiveUntil). */
export function lawInForce(register: LawRegister, law: string, date: string): LawVersion | undefined {
  return register.laws.find(
    (v) => v.law === law && v.effectiveFrom <= date && (v.effectiveUntil == null || date < v.effectiveUntil),
  );
}

/** An offence version found for a date; `notEnteredIn` when it stands in for the version in force. */
interface Found {
  offence: OffenceVersion;
  notEnteredIn?: LawVersion;
}

/**
 * The offence as the version of its law in force on a date defines it. A version added to the
 * register before its offences were entered (a revision typed in by the legal detachment) has
 * no row yet for most offences: those are judged by the latest earlier version that has one,
 * marked as standing in (`notEnteredIn`), rather than refused as if the revision had abolished
 * them. An offence only a later version knows is still no offence on the date.
 */
function offenceIn(register: LawRegister, name: string, date: string): Found | undefined {
  let standIn: (Found & { from: string }) | undefined;
  for (const o of register.offences) {
    if (o.name !== name) continue;
    const v = lawInForce(register, o.law, date);
    if (!v) continue;
    if (v.id === o.version) return { offence: o };
    const own = register.laws.find((l) => l.id === o.version);
    if (own && own.effectiveFrom < v.effectiveFrom && (!standIn || own.effectiveFrom > standIn.from))
      standIn = { offence: o, notEnteredIn: v, from: own.effectiveFrom };
  }
  return standIn && { offence: standIn.offence, notEnteredIn: standIn.notEnteredIn };
}

/** The heaviest a tier allows: [detention days, fine yuan], for comparing two versions. */
function weight(rule: TierRule | undefined): [number, number] {
  let days = 0;
  let fine = 0;
  for (const s of rule?.schemes ?? [])
    for (const b of [...s.required, ...s.optional]) {
      if (b.type === 'detention') days = Math.max(days, b.max ?? 0);
      if (b.type === 'fine') fine = Math.max(fine, b.max ?? 0);
    }
  return [days, fine];
}
const lighter = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

export function tierOf(o: OffenceVersion, tier: Tier): TierRule | undefined {
  return o.tiers.find((t) => t.tier === tier);
}

/** Whole years between a birth date and a date (the day before a birthday you are still younger). */
export function ageAt(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

type Proposed = PenaltyCheckRequest['offences'][number]['penalties'][number];

function quantity(p: Proposed): number | undefined {
  return p.type === 'fine' ? p.amount : p.type === 'detention' ? p.days : undefined;
}

function boundText(b: PenaltyBound, lang: Lang): string {
  const unit = b.type === 'fine' ? (lang === 'zh-CN' ? '元' : ' yuan') : lang === 'zh-CN' ? '日' : ' days';
  const name = lang === 'zh-CN' ? TYPE_ZH[b.type] : TYPE_EN[b.type];
  if (b.min == null && b.max == null) return name;
  if (lang === 'zh-CN') {
    if (b.min != null && b.max != null) return `${name}${b.min}${unit}以上${b.max}${unit}以下`;
    return b.max != null ? `${name}${b.max}${unit}以下` : `${name}${b.min}${unit}以上`;
  }
  if (b.min != null && b.max != null) return `${name} of ${b.min}–${b.max}${unit}`;
  return b.max != null ? `${name} up to ${b.max}${unit}` : `${name} of at least ${b.min}${unit}`;
}

/** The scheme in words: "行政拘留5日以上10日以下，可以并处罚款500元以下". */
export function schemeText(s: Scheme, lang: Lang): string {
  const req = s.required.map((b) => boundText(b, lang)).join(lang === 'zh-CN' ? '，并处' : ' and ');
  const opt = s.optional.map((b) => boundText(b, lang)).join(lang === 'zh-CN' ? '或' : ' or ');
  if (!opt) return req;
  return lang === 'zh-CN' ? `${req}，可以并处${opt}` : `${req}, optionally with ${opt}`;
}

export function tierText(t: TierRule, lang: Lang): string {
  return t.schemes.map((s) => schemeText(s, lang)).join(lang === 'zh-CN' ? '；或者' : '; or ');
}

/** What is wrong with the penalties against one scheme (empty: they match it). */
function schemeProblems(s: Scheme, given: Proposed[], bindMinimum: boolean, lang: Lang): string[] {
  const problems: string[] = [];
  const zh = lang === 'zh-CN';
  for (const b of s.required)
    if (!given.some((p) => p.type === b.type))
      problems.push(zh ? `应当处${boundText(b, lang)}` : `${boundText(b, lang)} is mandatory`);
  for (const p of given) {
    const b = [...s.required, ...s.optional].find((x) => x.type === p.type);
    const name = zh ? TYPE_ZH[p.type] : TYPE_EN[p.type];
    if (!b) {
      problems.push(zh ? `该档次不得处${name}` : `${name} is not allowed in this tier`);
      continue;
    }
    const q = quantity(p);
    if ((p.type === 'fine' || p.type === 'detention') && (q == null || q <= 0)) {
      problems.push(
        zh
          ? `${name}须写明${p.type === 'fine' ? '数额' : '日数'}`
          : `${name} needs its ${p.type === 'fine' ? 'amount' : 'days'}`,
      );
      continue;
    }
    if (q != null && b.max != null && q > b.max)
      problems.push(
        zh
          ? `${name}${q}超出上限（${boundText(b, lang)}）`
          : `${name} ${q} exceeds the limit (${boundText(b, lang)})`,
      );
    if (q != null && bindMinimum && b.min != null && q < b.min)
      problems.push(
        zh
          ? `${name}${q}低于下限（${boundText(b, lang)}）`
          : `${name} ${q} is below the minimum (${boundText(b, lang)})`,
      );
  }
  const types = given.map((p) => p.type);
  if (new Set(types).size !== types.length)
    problems.push(zh ? '同一处罚种类重复' : 'a penalty type is given twice');
  return problems;
}

function basisOf(law: LawVersion | undefined, article: string | undefined): string {
  if (!law) return '';
  return `${law.title}${article ? ` ${article}` : ''}`;
}

/**
 * Checks a proposal against the register. `lang` chooses the language of the messages; rule
 * codes are stable (`law.rule.<code>` labels in the web app).
 */
export function checkPenalties(
  register: LawRegister,
  req: PenaltyCheckRequest,
  lang: Lang = 'zh-CN',
): PenaltyCheckResponse {
  const zh = lang === 'zh-CN';
  const violations: LawFinding[] = [];
  const notices: LawFinding[] = [];
  const applied: PenaltyCheckResponse['applied'] = [];
  const add = (list: LawFinding[], rule: string, message: string, basis: string) => {
    if (!list.some((f) => f.rule === rule && f.message === message)) list.push({ rule, message, basis });
  };
  if (req.decisionDate < req.actDate)
    add(
      violations,
      'decision_before_act',
      zh ? '决定日期早于行为发生日' : 'the decision is dated before the act',
      '',
    );

  const age =
    req.party.kind === 'person' && req.party.birthDate ? ageAt(req.party.birthDate, req.actDate) : undefined;
  let detentionTotal = 0;
  let detentionLaw: LawVersion | undefined;

  for (const o of req.offences) {
    const tier: Tier = o.tier ?? 'ordinary';
    const foundAtAct = offenceIn(register, o.name, req.actDate);
    const foundAtDecision = offenceIn(register, o.name, req.decisionDate);
    const atAct = foundAtAct?.offence;
    const atDecision = foundAtDecision?.offence;
    if (!atAct && !atDecision) {
      const known = register.offences.some((x) => x.name === o.name);
      add(
        violations,
        known ? 'not_an_offence_on_act_date' : 'unknown_offence',
        known
          ? zh
            ? `“${o.name}”在行为发生日（${req.actDate}）不是法律规定的违法行为，不得处罚`
            : `“${o.name}” was not an offence on the act date (${req.actDate}) and cannot be punished`
          : zh
            ? `法律法规库中没有“${o.name}”：请按法定名称填写违法行为`
            : `“${o.name}” is not in the law register: name the offence by its official name`,
        '行政处罚法 第三十七条',
      );
      continue;
    }
    if (!atAct) {
      // New offence: the act was not punishable when done (法不溯及既往).
      add(
        violations,
        'not_an_offence_on_act_date',
        zh
          ? `“${o.name}”在行为发生日（${req.actDate}）尚无处罚规定，不得依此后施行的法律处罚`
          : `“${o.name}” had no penalty on the act date (${req.actDate}); a later law cannot be applied`,
        '中华人民共和国行政处罚法 第三十七条',
      );
      continue;
    }
    let chosen = atAct;
    let reason: 'act_date' | 'lighter_later' = 'act_date';
    if (
      atDecision &&
      atDecision !== atAct &&
      lighter(weight(tierOf(atDecision, tier)), weight(tierOf(atAct, tier)))
    ) {
      chosen = atDecision;
      reason = 'lighter_later';
    }
    const law = register.laws.find((l) => l.id === chosen.version);
    // the text applied stands in for a version that has not entered it: not confirmed for the date
    const standsIn = Boolean((reason === 'act_date' ? foundAtAct : foundAtDecision)?.notEnteredIn);
    applied.push({
      offence: o.name,
      tier,
      law: chosen.law,
      version: chosen.version,
      article: chosen.article,
      reason,
      unconfirmed: chosen.unconfirmed || Boolean(law?.unconfirmed) || standsIn,
      range: chosen.tiers,
    });
    const basis = basisOf(law, chosen.article);
    const notEntered = notEnteredNotice(o.name, basis, foundAtAct, foundAtDecision, lang);
    if (notEntered) add(notices, 'offence_not_entered', notEntered.message, notEntered.basis);
    if (chosen.unconfirmed)
      add(
        notices,
        'unconfirmed_basis',
        zh
          ? `“${o.name}”的条文或幅度未经法律文本核实，请核对${basis}`
          : `the article or ranges of “${o.name}” are not confirmed from the law's text; check ${basis}`,
        basis,
      );

    if (req.party.kind === 'organisation' && !chosen.organisations) {
      add(
        violations,
        'organisation_not_liable',
        zh
          ? `单位不能成为“${o.name}”的处罚对象：应对其直接负责的主管人员和其他直接责任人员处罚`
          : `an organisation cannot be punished for “${o.name}”: punish the persons directly responsible`,
        basisOf(law, law?.general.organisationArticle),
      );
      continue;
    }
    if (age != null && law?.general.minimumAge != null && age < law.general.minimumAge) {
      if (o.penalties.length)
        add(
          violations,
          'under_minimum_age',
          zh
            ? `行为人行为时${age}周岁，不满${law.general.minimumAge}周岁，不予处罚（应责令其监护人严加管教）`
            : `the party was ${age} at the act, under ${law.general.minimumAge}: no penalty may be given`,
          basisOf(law, law.general.minimumAgeArticle),
        );
      continue;
    }
    for (const p of o.penalties) {
      if (law?.general.penaltyTypes && !law.general.penaltyTypes.includes(p.type))
        add(
          violations,
          'penalty_type_unknown',
          zh
            ? `${TYPE_ZH[p.type]}不是${law.law}规定的处罚种类${p.type === 'confiscation' ? '（赌资、违禁品等应予收缴，另行登记，不是处罚）' : ''}`
            : `${TYPE_EN[p.type]} is not a penalty under the ${law.law}${p.type === 'confiscation' ? ' (gambling money, contraband are seized — 收缴 — recorded apart, not a penalty)' : ''}`,
          basisOf(law, law.general.penaltyTypesArticle),
        );
    }
    const rule = tierOf(chosen, tier);
    if (!rule) {
      const tiers = chosen.tiers
        .map((t) => (zh ? (t.label ?? TIER_ZH[t.tier]) : TIER_EN[t.tier]))
        .join(zh ? '、' : ', ');
      add(
        violations,
        'tier_not_in_article',
        zh
          ? `${basis}对“${o.name}”没有${TIER_ZH[tier]}的处罚档次（有：${tiers}）`
          : `${basis} has no ${TIER_EN[tier]} tier for “${o.name}” (it has: ${tiers})`,
        basis,
      );
      continue;
    }
    const minor =
      age != null && law?.general.mitigationBelowAge != null && age < law.general.mitigationBelowAge;
    const results = rule.schemes.map((s) => schemeProblems(s, o.penalties, !minor, lang));
    if (!results.some((r) => r.length === 0)) {
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      add(
        violations,
        'penalty_out_of_range',
        zh
          ? `“${o.name}”（${rule.label ?? TIER_ZH[tier]}）依法应${tierText(rule, lang)}：${best.join('；')}`
          : `“${o.name}” (${TIER_EN[tier]}) allows ${tierText(rule, lang)}: ${best.join('; ')}`,
        basis,
      );
    }
    if (minor && o.penalties.length)
      add(
        notices,
        'minor_mitigation',
        zh
          ? `行为人行为时${age}周岁，应当从轻或者减轻处罚`
          : `the party was ${age} at the act: the penalty must be lighter or mitigated`,
        basisOf(law, law?.general.mitigationArticle),
      );
    const days = o.penalties.find((p) => p.type === 'detention')?.days ?? 0;
    if (days > 0) {
      detentionTotal += days;
      detentionLaw = law;
    }
  }

  const cap = detentionLaw?.general.combinedDetentionMax;
  if (detentionLaw && cap != null && detentionTotal > cap && req.offences.length > 1)
    add(
      notices,
      'combined_detention_cap',
      zh
        ? `行政拘留分别决定、合并执行，合计${detentionTotal}日，执行时最长不超过${cap}日`
        : `detention is decided per offence and executed together: ${detentionTotal} days in all, at most ${cap} executed`,
      basisOf(detentionLaw, detentionLaw.general.combinedDetentionArticle),
    );

  const ne = detentionLaw?.general.detentionNotExecuted;
  if (detentionLaw && ne && detentionTotal > 0) {
    const reasons: string[] = [];
    if (age != null)
      for (const g of ne.ages)
        if (age >= g.from && age < g.to && (!g.firstOffenceOnly || req.party.firstOffence !== false))
          reasons.push(
            zh
              ? `行为时已满${g.from}周岁不满${g.to}周岁${g.firstOffenceOnly ? '且初次违反治安管理' : ''}`
              : `aged ${g.from}–${g.to - 1} at the act${g.firstOffenceOnly ? ' and a first offence' : ''}`,
          );
    if (age != null && ne.elderlyFrom != null && age >= ne.elderlyFrom)
      reasons.push(zh ? `${ne.elderlyFrom}周岁以上` : `aged ${ne.elderlyFrom} or over`);
    if (ne.pregnantOrNursing && req.party.pregnantOrNursing)
      reasons.push(zh ? '怀孕或者哺乳自己不满一周岁婴儿' : 'pregnant or nursing a baby under one');
    if (reasons.length)
      add(
        notices,
        'detention_not_executed',
        zh
          ? `行为人${reasons.join('、')}：决定行政拘留的，不执行${ne.exception ? `（${ne.exception}的除外）` : ''}`
          : `the party is ${reasons.join(', ')}: detention decided is not executed${ne.exception ? ` (unless: ${ne.exception})` : ''}`,
        basisOf(detentionLaw, ne.article),
      );
  }
  const hearing = hearingRight(register, req, applied, age, lang);
  if (hearing) add(notices, 'hearing_right', hearing.message, hearing.basis);
  return { lawful: violations.length === 0, applied, violations, notices };
}

/**
 * The notice for an offence the version in force has not entered yet: on the act date (judged
 * by the earlier text), or on the decision date only (从旧兼从轻 could not compare the two).
 */
function notEnteredNotice(
  name: string,
  basis: string,
  atAct: Found | undefined,
  atDecision: Found | undefined,
  lang: Lang,
): { message: string; basis: string } | null {
  const zh = lang === 'zh-CN';
  const act = atAct?.notEnteredIn;
  const later = !act && atDecision?.notEnteredIn;
  const missing = act ?? later;
  if (!missing) return null;
  const what = zh
    ? `“${name}”尚未录入${missing.title}（${missing.id}）`
    : `“${name}” is not yet entered in ${missing.title} (${missing.id})`;
  const message = act
    ? zh
      ? `${what}：暂依${basis}的幅度校验，请法制部门录入新版本的条款和幅度，或核实新法是否仍处罚该行为`
      : `${what}: judged by ${basis} for now; the legal detachment should enter the new version's article and ranges, or confirm the new law still punishes it`
    : zh
      ? `${what}：决定时施行的新法是否更轻（从旧兼从轻）无法比较，请法制部门录入后复核`
      : `${what}: whether the law in force at the decision is lighter (从旧兼从轻) cannot be compared until it is entered`;
  return { message, basis: missing.title };
}

/**
 * The right to a hearing (听证) the party must be told of before the decision, under the version
 * of each applied law in force on the decision date (a procedural rule: the day of the act, not
 * of the offence, decides): a total fine at or above the threshold, a licence revoked, or (2025
 * law) a minor at the act proposed for detention — the 2025 law asks it for a minor who *may* be
 * detained; Fazhi gives it to every minor proposed for detention rather than guess the exception.
 */
function hearingRight(
  register: LawRegister,
  req: PenaltyCheckRequest,
  applied: PenaltyCheckResponse['applied'],
  age: number | undefined,
  lang: Lang,
): { message: string; basis: string } | null {
  const zh = lang === 'zh-CN';
  const all = req.offences.flatMap((o) => o.penalties);
  const fine = all.filter((p) => p.type === 'fine').reduce((n, p) => n + (p.amount ?? 0), 0);
  for (const name of new Set(applied.map((a) => a.law))) {
    const law = lawInForce(register, name, req.decisionDate);
    const h = law?.general.hearing;
    if (!law || !h) continue;
    const reasons: string[] = [];
    if (fine >= h.fineFrom)
      reasons.push(
        zh ? `罚款${fine}元（${h.fineFrom}元以上）` : `a fine of ${fine} yuan (from ${h.fineFrom})`,
      );
    if (h.licenceRevocation && all.some((p) => p.type === 'licence_revocation'))
      reasons.push(zh ? '吊销许可证件' : 'a licence revoked');
    if (h.minorDetention && age != null && age < 18 && all.some((p) => p.type === 'detention'))
      reasons.push(
        zh
          ? `行为时${age}周岁，拟行政拘留（应同时告知其监护人，听证不公开举行）`
          : `aged ${age} at the act and proposed for detention (tell the guardian too; the hearing is not public)`,
      );
    if (reasons.length)
      return {
        message: zh
          ? `拟作出${reasons.join('、')}：作出决定前应当告知当事人有权要求举行听证`
          : `${reasons.join(', ')}: before deciding, tell the party of the right to ask for a hearing`,
        basis: basisOf(law, h.article),
      };
  }
  return null;
}
