import { describe, expect, it } from 'vitest';
import { ageAt, checkPenalties, type LawRegister } from './check.ts';
import { ZHIAN_2012, ZHIAN_2012_OFFENCES } from './data/zhian-2012.ts';
import type { PenaltyCheckRequest } from './model.ts';

const register: LawRegister = { laws: [ZHIAN_2012], offences: ZHIAN_2012_OFFENCES };
const adult = { kind: 'person' as const, birthDate: '1990-05-01' };

function check(
  name: string,
  penalties: PenaltyCheckRequest['offences'][number]['penalties'],
  extra: Partial<PenaltyCheckRequest> & { tier?: 'minor' | 'ordinary' | 'serious' } = {},
) {
  const { tier, ...rest } = extra;
  return checkPenalties(register, {
    actDate: '2025-06-01',
    decisionDate: '2025-06-20',
    offences: [{ name, tier, penalties }],
    party: adult,
    ...rest,
  });
}
const rules = (r: ReturnType<typeof check>) => r.violations.map((v) => v.rule);

describe('penalty limits of 治安管理处罚法 (2012), per offence', () => {
  it('殴打他人 (一般): detention 5–10 and a fine 200–500 are both mandatory', () => {
    expect(
      check('殴打他人', [
        { type: 'detention', days: 5 },
        { type: 'fine', amount: 200 },
      ]).lawful,
    ).toBe(true);
    expect(
      check('殴打他人', [
        { type: 'detention', days: 10 },
        { type: 'fine', amount: 500 },
      ]).lawful,
    ).toBe(true);
    const over = check('殴打他人', [
      { type: 'detention', days: 11 },
      { type: 'fine', amount: 500 },
    ]);
    expect(over.lawful).toBe(false);
    expect(over.violations[0]!.message).toContain('超出上限');
    expect(over.violations[0]!.basis).toContain('第四十三条第一款');
    const million = check('殴打他人', [
      { type: 'detention', days: 5 },
      { type: 'fine', amount: 1_000_000 },
    ]);
    expect(rules(million)).toEqual(['penalty_out_of_range']);
    const below = check('殴打他人', [
      { type: 'detention', days: 4 },
      { type: 'fine', amount: 199 },
    ]);
    expect(below.violations[0]!.message).toContain('低于下限');
    const fineOnly = check('殴打他人', [{ type: 'fine', amount: 300 }]);
    expect(fineOnly.violations[0]!.message).toContain('应当处行政拘留5日以上10日以下');
  });

  it('殴打他人 (情节较轻): detention up to 5 days or a fine up to 500, not a warning', () => {
    expect(check('殴打他人', [{ type: 'detention', days: 5 }], { tier: 'minor' }).lawful).toBe(true);
    expect(check('殴打他人', [{ type: 'fine', amount: 500 }], { tier: 'minor' }).lawful).toBe(true);
    expect(check('殴打他人', [{ type: 'fine', amount: 501 }], { tier: 'minor' }).lawful).toBe(false);
    const warning = check('殴打他人', [{ type: 'warning' }], { tier: 'minor' });
    expect(warning.violations[0]!.message).toContain('不得处警告');
    // Both together is not one of the alternatives ("拘留或者罚款").
    expect(
      check(
        '殴打他人',
        [
          { type: 'detention', days: 3 },
          { type: 'fine', amount: 100 },
        ],
        { tier: 'minor' },
      ).lawful,
    ).toBe(false);
  });

  it('盗窃 and 寻衅滋事: a fine alone is unlawful, detention is mandatory', () => {
    for (const name of ['盗窃', '寻衅滋事']) {
      expect(check(name, [{ type: 'fine', amount: 500 }]).lawful).toBe(false);
      expect(check(name, [{ type: 'detention', days: 7 }]).lawful).toBe(true);
      expect(
        check(name, [
          { type: 'detention', days: 7 },
          { type: 'fine', amount: 500 },
        ]).lawful,
      ).toBe(true);
      expect(
        check(name, [
          { type: 'detention', days: 7 },
          { type: 'fine', amount: 501 },
        ]).lawful,
      ).toBe(false);
      expect(
        check(
          name,
          [
            { type: 'detention', days: 15 },
            { type: 'fine', amount: 1000 },
          ],
          { tier: 'serious' },
        ).lawful,
      ).toBe(true);
    }
  });

  it('a detention of 20 days for one offence is refused; 行政拘留 per offence tops at 15', () => {
    const r = check('寻衅滋事', [{ type: 'detention', days: 20 }], { tier: 'serious' });
    expect(r.lawful).toBe(false);
    expect(r.violations[0]!.message).toContain('行政拘留20超出上限');
  });

  it('a tier the article does not have is named with those it has', () => {
    const r = check('殴打他人', [{ type: 'detention', days: 12 }], { tier: 'serious' });
    expect(rules(r)).toEqual(['tier_not_in_article']);
    expect(r.violations[0]!.message).toContain('情节较轻、一般情节');
  });

  it('没收赌资 is 收缴, not a penalty type of the 治安管理处罚法', () => {
    const r = check('赌博', [{ type: 'fine', amount: 300 }, { type: 'confiscation' }]);
    expect(rules(r)).toContain('penalty_type_unknown');
    expect(r.violations.find((v) => v.rule === 'penalty_type_unknown')!.message).toContain('收缴');
  });

  it('an unknown offence name and an organisation party are refused with the rule named', () => {
    expect(rules(check('打人', [{ type: 'fine', amount: 100 }]))).toEqual(['unknown_offence']);
    const org = check('盗窃', [{ type: 'fine', amount: 100 }], { party: { kind: 'organisation' } });
    expect(rules(org)).toEqual(['organisation_not_liable']);
    expect(org.violations[0]!.basis).toContain('第十八条');
  });

  it('several offences: each decided, detention executed together up to 20 days', () => {
    const r = checkPenalties(register, {
      actDate: '2025-06-01',
      decisionDate: '2025-06-20',
      offences: [
        { name: '寻衅滋事', tier: 'serious', penalties: [{ type: 'detention', days: 15 }] },
        {
          name: '殴打他人',
          penalties: [
            { type: 'detention', days: 10 },
            { type: 'fine', amount: 500 },
          ],
        },
      ],
      party: adult,
    });
    expect(r.lawful).toBe(true);
    expect(r.notices.map((n) => n.rule)).toContain('combined_detention_cap');
    expect(r.notices.find((n) => n.rule === 'combined_detention_cap')!.message).toContain('最长不超过20日');
  });

  it('the message language follows the user', () => {
    const r = checkPenalties(
      register,
      {
        actDate: '2025-06-01',
        decisionDate: '2025-06-20',
        offences: [{ name: '盗窃', penalties: [{ type: 'fine', amount: 100 }] }],
        party: adult,
      },
      'en-US',
    );
    expect(r.violations[0]!.message).toContain('administrative detention of 5–10 days is mandatory');
  });
});

