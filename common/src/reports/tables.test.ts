import { describe, expect, it } from 'vitest';
import { metricById } from './catalogue.ts';
import { STAT_TABLES, statTableAccepts, statTableById } from './tables.ts';

describe('statistics tables', () => {
  it('are stated over metrics of the catalogue, each column once', () => {
    expect(new Set(STAT_TABLES.map((t) => t.id)).size).toBe(STAT_TABLES.length);
    for (const t of STAT_TABLES) {
      const ids = t.columns.map((c) => c.metric);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const id of ids) expect(metricById(id), `${t.id} ${id}`).toBeDefined();
    }
    expect(statTableById('offline-cases')?.nameZh).toBe('线下办理案件情况统计表');
  });

  it('take a quarter only when quarterly', () => {
    const quarterly = statTableById('offline-cases')!;
    expect(statTableAccepts(quarterly, '2021-Q3')).toBe(true);
    expect(statTableAccepts(quarterly, '2021')).toBe(true);
    const yearly = { ...quarterly, period: 'year' as const };
    expect(statTableAccepts(yearly, '2021')).toBe(true);
    expect(statTableAccepts(yearly, '2021-Q3')).toBe(false);
  });
});
