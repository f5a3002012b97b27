/**
 * What every decision document shares: the data a template reads (loaded once by `index.ts`,
 * so the templates are pure and tested without a database), the party and suspect particulars,
 * the evidence list, the legal basis, statutory periods read from the rules in force, and the
 * people's government and procuratorate of the issuing branch.
 */
import {
  type CoerciveMeasure,
  idNumberBirthDate,
  idNumberSex,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  ruleInForce,
} from '@fazhi/common';
import type { cases, decisions } from '../../../db/schema/index.ts';
import type { Block } from '../../../platform-io/docx.ts';

/** The decision columns the documents read. */
export type Decision = Pick<
  typeof decisions.$inferSelect,
  | 'orgId'
  | 'kind'
  | 'docNo'
  | 'fineAmount'
  | 'detentionDays'
  | 'confiscation'
  | 'penaltyItemCodes'
  | 'partyId'
  | 'facts'
  | 'reasoning'
  | 'decidedAt'
> &
  Partial<
    Pick<
      typeof decisions.$inferSelect,
      'lawBasis' | 'lawNotices' | 'offencePenalties' | 'measures' | 'guiltyPlea' | 'revokeGround'
    >
  >;
export type Case = typeof cases.$inferSelect;

/** A case party as the documents print it. */
export interface DocParty {
  id: number;
  /** person | organisation */
  kind: string;
  /** suspect | offender | victim | complainant | witness | other */
  role: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  /** 法定代表人 (or 主要负责人) of an organisation. */
  legalRepresentative?: string | null;
}

export interface DocEvidence {
  fileName: string;
  description: string | null;
}

/** One article of the legal basis: the law's short or full name and the article (第四十三条 …). */
export interface BasisItem {
  law: string;
  article: string;
  /** The offence or 罪名 (殴打他人, 盗窃罪). */
  name?: string;
}

/** A statutory period as the legal-rules table holds it. */
export interface RuleRow {
  code: string;
  effectiveFrom: string;
  amount: number;
  unit: string;
}

export interface DocContext {
  decision: Decision;
  caseRow: Pick<Case, 'title' | 'caseType'>;
  /** The issuing branch (渝州区公安分局). */
  organ: string;
  /** China Standard Time dates. */
  decidedOn: string;
  receivedOn: string;
  /** 立案 date of a criminal case (acceptedAt), when it was filed. */
  filedOn: string | null;
  /** The party the decision is addressed to. */
  party?: DocParty;
  /** Every party of the case (the suspects, and the names a masked copy hides). */
  parties: DocParty[];
  evidence: DocEvidence[];
  /** The decision's penalty items: offence, law and article. */
  items: BasisItem[];
  rules: RuleRow[];
  /** A copy for someone other than the party: names, ID numbers and addresses masked. */
  masked: boolean;
  /** The 处罚前告知 of this decision's round, as recorded (null: none recorded, e.g. 不予处罚). */
  notice?: PenaltyNotice | null;
  /**
   * The decision was made on the spot (当场处罚, 简易程序): 复议前置 applies. Fazhi has no 简易程序
   * workflow yet, so the loader never sets it; the template prints it for when it does.
   */
  onTheSpot?: boolean;
  /** The 强制措施 the proposal recorded (criminal). */
  measures?: CoerciveMeasure[];
  /** 认罪认罚 as recorded (自愿如实供述…，愿意接受处罚，已签署认罪认罚具结书). */
  guiltyPlea?: string | null;
}

/** What the `inform` action recorded (the `penalty_notice` proceeding's detail and date). */
export interface PenaltyNotice {
  informedOn: string;
  statement: 'waived' | 'stated';
  statementReview: string | null;
  hearing: 'waived' | 'requested' | 'undecided' | null;
  /** How the hearing ended, if one was asked for or its window ran out. */
  hearingOutcome: string | null;
  /** 公告告知 (程序规定 art.168) rather than in person. */
  publicNotice?: boolean;
  /** The day the hearing was held (as scheduled). */
  hearingHeldOn?: string | null;
}

/** What a template writes; the entry point adds the title, number, issuer and signature. */
export interface DocSpec {
  addressee?: string;
  body: Block[];
  note?: string;
}

export type Template = (ctx: DocContext) => DocSpec;

