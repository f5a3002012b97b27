import type { Bilingual } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';

export interface RecordColumn {
  key: string;
  zh: string;
  en: string;
  /** The names of the column's codes (a status, a level …): records show names, never codes. */
  names?: Readonly<Record<string, Bilingual>>;
}

/**
 * A metric Fazhi counts from its own records. `rows` is the one set-based query of the records
 * behind the number (one row per thing counted, with `id` and a sort key `at`); the value is
 * `count(*)` of exactly that query and the drill-down pages through it, so the two cannot differ.
 */
export interface ComputedMetric {
  id: string;
  columns: readonly RecordColumn[];
  rows(orgId: number, p: PeriodRange): SQL;
  /**
   * The value when it is not the number of rows — a rule's parameter (7 working days) read from
   * legal_rules or settings: one row with one numeric column `n`. `rows` then lists the record(s)
   * the value was read from.
   */
  value?(orgId: number, p: PeriodRange): SQL;
  /** `rows` carries `unit_id` (the unit the record belongs to), so the metric breaks down by unit. */
  byUnit?: boolean;
  /**
   * Counts by the year and quarter its records are labelled with (an evaluation round, an award
   * year), not by dates: it has a value for a year or a quarter, never for a month.
   */
  labelled?: boolean;
  /** False when the metric has no value for such a period (yearly awards asked for a quarter). */
  appliesTo?(p: PeriodRange): boolean;
}

/** A timestamptz column within the period (China-time bounds). */
export const tsIn = (col: string, p: PeriodRange) =>
  sql`${sql.raw(col)} >= ${p.from}::timestamptz and ${sql.raw(col)} < ${p.to}::timestamptz`;

/** A date column within the period. */
export const dateIn = (col: string, p: PeriodRange) =>
  sql`${sql.raw(col)} >= ${p.fromDate}::date and ${sql.raw(col)} < ${p.toDate}::date`;

/** A timestamp as China time text, so records read the same in JSON and Excel. */
export const cn = (col: string) =>
  sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`);

export const col = (
  key: string,
  zh: string,
  en: string,
  names?: Readonly<Record<string, Bilingual>>,
): RecordColumn => ({ key, zh, en, names });

/** A yes/no column's names. */
export const YES_NO: Readonly<Record<string, Bilingual>> = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
};

/** Penalty decisions (行政处罚): what 行政处罚人数 and 公示行政处罚人数 count. */
export const PENALTY_KINDS = sql.raw(`('warning', 'fine', 'confiscation', 'detention')`);

/** One person counted once: by ID number when known, else by party, else by case. */
export const personKey = (party: string, fallbackCase: string) =>
  sql.raw(`coalesce(${party}.id_number, 'party:' || ${party}.id::text, 'case:' || ${fallbackCase}::text)`);
