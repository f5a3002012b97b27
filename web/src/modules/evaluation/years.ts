import { quarterOf } from '@fazhi/common';
import i18n from '../../app/i18n/index.ts';
import { todayCst } from '../../app/ui/format.ts';

export const QUARTERS = [1, 2, 3, 4] as const;

/** The first year the branch evaluated in Fazhi: its history starts with the 2021 report. */
const FIRST_YEAR = 2021;

export const currentYear = () => quarterOf(todayCst()).year;

/** This year back to the first, newest first. */
export function yearOptions(): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = currentYear(); y >= FIRST_YEAR; y--)
    out.push({ value: y, label: i18n.t('evaluation.yearLabel', { year: y }) });
  return out;
}
