import { describe, expect, it } from 'vitest';
import { fixtureCalendar, fixtureDays } from './calendar.fixture.ts';
import { Calendar, CalendarRangeError } from './calendar.ts';
import {
  addDays,
  addMonthsPlain,
  chinaToday,
  daysBetween,
  formatIsoDate,
  isValidIsoDate,
  parseIsoDate,
} from './iso-date.ts';

const cal = fixtureCalendar();

describe('ISO date helpers', () => {
  it('parses and formats without time-zone drift', () => {
    expect(parseIsoDate('2021-10-01').toISOString()).toBe('2021-10-01T00:00:00.000Z');
    expect(formatIsoDate(parseIsoDate('0099-03-04'))).toBe('0099-03-04');
    expect(() => parseIsoDate('2021-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2021-1-1')).toThrow(RangeError);
  });

  it('validates real dates only', () => {
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2021-13-01')).toBe(false);
    expect(isValidIsoDate('2021-04-31')).toBe(false);
    expect(isValidIsoDate('20210401')).toBe(false);
    expect(isValidIsoDate(' 2021-04-01')).toBe(false);
  });

  it('adds plain days and months', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addMonthsPlain('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonthsPlain('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonthsPlain('2021-11-30', 3)).toBe('2022-02-28');
    expect(addMonthsPlain('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonthsPlain('2021-01-15', -13)).toBe('2019-12-15');
    expect(daysBetween('2021-12-30', '2022-01-02')).toBe(3);
  });

  it('gives today in China whatever the host time zone', () => {
    expect(chinaToday(new Date('2021-12-31T15:59:59Z'))).toBe('2021-12-31');
    expect(chinaToday(new Date('2021-12-31T16:00:00Z'))).toBe('2022-01-01');
  });
});

describe('Calendar.isWorkingDay', () => {
  it('knows weekdays, weekends, holidays and make-up days', () => {
    expect(cal.isWorkingDay('2021-09-28')).toBe(true); // Tue
    expect(cal.isWorkingDay('2021-10-01')).toBe(false); // Fri, National Day
    expect(cal.isWorkingDay('2021-10-04')).toBe(false); // Mon inside the span
    expect(cal.isWorkingDay('2021-10-08')).toBe(true); // Fri after the span
    expect(cal.isWorkingDay('2021-10-09')).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay('2021-09-26')).toBe(true); // make-up Sunday
    expect(cal.isWorkingDay('2021-10-10')).toBe(false); // plain Sunday
    expect(cal.isWorkingDay('2022-01-29')).toBe(true); // make-up Saturday before Spring Festival
  });

  it('builds the same calendar from rows or from maps', () => {
    const days = fixtureDays();
    const byMaps = new Calendar({
      years: new Set([2020, 2021, 2022]),
      holidays: new Map(days.filter((d) => d.kind === 'holiday').map((d) => [d.date, d.name])),
      workdays: new Map(days.filter((d) => d.kind === 'workday').map((d) => [d.date, d.name])),
    });
    expect(byMaps.holidays).toEqual(cal.holidays);
    expect(byMaps.workdays).toEqual(cal.workdays);
    expect(cal.dayName('2021-10-03')).toBe('国庆节');
    expect(cal.dayName('2021-10-09')).toBe('国庆节');
    expect(cal.dayName('2021-10-11')).toBeUndefined();
  });

  it('rejects malformed data', () => {
    const bad = { years: new Set([2021]), holidays: new Map([['2021-02-30', 'x']]), workdays: new Map() };
    expect(() => new Calendar(bad)).toThrow(RangeError);
    const both = new Map([['2021-10-09', 'x']]);
    expect(() => new Calendar({ years: new Set([2021]), holidays: both, workdays: both })).toThrow(
      /both a holiday and a make-up workday/,
    );
  });
});

describe('Calendar.addWorkingDays', () => {
  it('skips National Day and counts its make-up days (2021-09-28 + 20 = 2021-11-01)', () => {
    expect(cal.addWorkingDays('2021-09-28', 20)).toBe('2021-11-01');
  });

  it('does not count the start day', () => {
    expect(cal.addWorkingDays('2021-09-28', 0)).toBe('2021-09-28');
    expect(cal.addWorkingDays('2021-09-28', 1)).toBe('2021-09-29');
    expect(cal.addWorkingDays('2021-10-01', 0)).toBe('2021-10-01');
    expect(cal.addWorkingDays('2021-10-01', 1)).toBe('2021-10-08');
  });

  it('skips the Spring Festival span and uses the make-up Sunday', () => {
    expect(cal.addWorkingDays('2021-02-05', 1)).toBe('2021-02-07'); // Sun 02-07 is a make-up day
    expect(cal.addWorkingDays('2021-02-10', 1)).toBe('2021-02-18');
    expect(cal.addWorkingDays('2020-01-23', 1)).toBe('2020-02-03'); // the extended 2020 break
  });

  it('crosses a year boundary through the New Year holiday', () => {
    expect(cal.addWorkingDays('2021-12-28', 5)).toBe('2022-01-05');
    expect(cal.addWorkingDays('2020-12-30', 2)).toBe('2021-01-04');
  });

  it('counts backwards for a negative n', () => {
    expect(cal.addWorkingDays('2021-10-08', -1)).toBe('2021-09-30');
    expect(cal.addWorkingDays('2021-11-01', -20)).toBe('2021-09-28');
  });

  it('is the inverse of countWorkingDays', () => {
    for (let from = '2020-01-01'; from < '2022-11-01'; from = addDays(from, 11)) {
      for (const n of [0, 1, 3, 7, 15, 30]) {
        expect(cal.countWorkingDays(from, cal.addWorkingDays(from, n))).toBe(n);
      }
    }
  });

  it('rejects a fractional count', () => {
    expect(() => cal.addWorkingDays('2021-09-28', 1.5)).toThrow(RangeError);
  });
});

