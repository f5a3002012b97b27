import { DownloadOutlined, LockOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  AUDIT_ACTIONS,
  AUDIT_PROBLEM_NAMES,
  AUDIT_TARGET_TYPES,
  type AuditRecordResponse,
  type AuditVerifyResponse,
  auditActionName,
  auditTargetTypeName,
} from '@fazhi/common';
import { App, Button, DatePicker, Form, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { roleName } from '../../../app/names.ts';
import { useAction } from '../../../app/ui/action.ts';
import { FilterBar, valuesToFilters } from '../../../app/ui/filter-bar.tsx';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { type Filters, useList } from '../../../app/ui/use-list.ts';
import { AuditDetail, actionName, targetText } from './audit-detail.tsx';

// the date range is one picker on the form and two filters (from, to) in the address bar
const toForm = ({ from, to, ...f }: Filters) => ({
  ...f,
  range: from && to ? [dayjs(from), dayjs(to)] : undefined,
});
const fromForm = ({ range, ...v }: Record<string, unknown>) => {
  const [from, to] = (range as [Dayjs, Dayjs] | undefined) ?? [];
  return valuesToFilters({ ...v, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
};

export default function AuditPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const list = useList<AuditRecordResponse>('audit', '/api/audit');
  const [detail, setDetail] = useState<AuditRecordResponse | null>(null);

  const exporter = useAction(() => api.download('/api/audit/export', list.filters, 'audit.xlsx'));
  const verify = useAction(() => api.get<AuditVerifyResponse>('/api/audit/verify'), {
    onSuccess: (r) => {
      const pending = r.pending ? ` ${t('audit.verifyPending', { n: r.pending })}` : '';
      if (r.ok) {
        modal.success({
          title: t('audit.verifyOk'),
          content: t('audit.verifyOkDetail', { n: r.checked }) + pending,
        });
        return;
      }
      modal.error({
        title: t('audit.verifyBroken'),
        width: 600,
        content: <VerifyProblems result={r} pending={pending} />,
      });
    },
  });

  return (
    <Page
      title={t('audit.title')}
      extra={
        <>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(undefined)}
          >
            {t('audit.verify')}
          </Button>
          {can('audit.export') && (
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.isPending}
              onClick={() => exporter.mutate(undefined)}
            >
              {t('audit.export')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar filters={list.filters} onChange={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 190 }}
            placeholder={t('common.all')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: bilingual(auditActionName(a)) }))}
          />
        </Form.Item>
        <Form.Item name="targetType" label={t('audit.targetType')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            placeholder={t('common.all')}
            options={AUDIT_TARGET_TYPES.map((k) => ({ value: k, label: bilingual(auditTargetTypeName(k)) }))}
          />
        </Form.Item>
        <Form.Item name="targetId" label={t('audit.targetId')}>
          <Input allowClear style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('common.all')}
            options={['success', 'failure'].map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={list.query.error} onRetry={() => list.query.refetch()} />
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<AuditRecordResponse>
          rowKey="id"
          size="middle"
          {...list.table}
          scroll={{ x: 1160 }}
          onRow={(r) => ({ onDoubleClick: () => setDetail(r) })}
          columns={[
            {
              title: t('audit.id'),
              dataIndex: 'id',
              width: 70,
              render: (v: number) => <span className="fz-mono">{v}</span>,
            },
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: formatDateTime },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              width: 130,
              render: (v: string | null, r) => (
                <div>
                  <div>{v ?? EMPTY}</div>
                  {r.actorRole && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {roleName(r.actorRole)}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('audit.unit'),
              dataIndex: 'unitName',
              width: 140,
              ellipsis: true,
              render: (v) => v ?? EMPTY,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (a: string) => actionName(a),
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 220,
              ellipsis: true,
              render: (_, r) => targetText(r),
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              width: 80,
              render: (o: AuditRecordResponse['outcome']) => (
                <Tag color={o === 'success' ? 'success' : 'error'}>{t(`audit.outcomes.${o}`)}</Tag>
              ),
            },
            { title: t('audit.ip'), dataIndex: 'clientIp', width: 120, render: (v) => v ?? EMPTY },
            {
              title: t('audit.sealed'),
              dataIndex: 'sealed',
              width: 60,
              align: 'center',
              render: (v: boolean) => (
                <Tooltip title={v ? t('audit.sealedYes') : t('audit.sealedNo')}>
                  {v ? (
                    <LockOutlined style={{ color: '#389e0d' }} />
                  ) : (
                    <UnlockOutlined style={{ color: '#bfbfbf' }} />
                  )}
                </Tooltip>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 70,
              fixed: 'right',
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setDetail(r)}>
                  {t('audit.detail')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <AuditDetail record={detail} onClose={() => setDetail(null)} />
    </Page>
  );
}

/** Every record the check found altered, deleted or inserted, by number. */
function VerifyProblems({ result, pending }: { result: AuditVerifyResponse; pending: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>
        {t('audit.verifyBrokenDetail', { n: result.checked, count: result.problemCount })}
        {pending}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(p) => `${p.kind}-${p.auditId}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={result.problems}
        columns={[
          { title: t('audit.record'), dataIndex: 'auditId', width: 100, render: (id: number) => `#${id}` },
          {
            title: t('audit.problem'),
            dataIndex: 'kind',
            render: (k: AuditVerifyResponse['problems'][number]['kind']) => bilingual(AUDIT_PROBLEM_NAMES[k]),
          },
        ]}
      />
      {result.problemCount > result.problems.length && (
        <Typography.Text type="secondary">
          {t('audit.verifyMore', { n: result.problemCount - result.problems.length })}
        </Typography.Text>
      )}
    </>
  );
}