const CN_DIGITS = '零一二三四五六七八九';
/** 7 → 七, 15 → 十五, 60 → 六十 (the periods printed in the documents' instructions). */
export function cnCount(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 100) {
    const t = Math.floor(n / 10);
    const o = n % 10;
    return `${t === 1 ? '' : CN_DIGITS[t]}十${o ? CN_DIGITS[o] : ''}`;
  }
  return String(n);
}

/** 2021-09-28 → 2021年9月28日 (dates inside the text; the signature date is in Chinese numerals). */
export function textDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** 500 → 500, 1234.5 → 1234.5 (yuan, no grouping, as the documents print amounts). */
export function yuan(amount: string | number): string {
  return Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2, useGrouping: false });
}

/** A text as one sentence: trailing punctuation replaced by 。 */
export function sentence(text: string): string {
  return `${text.trim().replace(/[。.；;，,\s]+$/, '')}。`;
}

/** Replaces every party's name, ID number and phone in free text on a masked copy. */
export function scrubber(ctx: DocContext): (text: string) => string {
  if (!ctx.masked) return (text) => text;
  return (text) =>
    ctx.parties.reduce((acc, p) => {
      let out = acc.split(p.name).join(p.kind === 'person' ? maskName(p.name) : p.name);
      if (p.idNumber) out = out.split(p.idNumber).join(maskIdNumber(p.idNumber));
      if (p.phone) out = out.split(p.phone).join(maskPhone(p.phone));
      return out;
    }, text);
}

export function displayName(p: DocParty, masked: boolean): string {
  return masked && p.kind === 'person' ? maskName(p.name) : p.name;
}

/**
 * The particulars after a party's name: a person's sex and birth date (from the ID number, not
 * on a masked copy), ID number and address; an organisation's 统一社会信用代码, 法定代表人 and
 * address. Each starts with ，; absent ones are left out.
 */
export function particulars(p: DocParty, masked: boolean): string {
  const address = (label: string) =>
    p.address ? `，${label}${masked ? maskAddress(p.address) : p.address}` : '';
  if (p.kind === 'organisation') {
    return [
      p.creditCode ? `，统一社会信用代码${p.creditCode}` : '',
      p.legalRepresentative
        ? `，法定代表人${masked ? maskName(p.legalRepresentative) : p.legalRepresentative}`
        : '',
      address('地址'),
    ].join('');
  }
  const sex = p.idNumber && !masked ? idNumberSex(p.idNumber) : null;
  const birth = p.idNumber && !masked ? idNumberBirthDate(p.idNumber) : null;
  return [
    sex ? `，性别${sex === 'M' ? '男' : '女'}` : '',
    birth ? `，出生日期${textDate(birth)}` : '',
    p.idNumber ? `，公民身份号码${masked ? maskIdNumber(p.idNumber) : p.idNumber}` : '',
    address('现住址'),
  ].join('');
}

