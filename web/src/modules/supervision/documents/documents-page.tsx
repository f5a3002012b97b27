import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import {
  SUPERVISION_DOC_KINDS,
  type SupervisionDocKind,
  type SupervisionDocumentResponse,
} from '@fazhi/common';
import { Button, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../app/auth.tsx';
import { useAction } from '../../../app/ui/action.ts';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { EMPTY, formatDateTime, todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { LIST_KEYS } from '../api.ts';
import { DOCUMENTS_PATH, downloadDocument } from '../findings/supervise-dialog.tsx';
import { docKindName } from '../names.ts';
import { IssueDialog } from './issue-dialog.tsx';

const toForm = (f: Filters) => ({
  ...f,
  year: f.year ? Number(f.year) : undefined,
  unit: f.unit ? Number(f.unit) : undefined,
});

/** 监督文书: the numbered 执法建议书, 督办通知书 and 执法质量通报 as issued (.docx). */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<SupervisionDocumentResponse>(LIST_KEYS.documents, DOCUMENTS_PATH);
  const [issuing, setIssuing] = useState(false);
  const download = useAction((d: SupervisionDocumentResponse) => downloadDocument(d));
  const thisYear = Number(todayCst().slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);

  return (
    <Page
      title={t('supervision.documents.title')}
      extra={
        can('supervision.manage') && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setIssuing(true)}>
            {t('supervision.documents.issue')}
          </Button>
        )
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm}>
        <Form.Item name="kind" label={t('supervision.documents.filterKind')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={SUPERVISION_DOC_KINDS.map((k) => ({ value: k, label: docKindName(k) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('supervision.documents.filterYear')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('supervision.yearLabel', { year: y }) }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('supervision.documents.col.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<SupervisionDocumentResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1250 }}
          columns={[
            {
              title: t('supervision.documents.col.kind'),
              dataIndex: 'kind',
              width: 130,
              render: (k: SupervisionDocKind) => docKindName(k),
            },
            {
              title: t('supervision.documents.col.docNo'),
              dataIndex: 'docNo',
              width: 220,
              render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
            },
            { title: t('supervision.documents.col.title'), dataIndex: 'title', ellipsis: true },
            {
              title: t('supervision.documents.col.unit'),
              dataIndex: 'unitName',
              width: 150,
              render: (v: string | null) => v ?? EMPTY,
            },
            {
              title: t('supervision.documents.col.period'),
              key: 'period',
              width: 200,
              render: (_, d) => (d.periodFrom ? `${d.periodFrom} ~ ${d.periodTo}` : EMPTY),
            },
            {
              title: t('supervision.documents.col.findings'),
              key: 'findings',
              width: 90,
              align: 'right',
              render: (_, d) =>
                d.findingIds.length === 1 ? (
                  <Link to={`/supervision/findings/${d.findingIds[0]}`}>#{d.findingIds[0]}</Link>
                ) : (
                  d.findingIds.length || EMPTY
                ),
            },
            {
              title: t('supervision.documents.col.issuedAt'),
              key: 'issuedAt',
              width: 190,
              render: (_, d) => (
                <div>
                  {formatDateTime(d.issuedAt)}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.issuedBy}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, d) => (
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={download.isPending && download.variables?.id === d.id}
                  onClick={() => download.mutate(d)}
                  data-download={d.docNo}
                >
                  {t('common.download')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <IssueDialog open={issuing} onClose={() => setIssuing(false)} />
    </Page>
  );
}