describe('age at the act', () => {
  const born = (age: number) => `${2025 - age}-06-02`; // the day after the act date's month-day: not yet had the birthday
  const at = (
    age: number,
    penalties: PenaltyCheckRequest['offences'][number]['penalties'],
    firstOffence?: boolean,
  ) =>
    checkPenalties(register, {
      actDate: '2025-06-01',
      decisionDate: '2025-06-20',
      offences: [{ name: '盗窃', penalties }],
      party: { kind: 'person', birthDate: born(age + 1), firstOffence },
    });

  it('counts whole years, the birthday itself included', () => {
    expect(ageAt('2011-06-01', '2025-06-01')).toBe(14);
    expect(ageAt('2011-06-02', '2025-06-01')).toBe(13);
  });

  it('13: no penalty at all', () => {
    const r = at(13, [{ type: 'detention', days: 5 }]);
    expect(r.violations.map((v) => v.rule)).toEqual(['under_minimum_age']);
    expect(r.violations[0]!.basis).toContain('第十二条');
  });

  it('14 and 15: detention decided is not executed, and the minimum does not bind', () => {
    for (const age of [14, 15]) {
      const r = at(age, [{ type: 'detention', days: 3 }]);
      expect(r.lawful).toBe(true);
      expect(r.notices.map((n) => n.rule)).toEqual(
        expect.arrayContaining(['minor_mitigation', 'detention_not_executed']),
      );
      expect(r.notices.find((n) => n.rule === 'detention_not_executed')!.basis).toContain('第二十一条');
      // The maximum still binds.
      expect(at(age, [{ type: 'detention', days: 11 }]).lawful).toBe(false);
    }
  });

  it('16 and 17: not executed only on a first offence', () => {
    for (const age of [16, 17]) {
      expect(at(age, [{ type: 'detention', days: 5 }], true).notices.map((n) => n.rule)).toContain(
        'detention_not_executed',
      );
      expect(at(age, [{ type: 'detention', days: 5 }], false).notices.map((n) => n.rule)).not.toContain(
        'detention_not_executed',
      );
    }
  });

  it('18: an adult, ranges bind in full', () => {
    const r = at(18, [{ type: 'detention', days: 3 }]);
    expect(r.lawful).toBe(false);
    expect(r.notices).toEqual([]);
  });

  it('70: detention is not executed', () => {
    expect(at(70, [{ type: 'detention', days: 5 }]).notices.map((n) => n.rule)).toEqual([
      'detention_not_executed',
    ]);
  });
});

