import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { QueryKey } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Table, Typography, Upload, type UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type ImportRowError } from '../api.ts';
import { useAction } from './action.ts';

interface ExcelImportProps {
  /** What is imported, for the title (单位, 人员 …). */
  what: string;
  uploadPath: string;
  templatePath?: string;
  templateName?: string;
  invalidate: QueryKey[];
  /** Extra form fields sent along with the file (year, source …). */
  fields?: ReactNode;
  hint?: ReactNode;
  /** After a successful import, with the server's answer. */
  onImported?: (result: { imported: number }) => void;
}

/**
 * Button + dialog for the house's Excel import: template download, one .xlsx upload, and —
 * when the server refuses the file — every row error in a table. Nothing is imported then.
 */
export function ExcelImport(props: ExcelImportProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('importer.button')}
      </Button>
      {open && <ImportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportDialog({
  what,
  uploadPath,
  templatePath,
  templateName,
  invalidate,
  fields,
  hint,
  onImported,
  onClose,
}: ExcelImportProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [rows, setRows] = useState<ImportRowError[] | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const upload = useAction(
    async (values: Record<string, unknown>) => {
      const data = new FormData();
      data.append('file', file!.originFileObj as Blob, file!.name);
      for (const [k, v] of Object.entries(values))
        if (v !== undefined && v !== null) data.append(k, String(v));
      return api.upload<{ imported: number }>(uploadPath, data);
    },
    {
      form,
      invalidate,
      success: (r) => t('importer.imported', { n: r.imported }),
      onSuccess: (r) => {
        onImported?.(r);
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.rows?.length) {
          setRows(e.rows);
          return true;
        }
        return false;
      },
    },
  );
  const template = useAction(() => api.download(templatePath!, undefined, templateName ?? `${what}.xlsx`));

  const start = async () => {
    const values = await form.validateFields();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setRows(null);
    upload.mutate(values);
  };

  return (
    <Modal
      open
      title={t('importer.title', { what })}
      width={720}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={upload.isPending} onClick={start}>
          {t('importer.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('importer.step1')}</Typography.Paragraph>
      {hint}
      {templatePath && (
        <Button
          icon={<DownloadOutlined />}
          loading={template.isPending}
          onClick={() => template.mutate(undefined)}
          style={{ marginBottom: 16 }}
        >
          {t('importer.template')}
        </Button>
      )}
      <Form form={form} layout="vertical">
        {fields}
      </Form>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [file] : []}
        beforeUpload={() => false}
        onChange={({ fileList }) => {
          setFile(fileList.at(-1) ?? null);
          setRows(null);
          setMissingFile(false);
        }}
        onRemove={() => setFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('importer.drop')}</p>
        {missingFile && <Typography.Text type="danger">{t('importer.chooseFile')}</Typography.Text>}
      </Upload.Dragger>
      {rows && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ margin: '16px 0 8px' }}
            title={t('importer.rowErrors', { n: rows.length })}
          />
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: t('importer.row'), dataIndex: 'row', width: 80 },
              { title: t('importer.column'), dataIndex: 'column', width: 140 },
              { title: t('importer.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
