import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { CaseResponse, EvidenceResponse } from '@fazhi/common';
import { Button, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { useAction } from '../../../app/ui/action.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { formatDateTime } from '../../../app/ui/format.ts';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { CASES_KEY, useConflictHandler } from '../api.ts';
import { isTerminal } from '../case-tags.tsx';

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** One file per upload; a file is never replaced — a new version is a new row with its own hash. */
function UploadDialog({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const [file, setFile] = useState<UploadFile | null>(null);
  const [missing, setMissing] = useState(false);
  return (
    <FormDialog<{ description?: string }, EvidenceResponse>
      kind="modal"
      width={560}
      open={open}
      onClose={() => {
        setFile(null);
        setMissing(false);
        onClose();
      }}
      title={t('cases.evidence.uploadTitle')}
      okText={t('cases.evidence.upload')}
      submit={async (v) => {
        if (!file?.originFileObj) {
          setMissing(true);
          throw new Error(t('cases.evidence.chooseFile'));
        }
        const data = new FormData();
        data.append('file', file.originFileObj, file.name);
        if (v.description?.trim()) data.append('description', v.description.trim());
        const r = await api.upload<EvidenceResponse>(`/api/cases/${c.id}/evidence`, data);
        setFile(null);
        return r;
      }}
      success={(r) => t('cases.evidence.uploaded', { name: r.fileName })}
      invalidate={[CASES_KEY]}
      onError={conflict}
    >
      <Upload.Dragger
        maxCount={1}
        fileList={file ? [file] : []}
        beforeUpload={() => false}
        onChange={({ fileList }) => {
          setFile(fileList.at(-1) ?? null);
          setMissing(false);
        }}
        onRemove={() => setFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('cases.evidence.drop')}</p>
        <p className="ant-upload-hint">{t('cases.evidence.dropHint')}</p>
        {missing && <Typography.Text type="danger">{t('cases.evidence.chooseFile')}</Typography.Text>}
      </Upload.Dragger>
      <Form.Item name="description" label={t('cases.evidence.description')} style={{ marginTop: 16 }}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

/** 证据: the case's files with their SHA-256, as stored. */
export function EvidenceTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const download = useAction((e: EvidenceResponse) =>
    api.download(`/api/evidence/${e.id}/download`, undefined, e.fileName),
  );
  return (
    <>
      {can('case.write') && !isTerminal(c.status) && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
        >
          {t('cases.evidence.upload')}
        </Button>
      )}
      <ResponsiveTable<EvidenceResponse>
        rowKey="id"
        cardTitle="fileName"
        size="small"
        dataSource={c.evidence}
        pagination={c.evidence.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('cases.evidence.none') }}
        columns={[
          { title: t('cases.evidence.fileName'), dataIndex: 'fileName', width: 220, ellipsis: true },
          {
            title: t('cases.evidence.description'),
            dataIndex: 'description',
            ellipsis: true,
            render: (v: string | null) => v ?? '',
          },
          { title: t('cases.evidence.size'), dataIndex: 'size', width: 90, render: formatSize },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            width: 230,
            render: (v: string) => (
              <Typography.Text className="fz-mono" copyable={{ text: v }} style={{ fontSize: 12 }}>
                {`${v.slice(0, 16)}…${v.slice(-8)}`}
              </Typography.Text>
            ),
          },
          {
            title: t('cases.evidence.uploadedBy'),
            dataIndex: 'uploadedByName',
            width: 100,
            render: (v: string | null) => v ?? '',
          },
          {
            title: t('cases.evidence.uploadedAt'),
            dataIndex: 'uploadedAt',
            width: 165,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_: unknown, e) => (
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                loading={download.isPending && download.variables?.id === e.id}
                onClick={() => download.mutate(e)}
              >
                {t('common.download')}
              </Button>
            ),
          },
        ]}
      />
      <UploadDialog c={c} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
