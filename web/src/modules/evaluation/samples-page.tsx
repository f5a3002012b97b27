import { SAMPLE_STATUSES, type SampleResponse, type SampleStatus } from '@fazhi/common';
import { Form, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { FilterBar, valuesToFilters } from '../../app/ui/filter-bar.tsx';
import { EMPTY } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { type Filters, useList } from '../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { SAMPLES_KEY } from './api.ts';
import { periodName, SampleStatusTag, ScoreText } from './tags.tsx';
import { yearOptions } from './years.ts';

const toForm = (f: Filters) => ({
  ...f,
  unit: f.unit ? Number(f.unit) : undefined,
  year: f.year ? Number(f.year) : undefined,
});
const fromForm = (v: Record<string, unknown>): Filters => valuesToFilters(v);

/**
 * Sampled cases across rounds: where the rankings drill down to (a unit's samples in a year, its
 * vetoed cases). A unit user sees its own samples only; the server scopes the list.
 */
export default function SamplesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<SampleResponse>(SAMPLES_KEY, '/api/evaluation/samples', { pageSize: 50 });
  return (
    <Page title={t('evaluation.samples.title')}>
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="year" label={t('evaluation.rounds.field.year')}>
          <Select allowClear placeholder={t('common.all')} style={{ width: 110 }} options={yearOptions()} />
        </Form.Item>
        <Form.Item name="unit" label={t('evaluation.detail.filter.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('evaluation.detail.filter.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`evaluation.sample.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="vetoed" label={t('evaluation.detail.col.vetoed')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<SampleResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1100 }}
          columns={[
            {
              title: t('evaluation.rounds.col.period'),
              key: 'period',
              width: 150,
              render: (_, s) => (
                <Link to={`/evaluation/rounds/${s.roundId}`}>{periodName(s.year, s.quarter)}</Link>
              ),
            },
            {
              title: t('evaluation.detail.col.caseNo'),
              dataIndex: 'caseNo',
              width: 200,
              render: (v: string, s) => (can('case.read') ? <Link to={`/cases/${s.caseId}`}>{v}</Link> : v),
            },
            { title: t('evaluation.detail.col.caseTitle'), dataIndex: 'caseTitle', ellipsis: true },
            { title: t('evaluation.detail.col.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
            { title: t('evaluation.detail.col.officer'), dataIndex: 'officerName', width: 100 },
            {
              title: t('evaluation.detail.col.evaluator'),
              dataIndex: 'evaluatorName',
              width: 100,
              render: (v: string | null) => v ?? EMPTY,
            },
            {
              title: t('evaluation.detail.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (v: SampleStatus) => <SampleStatusTag status={v} />,
            },
            {
              title: t('evaluation.detail.col.score'),
              dataIndex: 'score',
              width: 130,
              align: 'right',
              render: (v: number | null, s) => <ScoreText score={v} vetoed={s.vetoed} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 80,
              fixed: 'right',
              render: (_, s) => <Link to={`/evaluation/samples/${s.id}`}>{t('evaluation.detail.view')}</Link>,
            },
          ]}
        />
      </div>
    </Page>
  );
}