describe('which version applies (从旧兼从轻, 行政处罚法 art.37)', () => {
  const later = {
    ...ZHIAN_2012,
    id: 'test@2026-01-01',
    title: '后法',
    effectiveFrom: '2026-01-01',
    effectiveUntil: null,
  };
  const earlier = { ...ZHIAN_2012, effectiveUntil: '2026-01-01' };
  const theft = ZHIAN_2012_OFFENCES.find((o) => o.name === '盗窃')!;
  const mk = (maxDays: number, fine: number) => ({
    ...theft,
    version: later.id,
    article: '第五十八条',
    tiers: [
      {
        tier: 'ordinary' as const,
        schemes: [
          {
            required: [{ type: 'detention' as const, min: 5, max: maxDays }],
            optional: [{ type: 'fine' as const, max: fine }],
          },
        ],
      },
    ],
  });
  const full = (reg: LawRegister, actDate: string) =>
    checkPenalties(reg, {
      actDate,
      decisionDate: '2026-02-01',
      offences: [{ name: '盗窃', penalties: [{ type: 'detention', days: 8 }] }],
      party: adult,
    });
  const run = (reg: LawRegister, actDate: string) => full(reg, actDate).applied[0]!;

  it('an act before the new law is judged by the old one when the new one is heavier', () => {
    const reg = { laws: [earlier, later], offences: [theft, mk(10, 2000)] };
    expect(run(reg, '2025-12-31')).toMatchObject({
      version: earlier.id,
      article: '第四十九条',
      reason: 'act_date',
    });
  });
  it('… and by the new one when the new one is lighter', () => {
    const reg = { laws: [earlier, later], offences: [theft, mk(8, 500)] };
    expect(run(reg, '2025-12-31')).toMatchObject({
      version: later.id,
      article: '第五十八条',
      reason: 'lighter_later',
    });
  });
  it('an act on or after the in-force date is judged by the new law', () => {
    const reg = { laws: [earlier, later], offences: [theft, mk(10, 2000)] };
    expect(run(reg, '2026-01-01')).toMatchObject({ version: later.id, reason: 'act_date' });
  });
  it('an act the old law did not punish cannot be punished under the new one', () => {
    const drone = { ...mk(10, 2000), name: '非法飞行' };
    const r = checkPenalties(
      { laws: [earlier, later], offences: [theft, drone] },
      {
        actDate: '2025-12-31',
        decisionDate: '2026-02-01',
        offences: [{ name: '非法飞行', penalties: [{ type: 'detention', days: 5 }] }],
        party: adult,
      },
    );
    expect(r.violations.map((v) => v.rule)).toEqual(['not_an_offence_on_act_date']);
  });
  it('an offence a new version has not entered yet is judged by the earlier text, marked as standing in', () => {
    // the version was added (its offences are typed in one by one): 盗窃 is not entered yet
    const reg = { laws: [earlier, later], offences: [theft] };
    const r = full(reg, '2026-01-15');
    expect(r.lawful).toBe(true);
    expect(r.applied[0]).toMatchObject({ version: earlier.id, reason: 'act_date', unconfirmed: true });
    expect(r.notices.map((n) => n.rule)).toEqual(['offence_not_entered']);
    expect(r.notices[0]!.message).toContain(later.id);
    // still within the earlier text's ranges: 16 days is refused under it
    const over = checkPenalties(reg, {
      actDate: '2026-01-15',
      decisionDate: '2026-02-01',
      offences: [{ name: '盗窃', penalties: [{ type: 'detention', days: 16 }] }],
      party: adult,
    });
    expect(over.violations.map((v) => v.rule)).toEqual(['penalty_out_of_range']);
  });
  it('… and an act before the new version, decided after it, says 从旧兼从轻 could not compare', () => {
    const r = full({ laws: [earlier, later], offences: [theft] }, '2025-12-31');
    expect(r.applied[0]).toMatchObject({ version: earlier.id, reason: 'act_date', unconfirmed: false });
    expect(r.notices.map((n) => n.rule)).toEqual(['offence_not_entered']);
    expect(r.notices[0]!.message).toContain('从旧兼从轻');
  });
  it('once entered, the new version applies and the notice is gone', () => {
    const r = full({ laws: [earlier, later], offences: [theft, mk(10, 2000)] }, '2026-01-15');
    expect(r.applied[0]).toMatchObject({ version: later.id, unconfirmed: false });
    expect(r.notices).toEqual([]);
  });
});