/** The evidence as named in the file: its description, else its file name without extension. */
export function evidenceNames(ctx: DocContext): string[] {
  const scrub = scrubber(ctx);
  const names = ctx.evidence.map((e) =>
    scrub((e.description?.trim() || e.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')).replace(/[。；;]+$/, '')),
  );
  return [...new Set(names.filter((n) => n !== ''))];
}

/** 治安管理处罚法 → 《中华人民共和国治安管理处罚法》; rules and regulations keep their name. */
export function lawTitle(law: string): string {
  const name = law.replace(/^《|》$/g, '');
  return `《${/法$/.test(name) && !name.startsWith('中华人民共和国') ? `中华人民共和国${name}` : name}》`;
}

/**
 * The legal basis as printed: articles grouped by law in the order given, e.g.
 * 《中华人民共和国治安管理处罚法》第四十三条第一款、第四十九条. The one place that writes a
 * basis, so a caller can pass the articles of the law version that applied instead of the
 * penalty items' own.
 */
export function basisText(items: readonly Pick<BasisItem, 'law' | 'article'>[]): string {
  const byLaw = new Map<string, string[]>();
  for (const i of items) {
    const title = lawTitle(i.law);
    const articles = byLaw.get(title) ?? [];
    if (!articles.includes(i.article)) articles.push(i.article);
    byLaw.set(title, articles);
  }
  return [...byLaw].map(([title, articles]) => `${title}${articles.join('、')}`).join('、');
}

/** The offences or 罪名 of the decision (盗窃罪、诈骗罪). */
export function offenceNames(items: readonly BasisItem[]): string {
  return [...new Set(items.map((i) => i.name).filter((n): n is string => !!n))].join('、');
}

export interface Period {
  amount: number;
  unit: string;
}

/**
 * The statutory periods the documents print, read from the legal-rules table by the decision
 * date. The fallback is the law's own number for a rule the table does not hold yet.
 */
export const PERIODS = {
  // 行政复议法 2023 art.20 (2017 art.9): sixty days.
  adminReconsideration: {
    code: 'admin_reconsideration_apply',
    fallback: { amount: 60, unit: 'calendar_days' },
  },
  // 行政诉讼法 art.46: six months when suing directly.
  adminLitigation: { code: 'admin_litigation_apply', fallback: { amount: 6, unit: 'months' } },
  // 行政诉讼法 art.45: fifteen days after the 复议决定书 is received.
  litigationAfterReconsideration: {
    code: 'admin_litigation_after_reconsideration',
    fallback: { amount: 15, unit: 'calendar_days' },
  },
  // 行政处罚法 art.67 para.3: fifteen days to pay a fine.
  finePayment: { code: 'fine_payment', fallback: { amount: 15, unit: 'calendar_days' } },
  // 公安机关办理刑事案件程序规定 (2020) art.179: the complainant's seven days.
  notFiledReconsideration: { code: 'reconsideration_apply', fallback: { amount: 7, unit: 'calendar_days' } },
  // 程序规定 art.189: the parties are told within three days. Another change adds the rule
  // `case_revoked_notice`; until it is loaded the article's three days apply.
  caseRevokedNotice: { code: 'case_revoked_notice', fallback: { amount: 3, unit: 'calendar_days' } },
} as const satisfies Record<string, { code: string; fallback: Period }>;

export function period(ctx: Pick<DocContext, 'rules' | 'decidedOn'>, key: keyof typeof PERIODS): Period {
  const { code, fallback } = PERIODS[key];
  const rule = ruleInForce(ctx.rules, code, ctx.decidedOn);
  return rule ? { amount: rule.amount, unit: rule.unit } : fallback;
}

/** 六十日, 六个月, 五个工作日. */
export function periodText(p: Period): string {
  const n = cnCount(p.amount);
  switch (p.unit) {
    case 'months':
      return `${n}个月`;
    case 'working_days':
      return `${n}个工作日`;
    case 'hours':
      return `${n}小时`;
    default:
      return `${n}日`;
  }
}

export interface Jurisdiction {
  /** The county-level area (渝州区; 北京市朝阳区 for 北京市公安局朝阳分局). */
  region: string;
  /** Its people's government (the 复议机关 under 行政复议法 2023). */
  government: string;
  /** Its people's procuratorate (同级人民检察院, the addressee of 提捕 and 起诉意见). */
  procuratorate: string;
  /** The next-higher public-security organ (上一级主管部门), by name where the branch's name tells it. */
  superior: string;
}

/**
 * The area a branch serves, from its name: 渝州区公安分局 → 渝州区; 某某县公安局 → 某某县;
 * 北京市公安局朝阳分局 → 北京市朝阳区 (a 分局 named without 区 serves the district of that name).
 */
export function jurisdiction(organ: string): Jurisdiction {
  const cityBranch = /^(?:.+?(?:省|自治区))?(.+?市)公安局(.+?)分局$/.exec(organ);
  let region: string;
  let superior = '上一级公安机关';
  if (cityBranch) {
    const [, city, district] = cityBranch as unknown as [string, string, string];
    region = `${city}${/[区县市旗]$/.test(district) ? district : `${district}区`}`;
    superior = `${city}公安局`;
  } else {
    const county = /^(.+?(?:区|县|市|旗))公安(?:分)?局$/.exec(organ);
    region = county ? county[1]! : organ.replace(/公安.*$/, '');
  }
  return {
    region,
    government: `${region}人民政府`,
    procuratorate: `${region}人民检察院`,
    superior,
  };
}

/** The suspects a criminal document names: the decision's party, else every suspect of the case. */
export function suspects(ctx: DocContext): DocParty[] {
  if (ctx.party) return [ctx.party];
  return ctx.parties.filter((p) => p.role === 'suspect');
}
