import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';
import type { KnownFigure } from './types.ts';

const report =
  '某某分局 2021 年法治政府建设年度报告\n\n今年以来行政处罚 2893 人，政务公开行政处罚 1042 人。截至目前，分局实有2003人。全年审核刑事案件500余件。';

const known = (over: Partial<KnownFigure>): KnownFigure => ({
  metricId: 'cases.admin_penalty_persons',
  names: ['行政处罚', '行政处罚人数'],
  unit: '人',
  period: '2021',
  value: 2893,
  ...over,
});

describe('figures against the records (record_mismatch)', () => {
  it('flags a figure whose record says otherwise, naming the metric', () => {
    const fs = checkReport(report, { known: [known({ value: 2900 })] });
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'record_mismatch', metricId: 'cases.admin_penalty_persons' });
    expect(fs[0]!.excerpts).toEqual(['今年以来行政处罚 2893 人']);
    expect(fs[0]!.message).toContain('2900');
  });

  it('matches by alias, unit class and period', () => {
    const k = known({
      metricId: 'staff.total',
      names: ['实有民警', '实有'],
      unit: '名',
      period: 'stock',
      value: 2003,
    });
    expect(checkReport(report, { known: [k] })).toEqual([]);
    expect(checkReport(report, { known: [{ ...k, value: 2010 }] }).map((f) => f.metricId)).toEqual([
      'staff.total',
    ]);
    expect(checkReport(report, { known: [{ ...k, period: '2021', value: 2010 }] })).toEqual([]);
    const k2 = known({ metricId: 'cases.published', names: ['政务公开行政处罚'], value: 1100 });
    expect(checkReport(report, { known: [k2] }).map((f) => f.metricId)).toEqual(['cases.published']);
  });

  it('lets a record fall inside an approximate figure', () => {
    const k = known({ metricId: 'review.criminal', names: ['审核刑事案件'], unit: '件', value: 512 });
    expect(checkReport(report, { known: [k] })).toEqual([]);
    expect(checkReport(report, { known: [{ ...k, value: 480 }] }).map((f) => f.kind)).toEqual([
      'record_mismatch',
    ]);
  });

  it('is silent when the records agree, or concern another period or unit', () => {
    const ok = [
      known({}),
      known({ period: '2020', value: 100 }),
      known({ unit: '件', value: 100 }),
      known({ names: ['行政拘留'], value: 100 }),
    ];
    expect(checkReport(report, { known: ok })).toEqual([]);
  });

  it('reads a fall stated in words as a negative change', () => {
    const text = '某某分局 2021 年法治政府建设年度报告\n\n全年道路交通事故死亡人数同比下降 17.54%。';
    const k = known({
      metricId: 'traffic.fatalities_yoy',
      names: ['道路交通事故死亡人数同比下降'],
      unit: '%',
    });
    expect(checkReport(text, { known: [{ ...k, value: -17.54 }] })).toEqual([]);
    expect(checkReport(text, { known: [{ ...k, value: 17.54 }] }).map((f) => f.kind)).toEqual([
      'record_mismatch',
    ]);
  });
});
