/**
 * The law register in the database: seeded from the register Fazhi ships with, read whole for
 * each check (a few hundred rows), never edited in place.
 */
import {
  BUILT_IN_REGISTER,
  checkPenalties,
  chinaToday,
  idNumberBirthDate,
  type LawRegister,
  type LawReviewItem,
  type LawReviewListResponse,
  type LawVersion,
  type OffenceVersion,
  type PenaltyCheckRequest,
  type PenaltyCheckResponse,
  type ProposedDecision,
  TIERS,
  type Tier,
} from '@fazhi/common';
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import {
  caseParties,
  cases,
  decisions,
  lawVersions,
  offenceVersions,
  penaltyItems,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { findCase } from '../cases/case-view.ts';
import { chinaDateOf } from '../cases/cases.service.ts';

/** Adds the shipped versions a database does not hold yet (an existing version is left as is). */
export async function seedLawRegister(db: Queryable, register: LawRegister = BUILT_IN_REGISTER) {
  for (const l of register.laws)
    await db
      .insert(lawVersions)
      .values({ ...l, general: l.general })
      .onConflictDoNothing();
  for (const o of register.offences)
    await db
      .insert(offenceVersions)
      .values({ ...o, note: o.note ?? null })
      .onConflictDoNothing();
}

/**
 * General-part rules added to the built-in law versions after they were seeded (the hearing
 * thresholds): merged into each version's `general`, keys already there (an administrator's) kept.
 */
export async function mergeBuiltInGeneralRules(db: Queryable, register: LawRegister = BUILT_IN_REGISTER) {
  for (const l of register.laws)
    await db
      .update(lawVersions)
      .set({ general: sql`${JSON.stringify(l.general)}::jsonb || ${lawVersions.general}` })
      .where(eq(lawVersions.id, l.id));
}

/** A `law_versions` row as the register's `LawVersion`. */
export const lawVersionOf = (l: typeof lawVersions.$inferSelect): LawVersion => ({
  id: l.id,
  law: l.law,
  title: l.title,
  adoptedOn: l.adoptedOn,
  effectiveFrom: l.effectiveFrom,
  effectiveUntil: l.effectiveUntil,
  general: l.general as LawVersion['general'],
  unconfirmed: l.unconfirmed,
  source: l.source,
});

export async function loadLawRegister(db: Queryable): Promise<LawRegister> {
  const laws = await db
    .select()
    .from(lawVersions)
    .where(isNull(lawVersions.supersededAt))
    .orderBy(asc(lawVersions.effectiveFrom));
  const offences = await db
    .select()
    .from(offenceVersions)
    .where(isNull(offenceVersions.supersededAt))
    .orderBy(asc(offenceVersions.law), asc(offenceVersions.version), asc(offenceVersions.rowId));
  return {
    laws: laws.map(lawVersionOf),
    offences: offences.map(
      (o): OffenceVersion => ({
        name: o.name,
        law: o.law,
        version: o.version,
        article: o.article,
        caseType: o.caseType as OffenceVersion['caseType'],
        tiers: o.tiers as OffenceVersion['tiers'],
        organisations: o.organisations,
        publicationExcluded: o.publicationExcluded,
        unconfirmed: o.unconfirmed,
        ...(o.note ? { note: o.note } : {}),
      }),
    ),
  };
}

/** `POST /api/law/penalty-check` and `fazhi law check`. */
export async function penaltyCheck(ctx: Pick<Ctx, 'db' | 'locale'>, body: PenaltyCheckRequest) {
  return checkPenalties(await loadLawRegister(ctx.db), body, ctx.locale);
}

type Penalties = PenaltyCheckRequest['offences'][number]['penalties'];

/** The penalties a proposal decides, in the checker's terms (并处 included). */
export function proposalPenalties(p: ProposedDecision): Penalties {
  const fine = p.fineAmount != null ? [{ type: 'fine' as const, amount: p.fineAmount }] : [];
  switch (p.kind) {
    case 'warning':
      return [{ type: 'warning' }, ...fine];
    case 'fine':
      return fine;
    case 'detention':
      return [{ type: 'detention', days: p.detentionDays ?? 0 }, ...fine];
    case 'confiscation':
      return [{ type: 'confiscation' }, ...fine];
    default:
      return [];
  }
}

/**
 * The check of a case's proposal on a date (the gate's day, or the decision date): the offences
 * named by the proposal's penalty items, the party's age from the ID number, the act date
 * recorded with the proposal (the case's receipt date when none was given).
 */
export async function checkProposal(
  tx: Queryable,
  locale: Ctx['locale'],
  c: { id: number; orgId: number; caseType: string; receivedOn: string },
  p: ProposedDecision,
  decisionDate: string,
): Promise<PenaltyCheckResponse | null> {
  if (c.caseType !== 'admin' || p.kind === 'no_penalty') return null;
  const items = await tx
    .select({ code: penaltyItems.code, name: penaltyItems.name })
    .from(penaltyItems)
    .where(and(eq(penaltyItems.orgId, c.orgId), inArray(penaltyItems.code, p.penaltyItemCodes)));
  const party = p.partyId
    ? (await tx.select().from(caseParties).where(eq(caseParties.id, p.partyId)))[0]
    : undefined;
  const birthDate = party?.idNumber ? idNumberBirthDate(party.idNumber) : null;
  const offences =
    p.offences ??
    (items.length === 1 ? [{ code: items[0]!.code, tier: p.tier, penalties: proposalPenalties(p) }] : null);
  if (!offences) {
    // Several offences with one set of penalties: the law decides each apart (分别决定).
    const zh = locale !== 'en-US';
    return {
      lawful: false,
      applied: [],
      notices: [],
      violations: [
        {
          rule: 'decide_per_offence',
          message: zh
            ? '有两种以上违法行为的，应当分别决定处罚（请逐项填写每一违法行为的处罚），合并执行'
            : 'several offences are decided one by one (give each offence its penalties), then executed together',
          basis: '中华人民共和国治安管理处罚法',
        },
      ],
    };
  }
  const nameOf = new Map(items.map((i) => [i.code, i.name]));
  return checkPenalties(
    await loadLawRegister(tx),
    {
      actDate: p.actDate ?? c.receivedOn,
      decisionDate,
      offences: offences.map((o) => ({
        name: nameOf.get(o.code) ?? o.code,
        tier: o.tier,
        penalties: o.penalties,
      })),
      party: {
        kind: party?.kind === 'organisation' ? 'organisation' : 'person',
        ...(birthDate ? { birthDate } : {}),
        ...(p.pregnantOrNursing ? { pregnantOrNursing: true } : {}),
        ...(p.firstOffence != null ? { firstOffence: p.firstOffence } : {}),
      },
    },
    locale,
  );
}

/** Refuses an unlawful proposal, each violation named with its rule and basis. */
export function assertLawful(result: PenaltyCheckResponse | null, field = 'proposal.kind') {
  if (!result || result.lawful) return;
  const message = result.violations
    .map((v) => (v.basis ? `${v.message}（${v.basis}）` : v.message))
    .join('；');
  throw new AppError('PENALTY_UNLAWFUL', { [field]: { key: 'law.violation', params: { message } } });
}

/**
 * The discretion helper (裁量) of the proposal form: the proposal as drafted, checked on today's
 * date for a case in the caller's scope (404 otherwise), with the legal range of each offence.
 */
export async function checkDraft(ctx: Ctx, caseId: number, draft: ProposedDecision) {
  const { c } = await findCase(ctx, ctx.db, caseId);
  const result = await checkProposal(
    ctx.db,
    ctx.locale,
    { ...c, receivedOn: chinaDateOf(c.receivedAt) },
    draft,
    chinaToday(),
  );
  return result ?? { lawful: true, applied: [], violations: [], notices: [] };
}

/**
 * 新旧法适用复查: decisions made on or after a law version came into force that cite another
 * version's article, or record no basis at all (made before the register existed), each with
 * what the law in force says and what the check finds wrong with the penalty. A review list for
 * the legal detachment, never a silent rewrite.
 */
export async function lawReviewList(ctx: Ctx): Promise<LawReviewListResponse> {
  const register = await loadLawRegister(ctx.db);
  const firstRevision = register.laws
    .filter(
      (l) =>
        l.effectiveFrom > '2000-01-01' &&
        register.laws.some((o) => o.law === l.law && o.effectiveUntil === l.effectiveFrom),
    )
    .map((l) => l.effectiveFrom)
    .sort()[0];
  if (!firstRevision) return { items: [], total: 0 };
  const rows = await ctx.db
    .select({ d: decisions, caseNo: cases.caseNo, receivedAt: cases.receivedAt })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .where(
      and(
        eq(decisions.orgId, ctx.orgId),
        inArray(decisions.kind, ['warning', 'fine', 'detention', 'confiscation']),
        gte(decisions.decidedAt, new Date(`${firstRevision}T00:00:00+08:00`)),
      ),
    )
    .orderBy(desc(decisions.decidedAt));
  const items = await ctx.db.select().from(penaltyItems).where(eq(penaltyItems.orgId, ctx.orgId));
  const out: LawReviewItem[] = [];
  for (const { d, caseNo, receivedAt } of rows) {
    const decidedOn = chinaDateOf(d.decidedAt);
    const actDate = d.actDate ?? chinaDateOf(receivedAt);
    const basis = (d.lawBasis ?? []) as { offence: string; version: string; article: string; tier?: Tier }[];
    const party = d.partyId
      ? (await ctx.db.select().from(caseParties).where(eq(caseParties.id, d.partyId)))[0]
      : undefined;
    const birthDate = party?.idNumber ? idNumberBirthDate(party.idNumber) : null;
    for (const code of d.penaltyItemCodes) {
      const item = items.find((i) => i.code === code);
      if (item?.caseType !== 'admin') continue;
      const recorded = basis.find((b) => b.offence === item.name);
      const penalties = proposalPenalties({
        kind: d.kind as ProposedDecision['kind'],
        fineAmount: d.fineAmount === null ? null : Number(d.fineAmount),
        detentionDays: d.detentionDays,
      } as ProposedDecision);
      // A decision records the 情节 tier it was judged on; an older one without it is unlawful
      // only if no tier of the article allows its penalty.
      const check = (tier: Tier) =>
        checkPenalties(
          register,
          {
            actDate,
            decisionDate: decidedOn,
            offences: [{ name: item.name, tier, penalties }],
            party: {
              kind: party?.kind === 'organisation' ? 'organisation' : 'person',
              ...(birthDate ? { birthDate } : {}),
            },
          },
          ctx.locale,
        );
      const results = recorded?.tier ? [check(recorded.tier)] : TIERS.map(check);
      const result =
        results.find((x) => x.violations.length === 0) ??
        // none allows it: explain by the ordinary tier (一般情节), else the first the article has
        [results[1] ?? results[0]!, ...results].find(
          (x) => !x.violations.some((v) => v.rule === 'tier_not_in_article'),
        ) ??
        results[0]!;
      const applied = result.applied[0];
      const inForce = register.offences.find(
        (o) =>
          o.name === item.name &&
          register.laws.find(
            (l) =>
              l.id === o.version &&
              l.effectiveFrom <= decidedOn &&
              (l.effectiveUntil == null || decidedOn < l.effectiveUntil),
          ),
      );
      const citedArticle = recorded?.article ?? item.article;
      const stale =
        !recorded ||
        (applied && (recorded.version !== applied.version || recorded.article !== applied.article));
      const unlawful = result.violations.filter((v) => v.rule !== 'tier_not_in_article');
      if (!stale && unlawful.length === 0) continue;
      out.push({
        decisionId: d.id,
        caseId: d.caseId,
        caseNo,
        docNo: d.docNo,
        decidedOn,
        actDate,
        offence: item.name,
        cited: `${item.law}${citedArticle}`,
        applied: applied
          ? { version: applied.version, article: applied.article, reason: applied.reason }
          : null,
        newLaw: inForce ? { version: inForce.version, article: inForce.article, range: inForce.tiers } : null,
        violations: unlawful,
      });
    }
  }
  return { items: out, total: out.length };
}
