import type { CalendarDay, CalendarDaysResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export interface CalendarYear {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
  loadedAt: string;
}
export type DayKind = CalendarDay['kind'];

export const CALENDAR_KEY = ['calendar'] as const;

export const useCalendarYears = () =>
  useQuery({
    queryKey: [...CALENDAR_KEY, 'years'],
    queryFn: () => api.get<{ items: CalendarYear[] }>('/api/calendar/years'),
    select: (d) => [...d.items].sort((a, b) => b.year - a.year),
  });

/** A year's days: the loaded notice's, or (provisional) the statutory holidays of a year without one. */
export const useCalendarDays = (year: number | undefined) =>
  useQuery({
    queryKey: [...CALENDAR_KEY, 'days', year],
    queryFn: () => api.get<CalendarDaysResponse>('/api/calendar/days', { year }),
    enabled: year !== undefined,
  });

/** A run of consecutive days with the same kind and name: 春节 2026-02-15 … 2026-02-23. */
export interface DayRange {
  name: string;
  kind: DayKind;
  from: string;
  to: string;
  count: number;
}

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export function toRanges(days: CalendarDay[]): DayRange[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const ranges: DayRange[] = [];
  for (const d of sorted) {
    const last = ranges.at(-1);
    if (last && last.kind === d.kind && last.name === d.name && ms(d.date) - ms(last.to) === DAY) {
      last.to = d.date;
      last.count += 1;
    } else ranges.push({ name: d.name, kind: d.kind, from: d.date, to: d.date, count: 1 });
  }
  return ranges;
}

/** Every date from `from` to `to`, both included. */
export function expandRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = ms(from); t <= ms(to); t += DAY) out.push(isoOf(t));
  return out;
}
