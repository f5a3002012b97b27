import { currentLanguage } from '../../app/i18n/index.ts';
import { EMPTY } from '../../app/ui/format.ts';
import type { MetricRow } from './types.ts';

/** The metric's name in the user's language. */
export const metricName = (m: Pick<MetricRow, 'nameZh' | 'nameEn'>) =>
  currentLanguage() === 'en-US' ? m.nameEn || m.nameZh : m.nameZh;

/** A value with its unit as the report prints it: 2893人, 98.5%. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return EMPTY;
  const n = Number.isInteger(value)
    ? value.toLocaleString('zh-CN')
    : (Math.round(value * 100) / 100).toString();
  return `${n}${unit}`;
}

/** 同比 as a signed percentage, or — when there is no base year. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return EMPTY;
  const pct = Math.round(change * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

export const changeColor = (change: number | null | undefined) =>
  change === null || change === undefined || change === 0 ? undefined : change > 0 ? '#cf1322' : '#389e0d';

/** The same period a year before: '2021' → '2020', '2021-Q3' → '2020-Q3'. */
export function previousPeriod(period: string): string {
  const m = /^(\d{4})(.*)$/.exec(period);
  return m ? `${Number(m[1]) - 1}${m[2]}` : period;
}

export const FIRST_YEAR = 2021;

/** The report years from the first one to last year (a report is written after its year ends). */
export function reportYears(today = new Date()): number[] {
  const last = Math.max(FIRST_YEAR, today.getFullYear() - 1);
  const out: number[] = [];
  for (let y = last + 1; y >= FIRST_YEAR; y--) out.push(y);
  return out;
}

/** 2022-01-10 → 2022年1月10日, as the report prints its date. */
export function isoDateZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
