/**
 * Building what the public sees from a decision, and saying it in words. Pure, so the server's
 * snapshot, its search text and the web page's wording cannot drift apart.
 */
import { type DecisionKind, publicityRule } from '../cases/workflow.ts';
import { maskAddress, maskName } from '../personal-data/masking.ts';
import type { Bilingual, Locale } from '../platform/errors.ts';
import { say } from '../platform/errors.ts';
import type {
  PUBLICATION_STATUSES,
  PublicityCategory,
  PublicityConclusion,
  PublicityContent,
  PublicityObject,
  PublicityOffence,
} from './contracts.ts';

/** A publicity task. */
export const PUBLICATION_STATUS_NAMES: Record<(typeof PUBLICATION_STATUSES)[number], Bilingual> = {
  pending: { zh: '待公示', en: 'To publish' },
  published: { zh: '已公示', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const PUBLICITY_CATEGORY_NAMES: Record<PublicityCategory, Bilingual> = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  other: { zh: '其他行政执法决定', en: 'Other enforcement decision' },
};

export const PUBLICITY_DECISION_NAMES: Record<DecisionKind, Bilingual> = {
  warning: { zh: '警告', en: 'Warning' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得、非法财物', en: 'Confiscation' },
  detention: { zh: '行政拘留', en: 'Administrative detention' },
  no_penalty: { zh: '不予行政处罚', en: 'No penalty' },
  arrest_request: { zh: '提请批准逮捕', en: 'Request for arrest approval' },
  prosecution_transfer: { zh: '移送审查起诉', en: 'Transfer for prosecution' },
  case_revoked: { zh: '撤销案件', en: 'Case revoked' },
};

export const publicityCategoryOf = (kind: DecisionKind): PublicityCategory =>
  publicityRule(kind) === 'publicity_penalty' ? 'penalty' : 'other';

/** A case party as stored: everything personal arrives whole and leaves masked. */
export interface PartyForPublicity {
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone?: string | null;
  address: string | null;
}

export interface DecisionForPublicity {
  authority: string;
  unit: string;
  docNo: string;
  decidedOn: string;
  kind: DecisionKind;
  fineAmount: string | null;
  detentionDays: number | null;
  confiscation: string | null;
  offences: PublicityOffence[];
  party: PartyForPublicity | null;
  /** Sealed 治安 records: the decision is published without its party. */
  withheld?: 'records_sealed' | null;
}

const orNull = (s: string) => (s === '' ? null : s);

/**
 * 执法对象 under the masking policy (LEGAL-RULES.md): a person's name keeps its first character,
 * the address stops at the street. An organisation's name and credit code are public. No digit
 * of an ID number is published (issue 11): the region code and the last four, which the internal
 * masked copies keep, narrow a surname down to a person. Phone numbers are never published.
 */
export function maskPublicityObject(p: PartyForPublicity): PublicityObject {
  const organisation = p.kind === 'organisation';
  return {
    kind: organisation ? 'organisation' : 'person',
    name: organisation ? p.name.trim() : maskName(p.name),
    idNumber: null,
    creditCode: organisation && p.creditCode ? p.creditCode.trim() : null,
    address: p.address ? orNull(maskAddress(p.address)) : null,
  };
}

export function buildPublicityContent(d: DecisionForPublicity): PublicityContent {
  return {
    authority: d.authority,
    unit: d.unit,
    docNo: d.docNo,
    decidedOn: d.decidedOn,
    category: publicityCategoryOf(d.kind),
    object: d.party && !d.withheld ? maskPublicityObject(d.party) : null,
    objectWithheld: d.withheld ?? null,
    conclusion: {
      decision: d.kind,
      fineAmount: d.fineAmount,
      detentionDays: d.detentionDays,
      confiscation: d.confiscation?.trim() || null,
      offences: d.offences,
    },
  };
}

/** "500.00" → "500", "1234.50" → "1,234.5". */
export function formatYuan(amount: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return amount;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The conclusion in one line: 行政拘留10日，并处罚款人民币500元 / Administrative detention for 10 days … */
export function conclusionText(c: PublicityConclusion, locale: Locale): string {
  const zh = locale !== 'en-US';
  const fine = c.fineAmount ? formatYuan(c.fineAmount) : null;
  const parts: string[] = [];
  switch (c.decision) {
    case 'warning':
      parts.push(zh ? '警告' : 'Warning');
      break;
    case 'fine':
      parts.push(zh ? `罚款人民币${fine ?? ''}元` : `Fine of CNY ${fine ?? ''}`);
      break;
    case 'detention':
      parts.push(
        zh
          ? `行政拘留${c.detentionDays ?? ''}日`
          : `Administrative detention for ${c.detentionDays ?? ''} days`,
      );
      break;
    default:
      parts.push(say(PUBLICITY_DECISION_NAMES[c.decision], locale));
  }
  if (fine && c.decision !== 'fine')
    parts.push(zh ? `并处罚款人民币${fine}元` : `plus a fine of CNY ${fine}`);
  if (c.confiscation && c.decision !== 'confiscation')
    parts.push(zh ? `没收${c.confiscation}` : `confiscation of ${c.confiscation}`);
  else if (c.confiscation) parts[0] = zh ? `没收${c.confiscation}` : `Confiscation of ${c.confiscation}`;
  return parts.join(zh ? '，' : '; ');
}

/** 处罚依据: 《治安管理处罚法》第四十三条第一款. */
export const offenceBasis = (o: PublicityOffence) => `《${o.law}》${o.article}`;

/**
 * The text the portal searches: only what the snapshot shows (so a full name typed into the
 * search box finds nothing), in Chinese, the language of the records.
 */
export function publicitySearchText(c: PublicityContent): string {
  return [
    c.docNo,
    c.authority,
    c.unit,
    c.object?.name,
    c.object?.creditCode,
    PUBLICITY_CATEGORY_NAMES[c.category].zh,
    PUBLICITY_DECISION_NAMES[c.conclusion.decision].zh,
    conclusionText(c.conclusion, 'zh-CN'),
    ...c.conclusion.offences.flatMap((o) => [o.name, offenceBasis(o)]),
    c.decidedOn,
  ]
    .filter((s): s is string => !!s)
    .join(' ');
}
