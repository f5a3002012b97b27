import {
  type PublicationDetailResponse,
  type PublicationResponse,
  PublicationWithdrawRequest,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useAction } from '../../app/ui/action.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { EMPTY, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import { ProvisionalTag } from '../../app/ui/provisional.tsx';
import { required, zodRule } from '../../app/ui/rules.ts';
import { decisionName, PublicityView } from './publicity-view.tsx';
import { DueLabel, StatusTag } from './status.tsx';

export const PUBLICITY_KEY = 'publicity';

/** One task: its clock and state, and what the public sees (the preview while pending). */
export function PublicationDrawer({
  id,
  onClose,
  onWithdraw,
}: {
  id: number | null;
  onClose: () => void;
  onWithdraw: (p: PublicationResponse) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { modal } = App.useApp();
  const query = useQuery({
    queryKey: [PUBLICITY_KEY, 'detail', id],
    queryFn: () => api.get<PublicationDetailResponse>(`/api/publicity/${id}`),
    enabled: id !== null,
  });
  const publish = useAction((p: PublicationDetailResponse) => api.post(`/api/publicity/${p.id}/publish`), {
    invalidate: [[PUBLICITY_KEY]],
    success: t('publicity.published'),
  });
  const p = query.data;

  const confirmPublish = (pub: PublicationDetailResponse) =>
    modal.confirm({
      title: t('publicity.publishConfirmTitle'),
      content: pub.overdue
        ? t('publicity.publishLateConfirm', { due: pub.dueOn })
        : t('publicity.publishConfirm'),
      okText: t('publicity.publish'),
      onOk: () => publish.run(pub),
    });

  const footer = p && can('publicity.publish') && (
    <Space style={{ float: 'right' }}>
      {p.status === 'pending' && (
        <Button type="primary" loading={publish.isPending} onClick={() => confirmPublish(p)}>
          {t('publicity.publish')}
        </Button>
      )}
      {p.status === 'published' && (
        <Button danger onClick={() => onWithdraw(p)}>
          {t('publicity.withdraw')}
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      title={p ? t('publicity.detailTitle', { docNo: p.docNo }) : t('publicity.title')}
      footer={footer || undefined}
    >
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {query.isPending && id !== null && <Spin />}
      {p && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('publicity.task')}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={2}
            style={{ marginBottom: 20 }}
            items={[
              {
                key: 'case',
                label: t('publicity.col.case'),
                span: 2,
                children: `${p.caseNo} ${p.caseTitle}`,
              },
              { key: 'unit', label: t('publicity.col.unit'), span: 2, children: p.unitName },
              {
                key: 'decision',
                label: t('publicity.col.decision'),
                children: decisionName(p.decisionKind),
              },
              {
                key: 'decisionStatus',
                label: t('publicity.decisionStatusLabel'),
                children: t(`publicity.decisionStatus.${p.decisionStatus}`, {
                  defaultValue: p.decisionStatus,
                }),
              },
              { key: 'decidedOn', label: t('publicity.col.decidedOn'), children: p.decidedOn },
              {
                key: 'rule',
                label: t('publicity.rule'),
                children: t(`publicity.rules.${p.clockRule}`, { defaultValue: p.clockRule }),
              },
              {
                key: 'dueOn',
                label: t('publicity.col.dueOn'),
                children: (
                  <>
                    {p.dueOn}
                    <ProvisionalTag provisional={p.dueProvisional} />
                  </>
                ),
              },
              { key: 'left', label: t('publicity.col.left'), children: <DueLabel p={p} /> },
              { key: 'status', label: t('publicity.col.status'), span: 2, children: <StatusTag p={p} /> },
              {
                key: 'publishedAt',
                label: t('publicity.col.publishedAt'),
                children: formatDateTime(p.publishedAt),
              },
              { key: 'publishedBy', label: t('publicity.publishedBy'), children: p.publishedBy ?? EMPTY },
              ...(p.withdrawnAt || p.withdrawReason
                ? [
                    {
                      key: 'withdrawnAt',
                      label: t('publicity.withdrawnAt'),
                      children: formatDateTime(p.withdrawnAt),
                    },
                    {
                      key: 'withdrawReason',
                      label: p.exclusions.length ? t('publicity.exclusions') : t('publicity.withdrawReason'),
                      // The grounds by name in the reader's language; the stored text cites the articles.
                      children: p.exclusions.length
                        ? `${p.exclusions.map((c) => t(`publicity.exclusion.${c}`)).join('；')} — ${p.withdrawReason}`
                        : (p.withdrawReason ?? EMPTY),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5}>
            {p.status === 'pending' ? t('publicity.previewTitle') : t('publicity.publishedTitle')}
          </Typography.Title>
          {p.status === 'pending' && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('publicity.previewHint')} />
          )}
          {p.content ? (
            <PublicityView content={p.content} publishedAt={p.publishedAt} />
          ) : (
            <Empty description={t('publicity.noContent')} />
          )}
        </>
      )}
    </Drawer>
  );
}

/** The reason for taking a published decision down; the server records it with the audit. */
export function WithdrawDialog({ p, onClose }: { p: PublicationResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ reason: string }, unknown>
      kind="modal"
      open={!!p}
      onClose={onClose}
      title={t('publicity.withdrawTitle', { docNo: p?.docNo ?? '' })}
      initialValues={{ reason: p?.withdrawReason ?? '' }}
      submit={(v) => api.post(`/api/publicity/${p!.id}/withdraw`, { reason: v.reason })}
      success={t('publicity.withdrawn')}
      invalidate={[[PUBLICITY_KEY]]}
      okText={t('publicity.withdraw')}
      header={
        <Alert type="warning" showIcon title={t('publicity.withdrawHint')} style={{ marginBottom: 16 }} />
      }
    >
      <Form.Item
        name="reason"
        label={t('publicity.reason')}
        rules={[required(), zodRule(PublicationWithdrawRequest.shape.reason)]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('publicity.reasonPlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}
