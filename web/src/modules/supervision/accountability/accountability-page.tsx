import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_STATUSES,
  type AccountabilityDecideRequest,
  type AccountabilityResponse,
  AccountabilityDecideRequest as DecideSchema,
} from '@fazhi/common';
import { Button, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY, formatDateTime, todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { LIST_KEYS, SUPERVISION_KEYS } from '../api.ts';
import { accountabilityStatusName, measureName } from '../names.ts';
import { ACCOUNTABILITY_PATH } from './open-dialog.tsx';

const toForm = (f: Filters) => ({
  ...f,
  year: f.year ? Number(f.year) : undefined,
  unit: f.unit ? Number(f.unit) : undefined,
});

/** 作出决定: the measure (不予追究 … 纪律处分) and its reasons. */
function DecideDialog({ r, onClose }: { r: AccountabilityResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<AccountabilityDecideRequest, AccountabilityResponse>
      kind="modal"
      width={560}
      open={!!r}
      onClose={onClose}
      title={t('supervision.accountability.decideTitle', { id: r?.id ?? '' })}
      okText={t('supervision.accountability.decide')}
      header={
        r && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {r.unitName}
            {r.officerName ? ` · ${r.officerName}` : ''}：{r.fault}
          </Typography.Paragraph>
        )
      }
      submit={(v) =>
        api.post<AccountabilityResponse>(`${ACCOUNTABILITY_PATH}/${r!.id}/decide`, {
          measure: v.measure,
          note: v.note.trim(),
        })
      }
      success={t('supervision.accountability.decided')}
      invalidate={SUPERVISION_KEYS}
    >
      <Form.Item name="measure" label={t('supervision.accountability.measure')} rules={[required()]}>
        <Select options={ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: measureName(m) }))} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('supervision.accountability.decisionNote')}
        rules={[required(), zodRule(DecideSchema.shape.note)]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** 执法过错责任追究: records opened from confirmed violations, and their decisions. */
export default function AccountabilityPage() {
  const { t } = useTranslation();
  const list = useList<AccountabilityResponse>(LIST_KEYS.accountability, ACCOUNTABILITY_PATH);
  const [deciding, setDeciding] = useState<AccountabilityResponse | null>(null);
  const thisYear = Number(todayCst().slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);

  return (
    <Page title={t('supervision.accountability.title')}>
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm}>
        <Form.Item name="status" label={t('supervision.accountability.col.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={ACCOUNTABILITY_STATUSES.map((s) => ({ value: s, label: accountabilityStatusName(s) }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('supervision.accountability.col.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="year" label={t('supervision.year')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('supervision.yearLabel', { year: y }) }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<AccountabilityResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1300 }}
          columns={[
            {
              title: t('supervision.accountability.col.finding'),
              dataIndex: 'findingId',
              width: 90,
              render: (id: number | null) =>
                id ? <Link to={`/supervision/findings/${id}`}>#{id}</Link> : EMPTY,
            },
            {
              title: t('supervision.accountability.col.case'),
              key: 'case',
              width: 170,
              render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> : EMPTY),
            },
            {
              title: t('supervision.accountability.col.unit'),
              dataIndex: 'unitName',
              width: 140,
              ellipsis: true,
            },
            {
              title: t('supervision.accountability.col.officer'),
              dataIndex: 'officerName',
              width: 90,
              render: (v: string | null) => v ?? EMPTY,
            },
            { title: t('supervision.accountability.col.fault'), dataIndex: 'fault', ellipsis: true },
            {
              title: t('supervision.accountability.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: AccountabilityResponse['status']) => (
                <Tag color={s === 'open' ? 'processing' : 'default'}>{accountabilityStatusName(s)}</Tag>
              ),
            },
            {
              title: t('supervision.accountability.col.measure'),
              key: 'measure',
              width: 200,
              render: (_, r) =>
                r.measure ? (
                  <div>
                    {measureName(r.measure)}
                    {r.decisionNote && (
                      <div>
                        <Typography.Text
                          type="secondary"
                          style={{ fontSize: 12 }}
                          ellipsis={{ tooltip: r.decisionNote }}
                        >
                          {r.decisionNote}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                ) : (
                  EMPTY
                ),
            },
            {
              title: t('supervision.accountability.col.openedAt'),
              key: 'openedAt',
              width: 170,
              render: (_, r) => (
                <div>
                  {formatDateTime(r.openedAt)}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.openedBy}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('supervision.accountability.col.decidedAt'),
              key: 'decidedAt',
              width: 170,
              render: (_, r) =>
                r.decidedAt ? (
                  <div>
                    {formatDateTime(r.decidedAt)}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.decidedBy}
                      </Typography.Text>
                    </div>
                  </div>
                ) : (
                  EMPTY
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, r) =>
                r.status === 'open' && (
                  <Button type="link" size="small" onClick={() => setDeciding(r)}>
                    {t('supervision.accountability.decide')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
      <DecideDialog r={deciding} onClose={() => setDeciding(null)} />
    </Page>
  );
}
