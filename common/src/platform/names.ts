/** Names of the platform's code lists, and the helper that hands a names table to a page's strings. */
import type { CALENDAR_DAY_KINDS, CLOCK_UNITS } from './contracts.ts';
import type { Bilingual, Locale } from './errors.ts';

/**
 * One language's names of a code table, as a section of a page's strings ({open: '待整改', …}):
 * the names live once, in common/, for the pages, the exports and the documents alike.
 */
export function namesIn<K extends string>(
  names: Readonly<Record<K, Bilingual>>,
  locale: Locale,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<Bilingual>(names).map(([k, v]) => [k, locale === 'en-US' ? v.en : v.zh]),
  ) as Record<K, string>;
}

/** A day of a holiday notice: a day off, or a make-up working day (调休上班). */
export const CALENDAR_DAY_KIND_NAMES: Record<(typeof CALENDAR_DAY_KINDS)[number], Bilingual> = {
  holiday: { zh: '放假', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Make-up workday' },
};

/** What a statutory clock counts in (30 个工作日, 24 小时 …). */
export const CLOCK_UNIT_NAMES: Record<(typeof CLOCK_UNITS)[number], Bilingual> = {
  hours: { zh: '小时', en: 'hours' },
  calendar_days: { zh: '日（自然日）', en: 'days' },
  working_days: { zh: '个工作日', en: 'working days' },
  months: { zh: '个月', en: 'months' },
};

/**
 * What the reference data step writes as the source of each year it loads from the chinese-days
 * package (2004–2026); kept as written, since a landed data step is never edited.
 */
const PACKAGED = /^国务院办公厅 \d{4} 年部分节假日安排的通知（chinese-days 数据）$/;

/**
 * The source of a loaded holiday year as people read it: a year that came with the software reads
 * as the State Council notice collected by chinese-days; a year an administrator loaded reads as
 * what they typed (the notice's number, 国办发明电〔2025〕7号).
 */
export function calendarSourceName(source: string): Bilingual {
  if (PACKAGED.test(source))
    return { zh: '国务院办公厅通知（chinese-days 收录）', en: 'State Council notice (via chinese-days)' };
  return { zh: source, en: source };
}
