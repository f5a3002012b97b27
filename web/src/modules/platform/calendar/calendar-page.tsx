import { PlusOutlined } from '@ant-design/icons';
import { type CalendarImportResponse, calendarSourceName } from '@fazhi/common';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ExcelImport } from '../../../app/ui/excel-import.tsx';
import { EMPTY, formatDateTime, todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { ProvisionalTag } from '../../../app/ui/provisional.tsx';
import { required } from '../../../app/ui/rules.ts';
import { DeadlineCalculator } from './deadline-calculator.tsx';
import { LoadYearDrawer, type LoadYearInitial } from './load-year-drawer.tsx';
import { CALENDAR_KEY, type CalendarYear, useCalendarYears } from './use-calendar.ts';
import { YearView } from './year-view.tsx';

/** The years a deadline may fall in soon: this one and the next. A missing one is provisional. */
function MissingYears({ loaded }: { loaded: number[] }) {
  const { t } = useTranslation();
  const year = Number(todayCst().slice(0, 4));
  if (!loaded.includes(year))
    return (
      <Alert
        type="error"
        showIcon
        banner
        style={{ marginBottom: 16 }}
        title={t('calendar.currentMissing', { year })}
      />
    );
  if (!loaded.includes(year + 1))
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="next-year-missing"
        title={t('calendar.nextMissing', { year: year + 1 })}
        description={t('calendar.nextMissingHint', { year: year + 1 })}
      />
    );
  return null;
}

/** A row of the years table: a loaded notice, or this or next year counted provisionally. */
type YearRow = CalendarYear | { year: number; provisional: true };
const isLoaded = (y: YearRow): y is CalendarYear => !('provisional' in y);

export default function CalendarPage() {
  const { t } = useTranslation();
  const manage = useCan()('calendar.manage');
  const years = useCalendarYears();
  const [selected, setSelected] = useState<number | undefined>();
  const [loading, setLoading] = useState<LoadYearInitial | null>(null);
  const current = Number(todayCst().slice(0, 4));
  const list = years.data ?? [];
  const missing = years.data ? [current + 1, current].filter((y) => !list.some((l) => l.year === y)) : [];
  const rows: YearRow[] = [...missing.map((year) => ({ year, provisional: true as const })), ...list];
  const shown = selected ?? current;

  // "reload" starts from what is loaded now, so an admin corrects rather than retypes
  const reload = useAction(
    async (y: CalendarYear) => {
      const days = await api.get<{ items: LoadYearInitial['days'] }>('/api/calendar/days', { year: y.year });
      return { year: y.year, source: y.source, days: days.items };
    },
    { onSuccess: setLoading },
  );
  const sourceOf = (year: number) => {
    const y = list.find((l) => l.year === year);
    return y ? bilingual(calendarSourceName(y.source)) : t('calendar.provisionalYear', { year });
  };
  // The first year after those loaded: what an administrator loads next.
  const nextMissing = Math.max(current, ...list.map((y) => y.year)) + 1;

  return (
    <Page
      title={t('calendar.title')}
      extra={
        manage && (
          <>
            <ExcelImport
              what={t('calendar.title')}
              uploadPath="/api/calendar/import"
              invalidate={[CALENDAR_KEY, ['tasks']]}
              onImported={(r) => setSelected((r as CalendarImportResponse).year)}
              hint={
                <Alert
                  type="info"
                  showIcon
                  title={t('calendar.importColumns')}
                  style={{ marginBottom: 16 }}
                />
              }
              fields={
                <Row gutter={16}>
                  <Col span={8}>
                    <Form.Item
                      name="year"
                      label={t('calendar.year')}
                      rules={[required()]}
                      initialValue={nextMissing}
                    >
                      <InputNumber min={2004} max={2100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={16}>
                    <Form.Item name="source" label={t('calendar.source')} rules={[required()]}>
                      <Input maxLength={100} placeholder={t('calendar.sourcePlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
              }
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLoading({ year: nextMissing })}>
              {t('calendar.load')}
            </Button>
          </>
        )
      }
    >
      <ErrorAlert error={years.error} onRetry={() => years.refetch()} />
      {years.data && <MissingYears loaded={list.map((y) => y.year)} />}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card title={t('calendar.loadedYears')} size="small" style={{ marginBottom: 16 }}>
            <Table<YearRow>
              size="small"
              rowKey="year"
              loading={years.isFetching}
              dataSource={rows}
              pagination={false}
              rowClassName={(y) => (y.year === shown ? 'fz-row-current' : '')}
              scroll={{ y: 246 }}
              onRow={(y) => ({ onClick: () => setSelected(y.year), style: { cursor: 'pointer' } })}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noYears')} />,
              }}
              columns={[
                { title: t('calendar.year'), dataIndex: 'year', width: 80 },
                {
                  title: t('calendar.source'),
                  key: 'source',
                  ellipsis: true,
                  render: (_: unknown, y: YearRow) =>
                    isLoaded(y) ? (
                      bilingual(calendarSourceName(y.source))
                    ) : (
                      <>
                        <ProvisionalTag provisional />
                        <Typography.Text type="warning">
                          {' '}
                          {t('calendar.provisionalYear', { year: y.year })}
                        </Typography.Text>
                      </>
                    ),
                },
                {
                  title: t('calendar.holidays'),
                  key: 'holidays',
                  width: 110,
                  render: (_: unknown, y: YearRow) => (isLoaded(y) ? y.holidays : EMPTY),
                },
                {
                  title: t('calendar.makeupDays'),
                  key: 'workdays',
                  width: 120,
                  render: (_: unknown, y: YearRow) => (isLoaded(y) ? y.workdays : EMPTY),
                },
                {
                  title: t('calendar.loadedAt'),
                  key: 'loadedAt',
                  width: 170,
                  render: (_: unknown, y: YearRow) => (isLoaded(y) ? formatDateTime(y.loadedAt) : EMPTY),
                },
                ...(manage
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 100,
                        render: (_: unknown, y: YearRow) => (
                          <Button
                            type="link"
                            size="small"
                            loading={reload.isPending && reload.variables?.year === y.year}
                            onClick={(e) => {
                              e.stopPropagation();
                              if (isLoaded(y)) reload.mutate(y);
                              else setLoading({ year: y.year });
                            }}
                          >
                            {isLoaded(y) ? t('calendar.reload') : t('calendar.loadSubmit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {shown !== undefined && (
            <Card
              size="small"
              title={
                <span>
                  {t('calendar.yearTitle', { year: shown })}
                  <Typography.Text type="secondary" style={{ marginLeft: 12, fontWeight: 'normal' }}>
                    {sourceOf(shown)}
                  </Typography.Text>
                </span>
              }
            >
              <YearView year={shown} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('calendar.calculator')} size="small">
            <DeadlineCalculator />
          </Card>
        </Col>
      </Row>
      <LoadYearDrawer
        initial={loading}
        onClose={() => setLoading(null)}
        onLoaded={(r) => setSelected(r.year)}
      />
    </Page>
  );
}
