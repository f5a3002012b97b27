import { describe, expect, it } from 'vitest';
import { fixtureCalendar } from '../calendar/calendar.fixture.ts';
import { dueDate, extendedBy, LEGAL_RULES, ruleInForce } from './rules.ts';

const cal = fixtureCalendar();

/** The due date of `code` for a clock starting on `start`, by the rule in force that day. */
function due(code: string, start: string, extraDays = 0): string {
  const rule = ruleInForce(LEGAL_RULES, code, start);
  if (!rule) throw new Error(`no ${code} on ${start}`);
  return dueDate(extendedBy(rule, extraDays), start, cal).due;
}

describe('the procuratorate clocks (程序规定 2020 arts.141, 182, 189, 294; 刑诉规则 2019)', () => {
  it('has each rule once, with its source, day kind and length', () => {
    const expected: [string, number, string][] = [
      ['no_arrest_reconsideration_apply', 5, '第141条第1款'],
      ['no_arrest_reconsideration_decide', 7, '第290条'],
      ['no_arrest_review_apply', 5, '第141条第2款'],
      ['no_arrest_review_decide', 15, '第291条'],
      ['no_prosecution_reconsideration_apply', 7, '第294条第1款'],
      ['no_prosecution_reconsideration_decide', 30, '第379条第2款'],
      ['no_prosecution_review_apply', 7, '第294条第2款'],
      ['no_prosecution_review_decide', 30, '第380条'],
      ['procuratorate_filing_notice', 15, '第182条第2款'],
      ['not_filing_reasons', 7, '第182条第1款'],
      ['case_revoked_notice', 3, '第189条第1款'],
      ['reconsideration_extension', 30, '第179条第3款'],
    ];
    for (const [code, amount, article] of expected) {
      const versions = LEGAL_RULES.filter((r) => r.code === code);
      expect(versions, code).toHaveLength(1);
      expect(versions[0]).toMatchObject({ amount, unit: 'calendar_days' });
      expect(versions[0]!.citation).toContain(article);
      expect(versions[0]!.custody).toBeFalsy();
    }
  });

  it('does not count the day the clock starts', () => {
    // Received Wednesday 2021-06-02: five days end on Monday 06-07.
    expect(due('no_arrest_reconsideration_apply', '2021-06-02')).toBe('2021-06-07');
    expect(due('no_arrest_review_apply', '2021-06-02')).toBe('2021-06-07');
    // Seven days from Tuesday 2021-03-02 end on Tuesday 03-09.
    expect(due('no_arrest_reconsideration_decide', '2021-03-02')).toBe('2021-03-09');
    expect(due('no_prosecution_reconsideration_apply', '2021-03-02')).toBe('2021-03-09');
    expect(due('no_prosecution_review_apply', '2021-03-02')).toBe('2021-03-09');
    expect(due('not_filing_reasons', '2021-03-02')).toBe('2021-03-09');
    expect(due('no_arrest_review_decide', '2021-03-02')).toBe('2021-03-17');
    expect(due('procuratorate_filing_notice', '2021-03-02')).toBe('2021-03-17');
    expect(due('no_prosecution_reconsideration_decide', '2021-03-02')).toBe('2021-04-01');
    expect(due('no_prosecution_review_decide', '2021-03-02')).toBe('2021-04-01');
    expect(due('case_revoked_notice', '2021-03-02')).toBe('2021-03-05');
  });

  it('moves a last day that is a holiday to the next working day', () => {
    // 2021-06-12 is 端午 (06-12..14).
    expect(due('no_arrest_reconsideration_apply', '2021-06-07')).toBe('2021-06-15');
    // National Day 2021 (10-01..07): 7, 15 and 30 days ending on 10-01 run to 10-08.
    expect(due('no_arrest_reconsideration_decide', '2021-09-24')).toBe('2021-10-08');
    expect(due('no_arrest_review_decide', '2021-09-16')).toBe('2021-10-08');
    expect(due('no_prosecution_review_decide', '2021-09-01')).toBe('2021-10-08');
    // 春节 2022 (01-31..02-06).
    expect(due('procuratorate_filing_notice', '2022-01-16')).toBe('2022-02-07');
    // 劳动节 2022 (04-30..05-04).
    expect(due('not_filing_reasons', '2022-04-26')).toBe('2022-05-05');
    // 元旦 2022 (01-01..03).
    expect(due('case_revoked_notice', '2021-12-29')).toBe('2022-01-04');
  });

  it('extends a 复议 / 复核 decision by up to 30 days from the nominal end', () => {
    // 30 days from 2021-08-02 end on Wednesday 09-01.
    expect(due('reconsideration_decide', '2021-08-02')).toBe('2021-09-01');
    // +30: 60 days end on 10-01, inside National Day.
    expect(due('reconsideration_decide', '2021-08-02', 30)).toBe('2021-10-08');
    // +10: 40 days end on Saturday 09-11.
    expect(due('review_decide', '2021-08-02', 10)).toBe('2021-09-13');
    expect(ruleInForce(LEGAL_RULES, 'reconsideration_extension', '2021-08-02')?.amount).toBe(30);
  });

  it('counts publicity withdrawal in working days from the 2021 行政处罚法 on, keeping the old version', () => {
    const versions = LEGAL_RULES.filter((r) => r.code === 'publicity_withdraw');
    expect(versions.map((v) => [v.effectiveFrom, v.unit, v.amount])).toEqual([
      ['2019-01-03', 'calendar_days', 3],
      ['2021-07-15', 'working_days', 3],
    ]);
    expect(versions[1]!.unconfirmed).toBeFalsy();
    expect(versions[1]!.citation).toContain('第85条');
    // Started Thursday 2021-07-08: three calendar days end on Sunday 07-11, moved to Monday.
    expect(due('publicity_withdraw', '2021-07-08')).toBe('2021-07-12');
    // Started 2021-07-15: three working days are 07-16, 07-19 and 07-20.
    expect(due('publicity_withdraw', '2021-07-15')).toBe('2021-07-20');
    // Over National Day 2021: 09-30, 10-08 and the make-up Saturday 10-09.
    expect(due('publicity_withdraw', '2021-09-29')).toBe('2021-10-09');
  });
});

describe('which version of a rule a clock runs on', () => {
  const rules = [
    { code: 'x', effectiveFrom: '2021-01-01', amount: 5 },
    { code: 'x', effectiveFrom: '2021-06-01', amount: 10 },
  ];

  it('is the one in force on the day the clock starts, even when it ends under the next', () => {
    expect(ruleInForce(rules, 'x', '2021-05-31')?.amount).toBe(5);
    expect(ruleInForce(rules, 'x', '2021-06-01')?.amount).toBe(10);
    expect(ruleInForce(rules, 'x', '2020-12-31')).toBeUndefined();
    // A withdrawal started the day before the 2021 law keeps the calendar-day version.
    expect(ruleInForce(LEGAL_RULES, 'publicity_withdraw', '2021-07-14')?.unit).toBe('calendar_days');
  });
});
