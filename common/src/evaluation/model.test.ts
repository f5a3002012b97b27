import { describe, expect, it } from 'vitest';
import {
  availableSampleActions,
  competitionRanks,
  publishBlockers,
  quarterOf,
  quarterRange,
  type RubricShape,
  SELF_INSPECTION_ITEMS,
  scoreSample,
} from './model.ts';

const rubric: RubricShape = {
  fullScore: 100,
  items: [
    { code: 'acceptance', nameZh: '受案立案', nameEn: 'Acceptance', maxDeduction: 10, veto: false },
    { code: 'evidence', nameZh: '调查取证', nameEn: 'Evidence', maxDeduction: 20, veto: false },
    { code: 'documents', nameZh: '文书制作', nameEn: 'Documents', maxDeduction: 80, veto: false },
    { code: 'torture', nameZh: '刑讯逼供', nameEn: 'Torture', maxDeduction: 0, veto: true },
  ],
};

describe('scoreSample', () => {
  it('takes the deductions off the full score', () => {
    const s = scoreSample(
      rubric,
      [
        { item: 'acceptance', points: 2 },
        { item: 'evidence', points: 3.5 },
      ],
      false,
    );
    expect(s).toEqual({
      score: 94.5,
      vetoed: false,
      deducted: 5.5,
      byItem: { acceptance: 2, evidence: 3.5 },
    });
  });

  it('caps each item at its maximum, also across several deductions on the same item', () => {
    const s = scoreSample(
      rubric,
      [
        { item: 'acceptance', points: 6 },
        { item: 'acceptance', points: 7 },
        { item: 'evidence', points: 25 },
      ],
      false,
    );
    expect(s.byItem).toEqual({ acceptance: 10, evidence: 20 });
    expect(s.score).toBe(70);
  });

  it('never goes below zero', () => {
    const s = scoreSample(
      rubric,
      [
        { item: 'documents', points: 80 },
        { item: 'evidence', points: 20 },
        { item: 'acceptance', points: 10 },
      ],
      false,
    );
    expect(s.deducted).toBe(110);
    expect(s.score).toBe(0);
    expect(s.vetoed).toBe(false);
  });

  it('scores a vetoed case 0, by the flag or by a veto item', () => {
    expect(scoreSample(rubric, [{ item: 'acceptance', points: 1 }], true)).toMatchObject({
      score: 0,
      vetoed: true,
    });
    expect(scoreSample(rubric, [{ item: 'torture', points: 0 }], false)).toMatchObject({
      score: 0,
      vetoed: true,
    });
  });

  it('ignores items the rubric does not have and negative points', () => {
    expect(
      scoreSample(
        rubric,
        [
          { item: 'nope', points: 50 },
          { item: 'evidence', points: -5 },
        ],
        false,
      ).score,
    ).toBe(100);
  });
});

describe('availableSampleActions', () => {
  const evaluator = { permissions: ['evaluation.read', 'evaluation.manage'] as const, unitInScope: true };
  const unit = { permissions: ['evaluation.read', 'supervision.answer'] as const, unitInScope: true };
  const otherUnit = { ...unit, unitInScope: false };

  it('lets evaluators score and re-score while the round is scoring', () => {
    expect(availableSampleActions({ status: 'pending', roundStatus: 'scoring' }, evaluator)).toEqual([
      'score',
    ]);
    expect(availableSampleActions({ status: 'scored', roundStatus: 'scoring' }, evaluator)).toEqual([
      'score',
    ]);
    expect(availableSampleActions({ status: 'disputed', roundStatus: 'scoring' }, evaluator)).toEqual([
      'decide_dispute',
    ]);
  });

  it('lets only the sampled unit dispute a scored sample', () => {
    expect(availableSampleActions({ status: 'scored', roundStatus: 'scoring' }, unit)).toEqual(['dispute']);
    expect(availableSampleActions({ status: 'scored', roundStatus: 'scoring' }, otherUnit)).toEqual([]);
    expect(availableSampleActions({ status: 'pending', roundStatus: 'scoring' }, unit)).toEqual([]);
    expect(availableSampleActions({ status: 'final', roundStatus: 'scoring' }, unit)).toEqual([]);
  });

  it('allows nothing once the round is published', () => {
    expect(availableSampleActions({ status: 'scored', roundStatus: 'published' }, unit)).toEqual([]);
    expect(availableSampleActions({ status: 'pending', roundStatus: 'published' }, evaluator)).toEqual([]);
  });
});

describe('publishBlockers', () => {
  it('names what keeps a round from being published', () => {
    expect(publishBlockers('scoring', { samples: 10, pending: 0, disputed: 0 })).toEqual([]);
    expect(publishBlockers('scoring', { samples: 10, pending: 2, disputed: 1 })).toEqual([
      'unscored',
      'disputes_open',
    ]);
    expect(publishBlockers('scoring', { samples: 0, pending: 0, disputed: 0 })).toEqual(['empty']);
    expect(publishBlockers('published', { samples: 10, pending: 0, disputed: 0 })).toEqual(['published']);
  });
});

describe('competitionRanks', () => {
  it('gives equal keys the same rank and skips the places they take', () => {
    const rows = [{ a: 90 }, { a: 95 }, { a: 90 }, { a: 80 }];
    expect(competitionRanks(rows, (r) => [r.a])).toEqual([2, 1, 2, 4]);
  });

  it('breaks ties on later keys', () => {
    const rows = [
      { a: 95, n: 2 },
      { a: 95, n: 3 },
      { a: 95, n: 2 },
    ];
    expect(competitionRanks(rows, (r) => [r.a, r.n])).toEqual([2, 1, 2]);
  });
});

describe('quarters', () => {
  it('spans the calendar quarter', () => {
    expect(quarterRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange(2021, 2)).toEqual({ from: '2021-04-01', to: '2021-06-30' });
    expect(quarterRange(2021, 4)).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(quarterOf('2021-09-30')).toEqual({ year: 2021, quarter: 3 });
    expect(quarterOf('2021-10-01')).toEqual({ year: 2021, quarter: 4 });
  });
});

describe('SELF_INSPECTION_ITEMS', () => {
  it('has unique codes and both languages', () => {
    const codes = SELF_INSPECTION_ITEMS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of SELF_INSPECTION_ITEMS) expect(i.zh && i.en).toBeTruthy();
  });
});
