import { ClockCircleOutlined } from '@ant-design/icons';
import type { ClockView } from '@fazhi/common';
import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY, formatDate } from '../../app/ui/format.ts';
import { ProvisionalTag } from '../../app/ui/provisional.tsx';
import { ruleName } from './names.ts';

/** Red once past, orange within two days (the house's warning window, as in 待办). */
export function urgency(clock: Pick<ClockView, 'daysLeft' | 'overdue'>): 'overdue' | 'soon' | 'ok' {
  if (clock.overdue || (clock.daysLeft ?? 0) < 0) return 'overdue';
  return clock.daysLeft !== null && clock.daysLeft <= 2 ? 'soon' : 'ok';
}

const COLOR = { overdue: '#cf1322', soon: '#d46b08', ok: undefined } as const;

/** Days left (or overdue) as a short phrase. */
export function useDaysLeft() {
  const { t } = useTranslation();
  return (days: number) => {
    if (days < 0) return t('cases.clock.overdueBy', { count: -days });
    if (days === 0) return t('cases.clock.dueToday');
    return t('cases.clock.daysLeft', { count: days });
  };
}

interface ClockProps {
  clock: ClockView;
  /** The clock has stopped (finished work, closed proceeding): the date only. */
  stopped?: boolean;
  /** One line (page header) instead of the date above the days left (table cell). */
  inline?: boolean;
}

/** A statutory clock as the server computed it: due date and days left, coloured by urgency. */
export function Clock({ clock, stopped, inline }: ClockProps) {
  const daysLeft = useDaysLeft();
  if (!clock.due) return <>{EMPTY}</>;
  const u = stopped ? 'ok' : urgency(clock);
  const left = !stopped && clock.daysLeft !== null && (
    <Typography.Text style={{ color: COLOR[u], fontSize: inline ? undefined : 12 }} strong={u !== 'ok'}>
      {daysLeft(clock.daysLeft)}
    </Typography.Text>
  );
  const body = inline ? (
    <Space size={6}>
      <ClockCircleOutlined style={{ color: COLOR[u] }} />
      <span>{formatDate(clock.due)}</span>
      <ProvisionalTag provisional={clock.provisional} />
      {left}
    </Space>
  ) : (
    <div>
      <div>
        {formatDate(clock.due)}
        <ProvisionalTag provisional={clock.provisional} />
      </div>
      {left}
    </div>
  );
  return clock.rule ? <Tooltip title={ruleName(clock.rule)}>{body}</Tooltip> : body;
}