describe('Calendar.addCalendarDays', () => {
  it('rolls a period ending inside a long holiday to the first working day after it', () => {
    expect(cal.addCalendarDays('2021-09-26', 7)).toBe('2021-10-08');
    expect(cal.addCalendarDays('2021-12-25', 7)).toBe('2022-01-04');
  });

  it('never extends a custody period', () => {
    expect(cal.addCalendarDays('2021-09-26', 7, { custody: true })).toBe('2021-10-03');
    expect(cal.addCalendarDays('2021-11-01', 5, { custody: true })).toBe('2021-11-06');
  });

  it('does not roll a period ending on a make-up Saturday', () => {
    expect(cal.addCalendarDays('2021-10-02', 7)).toBe('2021-10-09');
  });

  it('rolls over a weekend', () => {
    expect(cal.addCalendarDays('2021-11-01', 5)).toBe('2021-11-08'); // Sat 11-06 → Mon
    expect(cal.addCalendarDays('2021-11-01', 3)).toBe('2021-11-04'); // a Thursday stays
    expect(cal.addCalendarDays('2021-11-01', 0)).toBe('2021-11-01');
  });
});

describe('Calendar.addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(cal.addMonths('2021-03-31', 1)).toBe('2021-04-30'); // a Friday
    expect(cal.addMonths('2021-01-31', 1, { custody: true })).toBe('2021-02-28');
    expect(cal.addMonths('2020-01-31', 1, { custody: true })).toBe('2020-02-29');
  });

  it('rolls an end on a day off, except for custody', () => {
    expect(cal.addMonths('2021-01-31', 1)).toBe('2021-03-01'); // Sun 02-28 → Mon
    expect(cal.addMonths('2021-08-01', 2)).toBe('2021-10-08'); // National Day
    expect(cal.addMonths('2021-08-01', 2, { custody: true })).toBe('2021-10-01');
    expect(cal.addMonths('2021-08-09', 2)).toBe('2021-10-09'); // make-up Saturday
    expect(cal.addMonths('2020-11-15', 2)).toBe('2021-01-15');
  });
});

describe('Calendar.countWorkingDays', () => {
  it('counts working days after from up to and including to', () => {
    expect(cal.countWorkingDays('2021-09-28', '2021-11-01')).toBe(20);
    expect(cal.countWorkingDays('2021-09-30', '2021-10-09')).toBe(2);
    expect(cal.countWorkingDays('2021-10-01', '2021-10-07')).toBe(0);
    expect(cal.countWorkingDays('2021-12-28', '2022-01-05')).toBe(5);
    expect(cal.countWorkingDays('2020-01-01', '2020-12-31')).toBe(249);
  });

  it('is 0 when to is not after from', () => {
    expect(cal.countWorkingDays('2021-10-08', '2021-10-08')).toBe(0);
    expect(cal.countWorkingDays('2021-10-08', '2021-09-01')).toBe(0);
  });
});

describe('years without a loaded notice (provisional, 暂定)', () => {
  it('counts on the statutory holidays and weekends only, without 调休', () => {
    // 2023 is not in the fixture: 春节 is 正月初一 to 初三 (2014 version), 2023-01-22 to 01-24.
    expect(cal.isProvisional(2023)).toBe(true);
    expect(cal.isWorkingDay('2023-01-23')).toBe(false);
    expect(cal.dayName('2023-01-22')).toBe('春节');
    // The notice gave 01-21 … 01-27 off and 01-28 as a make-up day; provisionally neither holds.
    expect(cal.isWorkingDay('2023-01-25')).toBe(true);
    expect(cal.isWorkingDay('2023-01-28')).toBe(false);
    expect(cal.dayName('2023-01-28')).toBeUndefined();
  });

  it('steps into and out of provisional years, forwards and backwards', () => {
    expect(cal.addWorkingDays('2022-12-28', 5)).toBe('2023-01-04');
    expect(cal.addWorkingDays('2020-01-02', -3)).toBe('2019-12-27');
    expect(cal.countWorkingDays('2022-12-20', '2023-01-05')).toBe(12);
    expect(cal.addCalendarDays('2022-12-24', 7)).toBe('2023-01-02'); // 12-31 (loaded) and 01-01 off
    expect(cal.addMonths('2023-08-29', 1)).toBe('2023-10-04'); // 09-29 中秋, 10-01 … 10-03 国庆
  });

  it('says which spans touch a provisional year', () => {
    expect(cal.provisionalBetween('2020-01-01', '2022-12-31')).toBe(false);
    expect(cal.provisionalBetween('2022-12-28', '2023-01-04')).toBe(true);
    expect(cal.provisionalBetween('2023-01-04', '2022-12-28')).toBe(true);
    expect(cal.provisionalBetween('2019-12-27', '2020-01-02')).toBe(true);
  });

  it('gives a custody end, which never depends on holidays', () => {
    expect(cal.addCalendarDays('2022-12-24', 7, { custody: true })).toBe('2022-12-31');
    expect(cal.addCalendarDays('2022-12-20', 15, { custody: true })).toBe('2023-01-04');
  });

  it('refuses years no calendar covers, naming the year', () => {
    expect(() => cal.isWorkingDay('1999-06-01')).toThrow(CalendarRangeError);
    expect(() => cal.addWorkingDays('2099-12-30', 5)).toThrow(/2100/);
  });
});
