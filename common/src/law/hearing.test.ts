import { describe, expect, it } from 'vitest';
import { checkPenalties } from './check.ts';
import type { PenaltyCheckRequest } from './model.ts';
import { BUILT_IN_REGISTER } from './register.ts';

const adult = { kind: 'person' as const, birthDate: '1990-05-01' };

function hearing(
  actDate: string,
  decisionDate: string,
  tier: 'ordinary' | 'serious',
  penalties: PenaltyCheckRequest['offences'][number]['penalties'],
  party: PenaltyCheckRequest['party'] = adult,
  name = '赌博',
) {
  const r = checkPenalties(BUILT_IN_REGISTER, {
    actDate,
    decisionDate,
    offences: [{ name, tier, penalties }],
    party,
  });
  expect(r.violations).toEqual([]);
  return r.notices.find((n) => n.rule === 'hearing_right');
}

describe('the right to a hearing (听证), by the law in force on the decision date', () => {
  it('2025 law: a fine of 4000 yuan or more, not of 3999 (第一百一十七条)', () => {
    const at = (fine: number) =>
      hearing('2026-03-01', '2026-03-10', 'serious', [
        { type: 'detention', days: 10 },
        { type: 'fine', amount: fine },
      ]);
    expect(at(4000)?.basis).toContain('第一百一十七条');
    expect(at(4000)?.message).toContain('有权要求举行听证');
    expect(at(3999)).toBeUndefined();
  });

  it('2012 law: from 2000 yuan (第九十八条)', () => {
    const at = (fine: number) =>
      hearing('2025-03-01', '2025-03-10', 'serious', [
        { type: 'detention', days: 10 },
        { type: 'fine', amount: fine },
      ]);
    expect(at(2000)?.basis).toContain('第九十八条');
    expect(at(1999)).toBeUndefined();
  });

  it('an act of 2025 decided in 2026: the old law may fix the penalty, the new one the procedure', () => {
    const h = hearing('2025-12-20', '2026-01-05', 'serious', [
      { type: 'detention', days: 10 },
      { type: 'fine', amount: 2500 },
    ]);
    // 2500 reaches the 2012 threshold, not the 2025 one in force when the decision is made.
    expect(h).toBeUndefined();
  });

  it('2025 law: a minor proposed for detention, the guardian told too; not under the 2012 law', () => {
    const minor = { kind: 'person' as const, birthDate: '2009-06-01', firstOffence: false };
    const h = hearing(
      '2026-03-01',
      '2026-03-10',
      'ordinary',
      [
        { type: 'detention', days: 5 },
        { type: 'fine', amount: 500 },
      ],
      minor,
      '殴打他人',
    );
    expect(h?.basis).toContain('第一百一十七条');
    expect(h?.message).toContain('监护人');
    const old = hearing(
      '2025-03-01',
      '2025-03-10',
      'ordinary',
      [
        { type: 'detention', days: 5 },
        { type: 'fine', amount: 200 },
      ],
      minor,
      '殴打他人',
    );
    expect(old).toBeUndefined();
  });

  it('a warning or a small fine gives no hearing right', () => {
    expect(hearing('2026-03-01', '2026-03-10', 'ordinary', [{ type: 'fine', amount: 500 }])).toBeUndefined();
  });
});
