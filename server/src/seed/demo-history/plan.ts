/**
 * What happens in the demo branch over the years: incidents day by day, the ones that become
 * cases, and each case's plan (which the case simulation replays up to now). Pure and seeded.
 */
import {
  type CaseType,
  CRIMINAL_DECISIONS,
  DEFAULT_GATES,
  type DecisionKind,
  type FeedbackKind,
} from '@fazhi/common';
import { type CasePlan, cstDate, DAY, HOUR, type ProposalDraft, randomRounds, writtenDate } from './cases.ts';
import { demoPenalty, lawAllows } from './penalties.ts';
import {
  between,
  EPIDEMIC_NARRATIVES,
  MEDIATION_REASONS,
  NARRATIVES,
  NOT_FILED_REASONS,
  type Place,
  pick,
  REFUSE_REASONS,
  type Rng,
  TRANSFER_TARGETS,
  weighted,
} from './text.ts';

/** 110 mix of the sub-categories (per 100 incidents), from a year of a district's records. */
export const CATEGORY_MIX: readonly (readonly [string, number])[] = [
  ['XS-RSDQ', 1.5],
  ['XS-DQ', 5],
  ['XS-ZP', 2],
  ['XS-DXZP', 3.5],
  ['XS-QJ', 0.3],
  ['XS-GYSH', 0.8],
  ['ZA-DO', 7],
  ['ZA-DB', 1],
  ['ZA-XC', 2],
  ['ZA-XD', 0.8],
  ['ZA-SR', 3],
  ['JT-SG', 14],
  ['JT-YD', 5],
  ['JF-LL', 12],
  ['JF-JT', 8],
  ['JF-JJ', 5],
  ['QZ-ZR', 4],
  ['QZ-KS', 6],
  ['QT', 19],
];

/** How often an incident of the category becomes a case (≈ 15% overall), and as what. */
const CASE_RATE: Record<string, number> = {
  'XS-RSDQ': 0.7,
  'XS-DQ': 0.35,
  'XS-ZP': 0.5,
  'XS-DXZP': 0.6,
  'XS-QJ': 0.9,
  'XS-GYSH': 0.8,
  'ZA-DO': 0.55,
  'ZA-DB': 0.6,
  'ZA-XC': 0.5,
  'ZA-XD': 0.8,
  'ZA-SR': 0.3,
  'JT-SG': 0.02,
  'JF-LL': 0.03,
  'JF-JT': 0.05,
  'JF-JJ': 0.02,
  QT: 0.01,
};

const OFFENCES: Record<string, readonly (readonly [readonly [CaseType, string], number])[]> = {
  'XS-RSDQ': [
    [['criminal', 'XF-264'], 85],
    [['admin', 'ZA-49'], 15],
  ],
  'XS-DQ': [
    [['criminal', 'XF-264'], 40],
    [['admin', 'ZA-49'], 60],
  ],
  'XS-ZP': [
    [['criminal', 'XF-266'], 60],
    [['admin', 'ZA-49-ZP'], 40],
  ],
  'XS-DXZP': [
    [['criminal', 'XF-266'], 75],
    [['criminal', 'XF-287-2'], 25],
  ],
  'XS-QJ': [[['criminal', 'XF-263'], 1]],
  'XS-GYSH': [
    [['criminal', 'XF-234'], 70],
    [['admin', 'ZA-43-1'], 30],
  ],
  'ZA-DO': [[['admin', 'ZA-43-1'], 1]],
  'ZA-DB': [
    [['admin', 'ZA-70'], 90],
    [['criminal', 'XF-303'], 10],
  ],
  'ZA-XC': [
    [['admin', 'ZA-26'], 90],
    [['criminal', 'XF-293'], 10],
  ],
  'ZA-XD': [[['admin', 'ZA-72-3'], 1]],
  'ZA-SR': [[['admin', 'ZA-23'], 1]],
  'JT-SG': [[['criminal', 'XF-133-1'], 1]],
  'JF-LL': [
    [['admin', 'ZA-42'], 50],
    [['admin', 'ZA-43-1'], 50],
  ],
  'JF-JT': [[['admin', 'ZA-43-1'], 1]],
  'JF-JJ': [[['admin', 'ZA-23'], 1]],
  QT: [[['admin', 'ZA-66'], 1]],
};

