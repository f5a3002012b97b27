import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding, MetricSourceKind, MetricStatus } from './types.ts';

const STATUS_COLOUR: Record<MetricStatus, string> = { computed: 'blue', submitted: 'purple', missing: 'red' };

/**
 * Where a value comes from: 系统计算 / 部门填报, or 缺失 when no record or accepted submission
 * gives it (a submitted metric whose department has not yet been accepted is missing).
 */
export function SourceTag({ status, kind }: { status: MetricStatus; kind?: MetricSourceKind }) {
  const { t } = useTranslation();
  if (status === 'missing')
    return (
      <Tag color="red">
        {t('reports.source.missing')}
        {kind ? ` · ${t(`reports.source.${kind}`)}` : ''}
      </Tag>
    );
  return <Tag color={STATUS_COLOUR[status]}>{t(`reports.source.${status}`)}</Tag>;
}

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'default' } as const;

export function FindingKindTag({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOUR[finding.severity]}>
      {t(`reports.findingKind.${finding.kind}`, { defaultValue: finding.kind })}
    </Tag>
  );
}
