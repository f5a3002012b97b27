/**
 * Shapes of the consistency checker (一致性检查) of the annual report (法治政府建设年度报告).
 * Pure data, so the server, the CLI and the web preview read the same findings.
 */

export const FINDING_KINDS = [
  'parts_exceed_total',
  'parts_do_not_sum',
  'rate_mismatch',
  'rate_impossible_for_base',
  'same_quantity_different_values',
  'document_number_conflict',
  'regulation_citation_conflict',
  'record_mismatch',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** `error`: the report contradicts itself; `warning`: very likely wrong; `info`: worth a look. */
export type CheckSeverity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  /** 1-based line of the excerpt's start in the input. */
  line: number;
  /** Offsets into the input string (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface CheckFinding {
  kind: FindingKind;
  severity: CheckSeverity;
  /** zh-CN, for the people who wrote the report. */
  message: string;
  messageEn: string;
  /** Exact quotes of the input, one per location. */
  excerpts: string[];
  locations: FindingLocation[];
  /** The sum or division behind the verdict, e.g. "27+108+155=290 > 200". */
  arithmetic?: string;
  /** The record the report disagrees with (record_mismatch only). */
  metricId?: string;
}

/**
 * A figure Fazhi holds in its own records. `period` is a year ("2021"), `stock` (a count as of
 * now: 截至目前/目前/累计) or `since:YYYY` (2020年以来).
 */
export interface KnownFigure {
  metricId: string;
  /**
   * zh names and aliases as a report would word the subject, the metric's own name first, e.g.
   * ["审核行政案件数", "审核行政案件"]. An alias that is the first name without its action
   * (行政案件 for 审核行政案件数) binds nothing: see check-records.ts.
   */
  names: string[];
  /** 人, 件, 起, %, 元 …; 名 matches 人, 起 matches 件. */
  unit: string;
  period: string;
  /** In base units: 元 for money (a report's 10万元 is 100000), percentage points for rates. */
  value: number;
}

export interface CheckOptions {
  known?: KnownFigure[];
  /** The report's year; read from the title (…2021年…年度报告) when absent. */
  reportYear?: number;
}

/** When a figure holds: a calendar year, since a year, the last N years, as of now, or unknown. */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'since'; year: number }
  | { kind: 'recent'; years: number }
  | { kind: 'stock' }
  | { kind: 'unknown' };

/** One number with its unit as the report states it, located in the normalised text. */
export interface Figure {
  /** The value in base units (万 and 亿 multiplied out; 万元 → 元). */
  value: number;
  /** Lower and exclusive upper bound of what the words allow (24.6万余 → [246000, 247000)). */
  low: number;
  high: number;
  /** 余/多/约/近/左右 … : the printed value is not exact. */
  approx: boolean;
  /** Digits after the decimal point as printed (rates: the rounding tolerance). */
  decimals: number;
  /** Canonical unit (件起 → 件, 万元 → 元, 个工作日 → 工作日). */
  unit: string;
  unitClass: string;
  numeral: 'arabic' | 'chinese';
  /** Offsets into the normalised text; [start, end) covers the number and its unit. */
  start: number;
  end: number;
  paragraph: number;
  sentence: number;
  /** The clause (between ，、；。：) that holds the figure, normalised. */
  clauseStart: number;
  /** The noun phrase naming what is counted, fillers and period words removed. */
  subject: string;
  period: Period;
  /** 其中, 共, 累计, 每, 约 … found just before the figure. */
  qualifiers: string[];
  /** A stated rate (率 … %): the word before it, e.g. 通过 for 通过率. */
  rateStem?: string;
  /** The figure is a parameter (每日 40 起, 7 个工作日内, 10万元以上), not a count of the period. */
  parameter: boolean;
}