const ACTS: Record<string, (o: string, v: string, amount: number) => string> = {
  'ZA-43-1': (_o, v) => `因琐事与${v}发生纠纷，用拳头殴打${v}头面部，致其软组织挫伤`,
  'ZA-26': () => '借故生非，任意损毁他人财物，情节较轻',
  'ZA-49': (_o, _v, a) => `趁人不备盗窃他人财物，价值人民币${a}元`,
  'ZA-49-ZP': (_o, _v, a) => `虚构事实骗取他人财物，价值人民币${a}元`,
  'ZA-70': () => '以营利为目的参与赌博，赌资较大',
  'ZA-72-3': () => '吸食毒品，经现场检测呈阳性',
  'ZA-23': () => '扰乱单位正常秩序，经民警劝阻拒不改正',
  'ZA-66': () => '进行卖淫嫖娼活动',
  'ZA-42': (_o, v) => `多次发送信息威胁${v}人身安全`,
  'ZA-50': () => '拒不执行人民政府在紧急状态情况下依法发布的决定、命令',
  'XF-264': (_o, _v, a) => `多次入户盗窃他人财物，价值人民币${a}元`,
  'XF-266': (_o, v, a) => `虚构事实骗取${v}人民币${a}元`,
  'XF-287-2': () => '明知他人利用信息网络实施犯罪，为其提供银行卡帮助支付结算',
  'XF-234': (_o, v) => `持械故意伤害${v}，致其轻伤二级`,
  'XF-263': (_o, v, a) => `以暴力威胁手段劫取${v}财物，价值人民币${a}元`,
  'XF-293': () => '多次随意殴打他人，情节恶劣',
  'XF-303': () => '以营利为目的聚众赌博，抽头渔利',
  'XF-133-1': () => '在道路上醉酒驾驶机动车，经检验血液酒精含量超过80mg/100ml',
};

export interface IncidentDraft {
  key: number;
  receivedAt: number;
  source: '110' | 'walk_in' | 'online' | 'transfer';
  categoryCode: string;
  unitCode: string;
  callerName: string | null;
  callerPhone: string | null;
  place: Place;
  narrative: string;
  tags: string[];
  enterprise: boolean;
}

export interface PartyDraft {
  kind: 'person' | 'organisation';
  role: 'suspect' | 'offender' | 'victim' | 'complainant' | 'witness';
  name: string;
}

export interface CaseDraft {
  incidentKey: number;
  unitCode: string;
  caseType: CaseType;
  offenceCode: string;
  title: string;
  major: boolean;
  complex: boolean;
  inCentre: boolean;
  tags: string[];
  parties: PartyDraft[];
  /** Index in `parties` of the one the decision is addressed to. */
  objectIndex: number | null;
  plan: CasePlan;
  /** Use the demo officer account as the lead. */
  demoLead?: boolean;
}

/** The incident's sub-category and narrative; the 2021–2022 epidemic shows in some records. */
export function narrativeFor(
  r: Rng,
  category: string,
  slots: Parameters<(typeof NARRATIVES)[string][number]>[0],
  epidemic: boolean,
) {
  const special = epidemic ? EPIDEMIC_NARRATIVES[category] : undefined;
  if (special && r() < 0.35) return { text: pick(r, special)(slots, r), epidemic: true };
  return { text: pick(r, NARRATIVES[category] ?? NARRATIVES.QT!)(slots, r), epidemic: false };
}

export const becomesCase = (r: Rng, category: string) => r() < (CASE_RATE[category] ?? 0);

const yuan = (r: Rng, lo: number, hi: number, step = 100) =>
  Math.round(between(r, lo, hi) / step) * step || step;

