/**
 * Report periods in China Standard Time: '2021' is [2021-01-01, 2022-01-01) +08:00 and
 * '2021-Q3' is [2021-07-01, 2021-10-01) +08:00. Every metric filters with these bounds.
 */
import { AppError } from '../../../http/errors.ts';

export interface PeriodRange {
  period: string;
  year: number;
  /** 1–4 for a quarter, null for a year. */
  quarter: number | null;
  /** First day, and the day after the last (exclusive), as ISO dates. */
  fromDate: string;
  toDate: string;
  /** The same bounds as timestamps with the China offset, for timestamptz columns. */
  from: string;
  to: string;
}

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

export function isReportPeriod(period: string): boolean {
  return PERIOD.test(period);
}

export function periodRange(period: string): PeriodRange {
  const m = PERIOD.exec(period);
  if (!m) throw new AppError('VALIDATION', { period: 'report.period' });
  const year = Number(m[1]);
  const quarter = m[2] ? Number(m[2]) : null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const fromDate = quarter ? `${year}-${pad((quarter - 1) * 3 + 1)}-01` : `${year}-01-01`;
  const toDate = quarter && quarter < 4 ? `${year}-${pad(quarter * 3 + 1)}-01` : `${year + 1}-01-01`;
  return {
    period,
    year,
    quarter,
    fromDate,
    toDate,
    from: `${fromDate}T00:00:00+08:00`,
    to: `${toDate}T00:00:00+08:00`,
  };
}

/** 同比: the same period a year before ('2021-Q3' → '2020-Q3'). */
export function previousPeriod(period: string): string {
  const p = periodRange(period);
  return p.quarter ? `${p.year - 1}-Q${p.quarter}` : String(p.year - 1);
}
