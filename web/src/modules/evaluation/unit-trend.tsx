import { quarterLabel, quarterOf, type RankingResponse } from '@fazhi/common';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { Empty, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/ui/chart.tsx';
import { todayCst } from '../../app/ui/format.ts';
import { rankingsQuery } from './api.ts';
import { trendOption } from './charts.ts';

/** The eight quarters ending with the chosen year's last, leaving out quarters not yet begun. */
function quartersUpTo(year: number): { year: number; quarter: number }[] {
  const now = quarterOf(todayCst());
  const out: { year: number; quarter: number }[] = [];
  for (const y of [year - 1, year])
    for (const q of [1, 2, 3, 4])
      if (y < now.year || (y === now.year && q <= now.quarter)) out.push({ year: y, quarter: q });
  return out;
}

// Outside the component: TanStack re-runs combine when its reference changes.
const combine = (rs: UseQueryResult<RankingResponse>[]) => ({
  data: rs.map((r) => r.data),
  loading: rs.some((r) => r.isPending),
});

/**
 * 环比: one unit's average quarter over quarter. Each quarter is its own rankings query (the same
 * the page uses when a quarter is picked), so a quarter already looked at comes from the cache.
 */
export function UnitTrend({
  unitId,
  year,
  excellentScore,
}: {
  unitId: number;
  year: number;
  excellentScore: number;
}) {
  const { t } = useTranslation();
  const quarters = useMemo(() => quartersUpTo(year), [year]);
  // combine keeps its result stable while no query changes, so the chart is not redrawn each render
  const { data, loading } = useQueries({
    queries: quarters.map((p) => ({ ...rankingsQuery(p.year, p.quarter), retry: false })),
    combine,
  });
  const points = useMemo(
    () =>
      quarters.map((p, i) => {
        const u = data[i]?.units.find((x) => x.unitId === unitId);
        return {
          label: quarterLabel(p.year, p.quarter),
          average: u?.average ?? null,
          samples: u?.samples ?? 0,
        };
      }),
    [quarters, data, unitId],
  );
  const option = useMemo(() => trendOption(points, excellentScore, t), [points, excellentScore, t]);
  if (loading)
    return (
      <div className="fz-center" style={{ height: 260 }}>
        <Spin />
      </div>
    );
  if (points.every((p) => p.average === null)) return <Empty description={t('evaluation.rankings.empty')} />;
  return <Chart option={option} height={260} label={t('evaluation.rankings.chartTrend', { unit: '' })} />;
}