function proposalFor(
  r: Rng,
  type: CaseType,
  code: string,
  offender: string,
  victim: string,
  placeText: string,
  date: string,
  actDate: string,
  amount: number,
  itemName: string,
  force?: DecisionKind,
): ProposalDraft {
  const act = (ACTS[code] ?? (() => '实施违法行为'))(offender, victim, amount);
  if (type === 'criminal') {
    const kind: DecisionKind =
      force ??
      (code === 'XF-133-1'
        ? weighted(r, [
            ['prosecution_transfer', 90],
            ['case_revoked', 10],
          ])
        : weighted(r, [
            ['arrest_request', 50],
            ['prosecution_transfer', 36],
            ['case_revoked', 14],
          ]));
    const text = {
      arrest_request: '提请批准逮捕',
      prosecution_transfer: '移送审查起诉',
      case_revoked: '撤销案件',
    }[kind as 'arrest_request'];
    return {
      kind,
      fineAmount: null,
      detentionDays: null,
      confiscation: null,
      penaltyItemCodes: [code],
      facts: `经侦查查明，${date}，犯罪嫌疑人${offender}在${placeText}${act}。上述事实有被害人陈述、证人证言、视听资料、电子数据及犯罪嫌疑人供述等证据证实。`,
      reasoning: `犯罪嫌疑人${offender}的行为${kind === 'case_revoked' ? '经查不构成犯罪' : `涉嫌${itemName}`}，依照《中华人民共和国刑事诉讼法》的规定，拟${text}。`,
      // 经查不构成犯罪: 程序规定 art.186 item 1.
      revokeGround: kind === 'case_revoked' ? 'no_crime' : null,
    };
  }
  // 不予处罚 now and then for a first, slight 殴打他人 settled with the victim; otherwise the law's range.
  const lenient = !force && code === 'ZA-43-1' && r() < 0.05;
  const drawn = lenient ? null : demoPenalty(r, itemName, actDate, force);
  if (!drawn && !lenient)
    throw new Error(`demo: no lawful ${force ?? 'penalty'} for ${itemName} on ${actDate}`);
  const kind: DecisionKind = drawn?.kind ?? 'no_penalty';
  const fineAmount = drawn?.fineAmount ?? null;
  const detentionDays = drawn?.detentionDays ?? null;
  const conclusion =
    kind === 'warning'
      ? '警告'
      : kind === 'fine'
        ? `罚款人民币${fineAmount}元`
        : kind === 'detention'
          ? `行政拘留${detentionDays}日${fineAmount ? `，并处罚款人民币${fineAmount}元` : ''}`
          : '不予行政处罚';
  return {
    kind,
    fineAmount,
    detentionDays,
    confiscation: null,
    penaltyItemCodes: [code],
    tier: drawn?.tier ?? 'ordinary',
    actDate,
    facts: `经查，${date}，违法行为人${offender}在${placeText}${act}。以上事实有违法行为人陈述和申辩、${victim ? '被侵害人陈述、' : ''}证人证言、现场执法视音频资料等证据证实。`,
    reasoning:
      kind === 'no_penalty'
        ? `违法行为人${offender}的违法行为情节特别轻微，且已取得被侵害人谅解，根据《中华人民共和国行政处罚法》第三十三条之规定，决定不予行政处罚。`
        : `违法行为人${offender}的行为已构成${itemName}，根据《中华人民共和国${drawn!.law}》${drawn!.article}之规定，决定给予${conclusion}。`,
  };
}

export interface PlanInput {
  r: Rng;
  incident: IncidentDraft;
  offenderName: string;
  victimName: string;
  items: Map<string, { name: string; law: string; article: string }>;
  epidemic: boolean;
}

