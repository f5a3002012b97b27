import type { CalendarDay } from '@fazhi/common';
import { Alert, Segmented, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayCst } from '../../../app/ui/format.ts';
import { type DayRange, isoOf, toRanges, useCalendarDays } from './use-calendar.ts';

const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function Month({
  year,
  month,
  marks,
  today,
}: {
  year: number;
  month: number;
  marks: Map<string, CalendarDay>;
  today: string;
}) {
  const { t } = useTranslation();
  const first = Date.UTC(year, month, 1);
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const offset = (new Date(first).getUTCDay() + 6) % 7; // weeks start on Monday
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div className="fz-month">
      <div className="fz-month-title">{dayjs(first).format('MMMM')}</div>
      <div className="fz-month-grid">
        {weekdays.map((w) => (
          <div key={w} className="wd">
            {w}
          </div>
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = isoOf(first + i * 86_400_000);
          const mark = marks.get(date);
          const weekend = (offset + i) % 7 >= 5;
          const cls = [
            'fz-day',
            mark?.kind ?? (weekend ? 'weekend' : ''),
            date === today ? 'today' : '',
          ].join(' ');
          const title = mark ? `${date} ${mark.name} · ${t(`calendar.kinds.${mark.kind}`)}` : date;
          return (
            <div
              key={date}
              className={cls}
              title={title}
              style={i === 0 ? { gridColumnStart: offset + 1 } : undefined}
            >
              {i + 1}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * A year: twelve small months with holidays and make-up working days, or a list. A year whose
 * notice is not loaded shows the statutory holidays its deadlines are provisionally counted on.
 */
export function YearView({ year }: { year: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'months' | 'list'>('months');
  const days = useCalendarDays(year);
  if (days.isPending) return <Skeleton active />;
  const items = days.data?.items ?? [];
  const marks = new Map(items.map((d) => [d.date, d]));
  const today = todayCst();
  return (
    <>
      {days.data?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="provisional-year"
          title={t('calendar.provisionalDays', { year })}
        />
      )}
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}
      >
        <span>
          <Tag color="red">{t('calendar.kinds.holiday')}</Tag>
          <Tag color="orange">{t('calendar.kinds.workday')}</Tag>
        </span>
        <Segmented
          value={view}
          onChange={setView}
          options={[
            { value: 'months', label: t('calendar.monthView') },
            { value: 'list', label: t('calendar.listView') },
          ]}
        />
      </div>
      {view === 'months' ? (
        <div className="fz-months" data-testid="month-grid">
          {MONTHS.map((m) => (
            <Month key={m} year={year} month={m} marks={marks} today={today} />
          ))}
        </div>
      ) : (
        <Table<DayRange>
          size="small"
          rowKey="from"
          pagination={false}
          dataSource={toRanges(items)}
          columns={[
            { title: t('calendar.name'), dataIndex: 'name', width: 180 },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              width: 130,
              render: (k: DayRange['kind']) => (
                <Tag color={k === 'holiday' ? 'red' : 'orange'}>{t(`calendar.kinds.${k}`)}</Tag>
              ),
            },
            {
              title: t('calendar.dates'),
              key: 'dates',
              render: (_, r) => (r.from === r.to ? r.from : `${r.from} ~ ${r.to}`),
            },
            { title: t('calendar.count'), dataIndex: 'count', width: 100 },
          ]}
        />
      )}
    </>
  );
}
