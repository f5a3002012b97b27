import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../platform/field-messages.ts';
import type { OffenceVersion } from './model.ts';
import { BUILT_IN_REGISTER } from './register.ts';
import { offenceProblems } from './validate.ts';

const hitting = BUILT_IN_REGISTER.offences.find(
  (o) => o.name === '殴打他人' && o.version === '治安管理处罚法@2026-01-01',
)!;
/** 殴打他人 (2025) with its 一般 tier's scheme replaced. */
const withOrdinary = (required: OffenceVersion['tiers'][number]['schemes'][number]['required']) => ({
  ...hitting,
  tiers: hitting.tiers.map((t) =>
    t.tier === 'ordinary' ? { ...t, schemes: [{ required, optional: [] }] } : t,
  ),
});

describe('what an offence version must satisfy to be saved', () => {
  it('every offence Fazhi ships passes', () => {
    for (const o of BUILT_IN_REGISTER.offences)
      expect(offenceProblems(o), `${o.version} ${o.name}`).toEqual([]);
  });
  it('a lower bound above the upper one is named by its place, in both languages', () => {
    const [p] = offenceProblems(
      withOrdinary([
        { type: 'detention', min: 5, max: 10 },
        { type: 'fine', min: 2000, max: 1500 },
      ]),
    );
    expect(p).toMatchObject({ path: 'tiers.1.schemes.0.required.1.min', key: 'law.boundMinAboveMax' });
    expect(fieldMessage(p!.key, 'zh-CN', p!.params)).toBe(
      '一般情节·方案1·必处·罚款：下限（2000）不能大于上限（1500）',
    );
    expect(fieldMessage(p!.key, 'en-US', p!.params)).toContain('ordinary, alternative 1, mandatory fine');
  });
  it('detention in whole days up to 20, a fine in whole yuan, no bounds on a warning', () => {
    const problems = offenceProblems(
      withOrdinary([
        { type: 'detention', min: 5, max: 25 },
        { type: 'fine', max: 999.5 },
        { type: 'warning', max: 1 },
      ]),
    );
    expect(problems.map((p) => [p.path, p.key])).toEqual([
      ['tiers.1.schemes.0.required.0.max', 'law.detentionTooLong'],
      ['tiers.1.schemes.0.required.1.max', 'law.boundWholeYuan'],
      ['tiers.1.schemes.0.required.2.max', 'law.boundNotCounted'],
    ]);
  });
  it('a scheme needs a mandatory penalty; a type and a tier come once', () => {
    const o = {
      ...hitting,
      tiers: [
        {
          tier: 'minor' as const,
          schemes: [{ required: [], optional: [{ type: 'fine' as const, max: 100 }] }],
        },
        {
          tier: 'minor' as const,
          schemes: [
            { required: [{ type: 'fine' as const, max: 100 }], optional: [{ type: 'fine' as const }] },
          ],
        },
      ],
    };
    expect(offenceProblems(o).map((p) => [p.path, p.key])).toEqual([
      ['tiers.0.schemes.0.required', 'law.schemeNeedsRequired'],
      ['tiers.1.tier', 'law.tierTwice'],
      ['tiers.1.schemes.0.optional.0.type', 'law.typeTwice'],
    ]);
    expect(offenceProblems({ ...hitting, tiers: [] })).toEqual([{ path: 'tiers', key: 'required' }]);
  });
});
