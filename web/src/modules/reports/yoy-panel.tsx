import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/ui/chart.tsx';
import { yoyOption } from './charts.ts';
import { metricName } from './format.ts';
import type { MetricRow } from './types.ts';

/** The report's key counts when the catalogue has them: the figures readers compare year on year. */
const KEY_FIGURES = [
  'cases.admin_penalty_persons',
  'publicity.admin_penalty_published_persons',
  'review.criminal_cases_reviewed',
  'review.admin_cases_reviewed',
  'evaluation.cases_evaluated',
  'supervision.irregular_acceptance_found',
  'supervision.irregular_acceptance_confirmed',
  'incidents.epidemic_110',
];
const MAX_BARS = 8;

/**
 * 本年 vs 上年 for the key figures of the report: those above first, then other counted figures of
 * the report that have both years, up to eight. Rates and money stay out: one axis holds counts.
 */
export function pickKeyFigures(metrics: MetricRow[], inReport: Set<string>): MetricRow[] {
  const usable = (m: MetricRow) =>
    inReport.has(m.id) && m.value !== null && m.previous !== null && m.unit !== '%' && m.unit !== '元';
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const out = KEY_FIGURES.map((id) => byId.get(id)).filter((m): m is MetricRow => !!m && usable(m));
  for (const m of metrics) {
    if (out.length >= MAX_BARS) break;
    if (m.status === 'computed' && usable(m) && !out.includes(m)) out.push(m);
  }
  return out.slice(0, MAX_BARS);
}

export function YoyPanel({
  metrics,
  inReport,
  onFigure,
}: {
  metrics: MetricRow[];
  inReport: Set<string>;
  onFigure: (id: string) => void;
}) {
  const { t } = useTranslation();
  const picked = useMemo(() => pickKeyFigures(metrics, inReport), [metrics, inReport]);
  const option = useMemo(
    () =>
      yoyOption(
        picked.map((m) => ({ id: m.id, name: metricName(m), value: m.value, previous: m.previous })),
        t,
      ),
    [picked, t],
  );
  return (
    <Card size="small" title={t('reports.yoy.title')} style={{ marginBottom: 16 }}>
      {picked.length === 0 ? (
        <Empty description={t('reports.yoy.empty')} />
      ) : (
        <Chart
          option={option}
          height={280}
          label={t('reports.yoy.title')}
          onClick={(e) => {
            const id = (e.data as { metricId?: string } | undefined)?.metricId;
            if (id) onFigure(id);
          }}
        />
      )}
    </Card>
  );
}
