import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Empty, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** A change against last year as an arrow and a percentage; nothing when last year had none. */
export function YoY({ now, before }: { now: number; before: number }) {
  const { t } = useTranslation();
  if (!before) return null;
  const change = (now - before) / before;
  const up = change >= 0;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('dashboard.kpi.yoy')}{' '}
      <span style={{ color: up ? '#cf1322' : '#389e0d' }}>
        {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {percent(Math.abs(change))}
      </span>
      <br />
      {t('dashboard.kpi.lastYear', { n: before.toLocaleString() })}
    </Typography.Text>
  );
}

export function Kpi({
  title,
  value,
  color,
  foot,
  onClick,
}: {
  title: string;
  value: number | string;
  color?: string;
  foot?: ReactNode;
  onClick?: () => void;
}) {
  return (
    <Card size="small" hoverable={!!onClick} onClick={onClick} style={{ height: '100%' }}>
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
      {foot}
    </Card>
  );
}

export function ChartCard({
  title,
  extra,
  empty,
  children,
}: {
  title: string;
  extra?: ReactNode;
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {empty ? <Empty description={t('dashboard.chart.empty')} style={{ padding: '60px 0' }} /> : children}
    </Card>
  );
}
