import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CASE_TYPES,
  OFFLINE_REASONS,
  OfflineReportCreateRequest,
  type OfflineReportResponse,
} from '@fazhi/common';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { FilterBar } from '../../../app/ui/filter-bar.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY, formatDate } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { TypeTag } from '../case-tags.tsx';
import { afterCstToday, cstToday } from '../dates.ts';
import { caseTypeName, offlineReasonName } from '../names.ts';

const shape = OfflineReportCreateRequest.shape;
const OFFLINE_KEY = ['cases-offline'] as const;
const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }));
const thisQuarter = () => Math.floor(cstToday().month() / 3) + 1;
const inactiveUnit = (u: { active: boolean }) => !u.active;

type ReportValues = Omit<OfflineReportCreateRequest, 'reportedOn' | 'caseId'> & {
  reportedOn?: Dayjs | null;
  caseId?: number | null;
};

/** A report of a case handled outside the system, with the reason (the city bureau counts them). */
function ReportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <FormDialog<ReportValues, OfflineReportResponse>
      open={open}
      onClose={onClose}
      width={600}
      title={t('cases.offline.newTitle')}
      initialValues={{ caseType: 'admin', unitId: me.unit.id, reportedOn: cstToday() }}
      submit={({ reportedOn, ...v }) =>
        api.post<OfflineReportResponse>('/api/cases/offline-reports', {
          ...v,
          unitId: v.unitId ?? null,
          caseId: v.caseId ?? null,
          reasonDetail: v.reasonDetail?.trim() || null,
          reportedOn: reportedOn ? reportedOn.format('YYYY-MM-DD') : null,
        })
      }
      success={t('common.saved')}
      invalidate={[OFFLINE_KEY]}
    >
      {(form) => (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="caseType" label={t('cases.field.caseType')} rules={[required()]}>
              <Select options={CASE_TYPES.map((v) => ({ value: v, label: caseTypeName(v) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reportedOn" label={t('cases.offline.reportedOn')} rules={[required()]}>
              <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label={t('cases.offline.caseTitle')}
              rules={[required(), zodRule(shape.title)]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="unitId" label={t('cases.field.unit')} rules={[required()]}>
              <UnitTreeSelect disable={inactiveUnit} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reason" label={t('cases.offline.reason')} rules={[required()]}>
              <Select options={OFFLINE_REASONS.map((r) => ({ value: r, label: offlineReasonName(r) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="caseId" label={t('cases.offline.caseId')} extra={t('cases.offline.caseIdHint')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['reason']}>
            {() => (
              <Col span={24}>
                <Form.Item
                  name="reasonDetail"
                  label={t('cases.offline.reasonDetail')}
                  rules={
                    form.getFieldValue('reason') === 'other'
                      ? [required(), zodRule(shape.reasonDetail)]
                      : [zodRule(shape.reasonDetail)]
                  }
                >
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
              </Col>
            )}
          </Form.Item>
        </Row>
      )}
    </FormDialog>
  );
}

/** The quarterly 线下办理案件情况统计表 the city bureau asks for: a statistics table (report.read), as .xlsx. */
function QuarterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ year: number; quarter: number }, void>
      kind="modal"
      width={420}
      open={open}
      onClose={onClose}
      title={t('cases.offline.quarterTitle')}
      okText={t('common.download')}
      initialValues={{ year: cstToday().year(), quarter: thisQuarter() }}
      submit={(v) =>
        api.download(
          '/api/reports/stat-tables/offline-cases/table.xlsx',
          { period: `${v.year}-Q${v.quarter}` },
          `offline-${v.year}-Q${v.quarter}.xlsx`,
        )
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="year" label={t('cases.offline.year')} rules={[required()]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="quarter" label={t('cases.offline.quarter')} rules={[required()]}>
            <Select options={QUARTERS} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

const toForm = (f: Filters) => ({
  ...f,
  unitId: f.unitId ? Number(f.unitId) : undefined,
  year: f.year ? Number(f.year) : undefined,
  quarter: f.quarter ? Number(f.quarter) : undefined,
});

/** 线下办理: reports of cases handled offline, and (for report readers) the quarterly statistics table. */
export default function OfflinePage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useList<OfflineReportResponse>('cases-offline', '/api/cases/offline-reports');
  const [open, setOpen] = useState<'new' | 'quarter' | null>(null);
  return (
    <Page
      title={t('cases.offline.title')}
      extra={
        <>
          {can('report.read') && (
            <Button icon={<DownloadOutlined />} onClick={() => setOpen('quarter')}>
              {t('cases.offline.quarterButton')}
            </Button>
          )}
          {can('case.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              {t('cases.offline.new')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm}>
        <Form.Item name="year" label={t('cases.offline.year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="quarter" label={t('cases.offline.quarter')}>
          <Select allowClear placeholder={t('common.all')} style={{ width: 100 }} options={QUARTERS} />
        </Form.Item>
        <Form.Item name="unitId" label={t('cases.field.unit')}>
          <UnitTreeSelect allowClear style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<OfflineReportResponse>
          rowKey="id"
          {...list.table}
          size="middle"
          scroll={{ x: 1000 }}
          columns={[
            { title: t('cases.offline.reportedOn'), dataIndex: 'reportedOn', width: 110, render: formatDate },
            {
              title: t('cases.field.caseType'),
              dataIndex: 'caseType',
              width: 80,
              render: (v: OfflineReportResponse['caseType']) => <TypeTag type={v} />,
            },
            {
              title: t('cases.offline.caseTitle'),
              dataIndex: 'title',
              width: 260,
              render: (v: string, r) =>
                r.caseId ? (
                  <Link to={`/cases/${r.caseId}`}>{v}</Link>
                ) : (
                  <Typography.Text>{v}</Typography.Text>
                ),
            },
            { title: t('cases.field.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
            {
              title: t('cases.offline.reason'),
              dataIndex: 'reason',
              width: 130,
              render: (v: OfflineReportResponse['reason']) => offlineReasonName(v),
            },
            {
              title: t('cases.offline.reasonDetail'),
              dataIndex: 'reasonDetail',
              ellipsis: true,
              render: (v: string | null) => v ?? EMPTY,
            },
            {
              title: t('cases.offline.reportedBy'),
              dataIndex: 'reportedByName',
              width: 100,
              render: (v: string | null) => v ?? EMPTY,
            },
          ]}
        />
      </div>
      <ReportDrawer open={open === 'new'} onClose={() => setOpen(null)} />
      <QuarterDialog open={open === 'quarter'} onClose={() => setOpen(null)} />
    </Page>
  );
}
