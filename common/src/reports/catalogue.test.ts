import { describe, expect, it } from 'vitest';
import { isRateMetric, METRICS, metricById, submittedMetricsByOwner } from './catalogue.ts';

describe('metric catalogue', () => {
  it('states every figure of the reference report once', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(metricById('cases.admin_penalty_persons')?.unit).toBe('人');
    expect(metricById('no.such')).toBeUndefined();
  });

  it('derives rates from metrics it holds and breaks down only existing wholes', () => {
    for (const m of METRICS.filter(isRateMetric)) {
      expect(m.unit, m.id).toBe('%');
      expect(metricById(m.numerator), m.id).toBeDefined();
      expect(metricById(m.denominator), m.id).toBeDefined();
    }
    for (const m of METRICS) if (m.partOf) expect(metricById(m.partOf), m.id).toBeDefined();
  });

  it('gives every submitted metric an owning department of the unit tree', () => {
    const owners = submittedMetricsByOwner();
    expect(owners.size).toBeGreaterThan(3);
    for (const [code, list] of owners) {
      expect(code).toMatch(/^(OFFICE|DET|BR|PS)-[A-Z0-9-]+$/);
      expect(list.length).toBeGreaterThan(0);
    }
    for (const m of METRICS) {
      expect(m.nameZh.length, m.id).toBeGreaterThan(1);
      // A report section (一(二)3 …), or 统计报表 for figures only the statistics tables use.
      expect(m.section, m.id).toMatch(/^([一二三四五六七八九十]|统计报表$)/);
      if (m.source.kind === 'computed') expect(m.source.records.length, m.id).toBeGreaterThan(3);
      for (const a of m.aliases ?? []) expect(a.length, m.id).toBeGreaterThanOrEqual(2);
    }
  });
});
