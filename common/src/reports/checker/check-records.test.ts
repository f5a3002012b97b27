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

  describe('binding a figure to the right metric (false-alarm tests)', () => {
    const title = '某某分局 2021 年法治政府建设年度报告\n\n';
    const reviewed = known({
      metricId: 'review.admin_cases_reviewed',
      // The metric's own name first; the second alias drops its action.
      names: ['审核行政案件数', '行政案件'],
      unit: '件',
      value: 56,
    });

    it('reads 案件数 as 案件 in a metric name, so the action-and-object name binds', () => {
      const text = `${title}全年审核行政案件56件。`;
      const own = { ...reviewed, names: ['审核行政案件数'] };
      expect(checkReport(text, { known: [own] })).toEqual([]);
      expect(checkReport(text, { known: [{ ...own, value: 50 }] }).map((f) => f.metricId)).toEqual([
        'review.admin_cases_reviewed',
      ]);
    });

    it('never binds the bare object (行政案件) to a metric that is an action on it', () => {
      for (const text of [
        `${title}其中行政案件119件。`,
        `${title}2021年，考评各类刑事、行政案件119件。`,
        `${title}全年受理刑事案件300件、行政案件119件。`,
      ])
        expect(checkReport(text, { known: [reviewed] }), text).toEqual([]);
    });

    it('still binds the object when the list it stands in states the action once', () => {
      const text = `${title}2021年，考评各类刑事、行政案件119件。全年共审核刑事案件33件、行政案件56件。`;
      expect(checkReport(text, { known: [reviewed] })).toEqual([]);
      const fs = checkReport(text, { known: [{ ...reviewed, value: 50 }] });
      expect(fs.map((f) => [f.metricId, f.excerpts[0]])).toEqual([
        ['review.admin_cases_reviewed', '行政案件56件'],
      ]);
    });

    it('binds a coordinated count to the metric that names all of its nouns', () => {
      const evaluated = known({
        metricId: 'evaluation.cases_evaluated',
        names: ['考评刑事、行政案件数', '考评各类刑事、行政案件'],
        unit: '件',
        value: 119,
      });
      const text = `${title}2021年，考评各类刑事、行政案件119件。`;
      expect(checkReport(text, { known: [evaluated, reviewed] })).toEqual([]);
      expect(
        checkReport(text, { known: [{ ...evaluated, value: 120 }, reviewed] }).map((f) => f.metricId),
      ).toEqual(['evaluation.cases_evaluated']);
    });

    it('reads 建立一个…渠道 as no count of anything', () => {
      const rooms = known({
        metricId: 'mediation.station_rooms',
        names: ['驻所调解室数', '建立'],
        unit: '个',
        period: 'stock',
        value: 18,
      });
      const text = `${title}截至目前，分局已建立18个驻所调解室。\n目前还需要摸索建立一个高效的化解争议渠道，建立一个有机衔接的纠纷解决机制。`;
      expect(checkReport(text, { known: [rooms] })).toEqual([]);
      expect(checkReport(text, { known: [{ ...rooms, value: 17 }] }).map((f) => f.excerpts[0])).toEqual([
        '分局已建立18个',
      ]);
    });
  });
});
