import {
  FINDING_SOURCES,
  FINDING_STATUSES,
  type FindingResponse,
  OPEN_FINDING_STATUSES,
  SEVERITIES,
} from '@fazhi/common';
import { Checkbox, DatePicker, Form, Input, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { FilterBar, valuesToFilters } from '../../../app/ui/filter-bar.tsx';
import { EMPTY } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { FINDINGS_PATH, LIST_KEYS, useRules } from '../api.ts';
import { ruleName, severityName, sourceName, statusName } from '../names.ts';
import { Deadline, FindingTags, SeverityTag } from '../tags.tsx';
import { SubjectLink } from './subject-link.tsx';

type FormValues = Record<string, unknown>;

/** The address bar holds strings; the form holds a unit id, a status list, dates and flags. */
const toForm = (f: Filters): FormValues => ({
  ...f,
  unit: f.unit ? Number(f.unit) : undefined,
  status: f.status ? f.status.split(',') : undefined,
  occurred: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : undefined,
  overdue: f.overdue === 'true',
  confirmed: f.confirmed === 'true',
});
const fromForm = ({ occurred, status, overdue, confirmed, ...v }: FormValues): Filters => {
  const range = occurred as [Dayjs | null, Dayjs | null] | undefined;
  return {
    ...valuesToFilters(v),
    ...(Array.isArray(status) && status.length ? { status: status.join(',') } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
    ...(confirmed ? { confirmed: 'true' } : {}),
  };
};

// Overdue rows stand out; the table cells carry their own background, hence the td rule.
const ROW_STYLE = `.fz-finding-overdue > td { background: #fff1f0 !important; }
.fz-finding-overdue:hover > td { background: #ffe4e1 !important; }`;

/** The three views by status, one click apart; the list opens on the findings still in progress. */
const VIEWS = {
  current: OPEN_FINDING_STATUSES.join(','),
  closed: FINDING_STATUSES.filter((s) => !OPEN_FINDING_STATUSES.includes(s)).join(','),
  all: FINDING_STATUSES.join(','),
} as const;
type View = keyof typeof VIEWS;
const sameStatuses = (a: string | undefined, b: string) =>
  a?.split(',').sort().join() === b.split(',').sort().join();

/**
 * 监督问题. Opened without any filter (from the menu, or after 重置) it shows what needs attention,
 * the findings in progress, newest first; years of closed history are one click away. A link
 * with filters (a drill-down from the overview) shows exactly what it asks for.
 */
export default function FindingsPage() {
  const [params] = useSearchParams();
  if (params.size === 0) return <Navigate to={`?status=${VIEWS.current}`} replace />;
  return <FindingsList />;
}

function FindingsList() {
  const { t } = useTranslation();
  const list = useList<FindingResponse>(LIST_KEYS.findings, FINDINGS_PATH);
  const rules = useRules();
  const view = (Object.keys(VIEWS) as View[]).find((v) => sameStatuses(list.filters.status, VIEWS[v]));

  return (
    <Page title={t('supervision.findings.title')}>
      <style>{ROW_STYLE}</style>
      <div data-testid="finding-views" style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={view}
          onChange={(e) => list.setFilters({ ...list.filters, status: VIEWS[e.target.value as View] })}
          options={(Object.keys(VIEWS) as View[]).map((v) => ({
            value: v,
            label: t(`supervision.findings.filter.view.${v}`),
          }))}
        />
      </div>
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="rule" label={t('supervision.findings.filter.rule')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            style={{ width: 220 }}
            loading={rules.isPending}
            popupMatchSelectWidth={false}
            options={(rules.data?.items ?? []).map((r) => ({
              value: r.code,
              label: ruleName(r),
            }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('supervision.findings.filter.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('supervision.findings.filter.status')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('common.all')}
            style={{ minWidth: 160 }}
            maxTagCount="responsive"
            options={FINDING_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('supervision.findings.filter.severity')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 100 }}
            options={SEVERITIES.map((s) => ({ value: s, label: severityName(s) }))}
          />
        </Form.Item>
        <Form.Item name="source" label={t('supervision.findings.filter.source')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 150 }}
            popupMatchSelectWidth={false}
            options={FINDING_SOURCES.map((s) => ({ value: s, label: sourceName(s) }))}
          />
        </Form.Item>
        <Form.Item name="occurred" label={t('supervision.findings.filter.occurred')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="q" label={t('supervision.findings.filter.q')}>
          <Input allowClear placeholder={t('supervision.findings.filter.qHint')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('supervision.findings.filter.overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="confirmed" valuePropName="checked">
          <Checkbox>{t('supervision.findings.filter.confirmedOnly')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<FindingResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1140 }}
          rowClassName={(f) => (f.overdue ? 'fz-finding-overdue' : '')}
          columns={[
            {
              title: t('supervision.findings.col.message'),
              key: 'message',
              fixed: 'left',
              width: 320,
              render: (_, f) => (
                <div>
                  <Link to={`/supervision/findings/${f.id}`} data-finding={f.id}>
                    {f.message}
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      #{f.id} · {f.ruleName}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('supervision.findings.col.subject'),
              key: 'subject',
              width: 170,
              render: (_, f) => <SubjectLink f={f} />,
            },
            { title: t('supervision.findings.col.unit'), dataIndex: 'unitName', width: 120, ellipsis: true },
            {
              title: t('supervision.findings.col.officer'),
              dataIndex: 'officerName',
              width: 80,
              render: (v: string | null) => v ?? EMPTY,
            },
            {
              title: t('supervision.findings.col.severity'),
              dataIndex: 'severity',
              width: 70,
              render: (s: FindingResponse['severity']) => <SeverityTag severity={s} />,
            },
            { title: t('supervision.findings.col.occurredOn'), dataIndex: 'occurredOn', width: 100 },
            {
              title: t('supervision.findings.col.deadline'),
              key: 'deadline',
              width: 110,
              render: (_, f) => <Deadline f={f} />,
            },
            {
              title: t('supervision.findings.col.status'),
              key: 'status',
              width: 170,
              fixed: 'right',
              render: (_, f) => <FindingTags f={f} />,
            },
          ]}
        />
      </div>
    </Page>
  );
}
