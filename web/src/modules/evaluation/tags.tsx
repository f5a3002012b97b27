import type { RoundStatus, SampleStatus, SelfInspectionStatus } from '@fazhi/common';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import i18n from '../../app/i18n/index.ts';
import { EMPTY } from '../../app/ui/format.ts';

/** 2021年第3季度 / 2021 Q3. */
export const periodName = (year: number, quarter: number) =>
  i18n.t('evaluation.period', { year, q: quarter });

const ROUND_COLOUR: Record<RoundStatus, string> = { scoring: 'processing', published: 'success' };
const SAMPLE_COLOUR: Record<SampleStatus, string> = {
  pending: 'default',
  scored: 'blue',
  disputed: 'orange',
  final: 'green',
};

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Tag color={ROUND_COLOUR[status]}>{t(`evaluation.round.status.${status}`)}</Tag>;
}

export function SampleStatusTag({ status }: { status: SampleStatus }) {
  const { t } = useTranslation();
  return <Tag color={SAMPLE_COLOUR[status]}>{t(`evaluation.sample.status.${status}`)}</Tag>;
}

export function SelfStatusTag({ status }: { status: SelfInspectionStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'orange' : 'green'}>{t(`evaluation.self.status.${status}`)}</Tag>;
}

/** A case score: red on a veto, green at or above the excellent line. */
export function ScoreText({
  score,
  vetoed,
  excellentScore,
}: {
  score: number | null | undefined;
  vetoed?: boolean;
  excellentScore?: number;
}) {
  const { t } = useTranslation();
  if (score === null || score === undefined) return <>{EMPTY}</>;
  if (vetoed)
    return (
      <Typography.Text type="danger" strong>
        {score.toFixed(1)} <Tag color="red">{t('evaluation.scoring.veto')}</Tag>
      </Typography.Text>
    );
  const good = excellentScore !== undefined && score >= excellentScore;
  return (
    <Typography.Text strong type={good ? 'success' : undefined}>
      {score.toFixed(1)}
    </Typography.Text>
  );
}