/** A case for an incident: its type, parties and a random plan of everything that follows. */
export function caseFor(
  p: PlanInput,
  unitFor: (type: CaseType, offence: string) => string,
  force?: { kind: DecisionKind },
): CaseDraft {
  const { r, incident } = p;
  const all = OFFENCES[incident.categoryCode] ?? OFFENCES.QT!;
  // A forced decision fixes the case type: criminal decisions need a criminal offence.
  const wanted =
    force && (CRIMINAL_DECISIONS as readonly string[]).includes(force.kind) ? 'criminal' : 'admin';
  // … and, for a penalty, an offence the law in force on the day lets end in that penalty.
  const fitting = force
    ? all.filter(
        ([[type, code]]) =>
          type === wanted &&
          (type === 'criminal' ||
            lawAllows(p.items.get(code)!.name, cstDate(incident.receivedAt), force.kind)),
      )
    : all;
  const [caseType, offenceCode0] = weighted(r, fitting.length ? fitting : all);
  const offenceCode =
    p.epidemic && offenceCode0 === 'ZA-23' && incident.tags.includes('涉疫') ? 'ZA-50' : offenceCode0;
  const item = p.items.get(offenceCode)!;
  // The facts and the title date the case from its incident: its time must be set by now.
  const date = cstDate(incident.receivedAt);
  // Many burglaries, thefts and frauds stay unsolved: no suspect, still under investigation.
  const unsolved =
    !force && caseType === 'criminal' && ['XF-264', 'XF-266', 'XF-263'].includes(offenceCode) && r() < 0.25;
  const parties: PartyDraft[] = [];
  const hasVictim = !['ZA-70', 'ZA-72-3', 'ZA-66', 'XF-303', 'XF-133-1', 'ZA-50'].includes(offenceCode);
  if (incident.callerName && hasVictim)
    parties.push({
      kind: 'person',
      role: caseType === 'criminal' ? 'complainant' : 'victim',
      name: incident.callerName,
    });
  if (incident.enterprise && hasVictim)
    parties.push({
      kind: 'organisation',
      role: 'victim',
      name: incident.narrative.match(/重庆\S+?有限公司/)?.[0] ?? '重庆渝丰商贸有限公司',
    });
  let objectIndex: number | null = null;
  if (!unsolved) {
    objectIndex = parties.length;
    parties.push({
      kind: 'person',
      role: caseType === 'criminal' ? 'suspect' : 'offender',
      name: p.offenderName,
    });
    if (r() < 0.12) parties.push({ kind: 'person', role: 'witness', name: p.victimName });
  }
  const objectName = objectIndex === null ? '' : parties[objectIndex]!.name;
  const victim = parties.find((x) => x.role === 'victim' || x.role === 'complainant')?.name ?? '';
  const amount = /XS-DXZP|XF-266/.test(incident.categoryCode + offenceCode)
    ? yuan(r, 3000, 200_000)
    : yuan(r, 500, 20_000);
  const proposal = proposalFor(
    r,
    caseType,
    offenceCode,
    objectName,
    victim,
    incident.place.full.replace(/\d+号.*$/, ''),
    writtenDate(incident.receivedAt),
    date,
    amount,
    item.name,
    force?.kind,
  );
  const gates = DEFAULT_GATES[proposal.kind];
  const filingRule = weighted(r, [
    ['filing_review', 70],
    ['filing_review_lead', 25],
    ['filing_review_major', 5],
  ] as const);
  const complex = caseType === 'admin' && r() < 0.05;
  const major = caseType === 'criminal' ? filingRule === 'filing_review_major' || r() < 0.03 : r() < 0.015;
  const admin = caseType === 'admin';
  const mediable = ['ZA-43-1', 'ZA-42', 'ZA-23'].includes(offenceCode);
  const opening = admin
    ? weighted(r, [
        ['accept', 86],
        ['refuse', 4],
        ['transfer', 2],
        ['mediate', mediable ? 16 : 0],
      ] as const)
    : weighted(r, [
        ['file', 86],
        ['refuse_filing', 8],
        ['transfer', 6],
      ] as const);
  const openingReason =
    opening === 'refuse'
      ? pick(r, REFUSE_REASONS)
      : opening === 'refuse_filing'
        ? pick(r, NOT_FILED_REASONS)
        : opening === 'transfer'
          ? `${pick(r, admin ? TRANSFER_TARGETS : ['重庆市公安局经济犯罪侦查总队', '外省市公安机关（案发地）', '区人民检察院'])}：不属于本单位管辖，依法移送`
          : pick(r, MEDIATION_REASONS);
  // The acceptance clock is mostly kept; now and then it runs over (supervision finds these).
  const openingRule = admin ? (complex ? 'acceptance_review_complex' : 'acceptance_review') : filingRule;
  const limitHours = {
    acceptance_review: 24,
    acceptance_review_complex: 72,
    filing_review: 72,
    filing_review_lead: 168,
    filing_review_major: 720,
  }[openingRule]!;
  const openAfter = (r() < 0.04 ? limitHours * (1.1 + r() * 0.8) : limitHours * (0.1 + r() * 0.75)) * HOUR;
  const long = r() < 0.08;
  const investigate = unsolved
    ? Number.POSITIVE_INFINITY
    : admin
      ? (long ? between(r, 24, 45) : between(r, 1, 18)) * DAY + r() * DAY
      : between(r, 10, 75) * DAY;
  const feedbackKind: FeedbackKind | null =
    caseType === 'criminal' && r() < 0.28
      ? proposal.kind === 'arrest_request'
        ? weighted(r, [
            ['no_arrest', 35],
            ['correction_notice', 25],
            ['procuratorial_suggestion', 30],
            ['notify_filing', 10],
          ] as const)
        : weighted(r, [
            ['no_prosecution', 20],
            ['correction_notice', 30],
            ['procuratorial_suggestion', 40],
            ['notify_filing', 10],
          ] as const)
      : null;
  const plan: CasePlan = {
    caseType,
    receivedAt: incident.receivedAt,
    openingRule,
    openAfter,
    opening,
    openingReason,
    investigate,
    mediateAfter: admin && mediable && opening === 'accept' && r() < 0.1 ? between(r, 1, 6) * DAY : undefined,
    extendAfter: admin && long && r() < 0.6 ? between(r, 20, 26) * DAY : undefined,
    discussion: major,
    proposal,
    rounds: randomRounds(r, gates),
    decideAfter: (r() < 0.9 ? 1 + r() * 30 : between(r, 48, 120)) * HOUR,
    publishWorkingDays: r() < 0.07 ? between(r, 8, 14) : between(r, 1, 6),
    closeAfter:
      proposal.kind === 'arrest_request'
        ? between(r, 30, 120) * DAY
        : proposal.kind === 'prosecution_transfer'
          ? between(r, 20, 90) * DAY
          : proposal.kind === 'detention'
            ? ((proposal.detentionDays ?? 5) + between(r, 1, 5)) * DAY
            : between(r, 2, 20) * DAY,
    feedback: feedbackKind
      ? {
          after: between(r, 5, 40) * DAY,
          kind: feedbackKind,
          replyAfter: (r() < 0.1 ? between(r, 31, 45) : between(r, 5, 25)) * DAY,
        }
      : undefined,
    notFiled:
      opening === 'refuse_filing'
        ? {
            serveAfter: (r() < 0.08 ? between(r, 80, 120) : between(r, 4, 60)) * HOUR,
            apply: r() < 0.18,
            decideAfter: between(r, 10, 29) * DAY,
            overturned: r() < 0.2,
            concludeLapsedAfter: between(r, 8, 15) * DAY,
          }
        : undefined,
    revoked:
      admin && r() < 0.006
        ? { after: between(r, 30, 70) * DAY, withdrawAfter: between(r, 1, 2) * DAY }
        : undefined,
  };
  const title =
    objectIndex === null
      ? `${incident.place.road}“${Number(date.slice(5, 7))}·${Number(date.slice(8, 10))}”${item.name.replace(/罪$/, '')}案`
      : `${objectName}${item.name.replace(/罪$/, '')}案`;
  return {
    incidentKey: incident.key,
    unitCode: unitFor(caseType, offenceCode),
    caseType,
    offenceCode,
    title,
    major,
    complex,
    inCentre: !unsolved && (caseType === 'criminal' || proposal.kind === 'detention' || r() < 0.5),
    tags: incident.tags,
    parties,
    objectIndex,
    plan,
  };
}
