/**
 * The holidays of 《全国年节及纪念日放假办法》 art. 2 (全体公民放假的节日), by version: what a year
 * is counted on while the State Council's notice for it (放假安排的通知, with its 调休) is not out.
 * Such a year is provisional (暂定): statutory holidays and weekends only, no 调休 and no 补假
 * (art. 6 gives a make-up day off for a holiday on a weekend, but only the notice says which day).
 */
import { addDays, isoYear } from './iso-date.ts';
import { LUNAR_RANGE, lunarNewYear, lunarToSolar, qingming } from './lunar.ts';

/** One day off: a fixed date, a lunar date, a day counted from 正月初一 (−1 = 除夕), or 清明. */
export type HolidayDay =
  | { fixed: `${number}-${number}` }
  | { lunar: readonly [month: number, day: number] }
  | { fromNewYear: number }
  | { qingming: true };

export interface StatutoryHolidayVersion {
  effectiveFrom: string;
  citation: string;
  holidays: readonly { zh: string; en: string; days: readonly HolidayDay[] }[];
}

const NEW_YEAR = { zh: '元旦', en: "New Year's Day", days: [{ fixed: '01-01' }] } as const;
const QINGMING = { zh: '清明节', en: 'Qingming Festival', days: [{ qingming: true }] } as const;
const DRAGON_BOAT = { zh: '端午节', en: 'Dragon Boat Festival', days: [{ lunar: [5, 5] }] } as const;
const MID_AUTUMN = { zh: '中秋节', en: 'Mid-Autumn Festival', days: [{ lunar: [8, 15] }] } as const;
const NATIONAL_DAY = {
  zh: '国庆节',
  en: 'National Day',
  days: [{ fixed: '10-01' }, { fixed: '10-02' }, { fixed: '10-03' }],
} as const;
const spring = (...offsets: number[]) => ({
  zh: '春节',
  en: 'Spring Festival',
  days: offsets.map((n) => ({ fromNewYear: n })),
});
const labour = (...days: `${number}-${number}`[]) => ({
  zh: '劳动节',
  en: 'Labour Day',
  days: days.map((d) => ({ fixed: d })),
});

/** Oldest first; the version in force on 1 January of a year decides that year. */
export const STATUTORY_HOLIDAY_VERSIONS: readonly StatutoryHolidayVersion[] = [
  {
    effectiveFrom: '1999-09-18',
    citation: '全国年节及纪念日放假办法（1999年9月18日国务院令第270号修订）第二条',
    holidays: [NEW_YEAR, spring(0, 1, 2), labour('05-01', '05-02', '05-03'), NATIONAL_DAY],
  },
  {
    effectiveFrom: '2008-01-01',
    citation: '全国年节及纪念日放假办法（2007年12月14日国务院令第513号修订）第二条',
    holidays: [NEW_YEAR, spring(-1, 0, 1), QINGMING, labour('05-01'), DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY],
  },
  {
    effectiveFrom: '2014-01-01',
    citation: '全国年节及纪念日放假办法（2013年12月11日国务院令第644号修订）第二条',
    holidays: [NEW_YEAR, spring(0, 1, 2), QINGMING, labour('05-01'), DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY],
  },
  {
    effectiveFrom: '2025-01-01',
    citation: '全国年节及纪念日放假办法（2024年11月10日国务院令第795号修订）第二条',
    holidays: [
      NEW_YEAR,
      spring(-1, 0, 1, 2),
      QINGMING,
      labour('05-01', '05-02'),
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

/** Years a provisional calendar can be counted for (the five-day week and the versions above). */
export const PROVISIONAL_RANGE = { from: 2000, to: LUNAR_RANGE.to } as const;

export function statutoryVersion(year: number): StatutoryHolidayVersion {
  const jan1 = `${year}-01-01`;
  const v = STATUTORY_HOLIDAY_VERSIONS.filter((x) => x.effectiveFrom <= jan1).at(-1);
  if (!v || year > PROVISIONAL_RANGE.to) throw new RangeError(`No statutory holidays known for ${year}`);
  return v;
}

function dateOf(year: number, d: HolidayDay): string {
  if ('fixed' in d) return `${year}-${d.fixed}`;
  if ('lunar' in d) return lunarToSolar(year, d.lunar[0], d.lunar[1]);
  if ('fromNewYear' in d) return addDays(lunarNewYear(year), d.fromNewYear);
  return qingming(year);
}

/**
 * The statutory days off of a Gregorian year, date → holiday name (zh). 除夕 of the lunar year
 * that began the year before falls in this year too: it is the day before this year's 正月初一.
 */
export function statutoryHolidays(year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of statutoryVersion(year).holidays) {
    for (const d of h.days) {
      const date = dateOf(year, d);
      if (isoYear(date) !== year) continue;
      // Two holidays on one day (中秋 on 10-03 in 2028) are one day off under both names.
      const other = out.get(date);
      out.set(date, other ? `${other}、${h.zh}` : h.zh);
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}
