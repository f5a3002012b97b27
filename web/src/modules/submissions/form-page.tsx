import {
  CheckOutlined,
  DeleteOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { SubmissionResponse, SubmissionRow } from '@fazhi/common';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n/index.ts';
import { useAction } from '../../app/ui/action.ts';
import { ExcelImport } from '../../app/ui/excel-import.tsx';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { EMPTY, formatDate, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { required } from '../../app/ui/rules.ts';
import { SUBMISSIONS_KEY, useSubmission } from './api.ts';
import { periodName, SubmissionStatusTag } from './tags.tsx';

type Values = { values: Record<string, { value: number | null; note: string }> };

/** Server field names are `values.<metricId>.value`; metric ids hold dots, so split at the ends. */
const fieldPath = (name: string) => {
  const m = /^values\.(.+)\.(value|note)$/.exec(name);
  return m ? (['values', m[1]!, m[2] as 'value' | 'note'] as const) : null;
};

function FormBody({ s }: { s: SubmissionResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [returning, setReturning] = useState(false);
  const editable = s.actions.includes('save');
  const en = currentLanguage() === 'en-US';
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) {
      message.warning(t('submissions.conflict'));
      return false;
    }
    if (isApiError(e, 'VALIDATION') && e.fields) {
      const fields = Object.entries(e.fields).flatMap(([k, msg]) => {
        const name = fieldPath(k);
        return name ? [{ name: [...name] as ['values', string, 'value' | 'note'], errors: [msg] }] : [];
      });
      form.setFields(fields);
    }
    return false;
  };
  const opts = { invalidate: [SUBMISSIONS_KEY], onError };
  const save = useAction(
    (v: Values) =>
      api.put<SubmissionResponse>(`/api/reports/submissions/${s.id}`, { version: s.version, ...v }),
    { ...opts, success: t('submissions.form.saved') },
  );
  const post = (action: 'sign' | 'accept') => () =>
    api.post(`/api/reports/submissions/${s.id}/${action}`, { version: s.version });
  const sign = useAction(post('sign'), { ...opts, success: t('submissions.form.signed') });
  const accept = useAction(post('accept'), { ...opts, success: t('submissions.form.accepted') });
  const upload = useAction(
    (file: File) => {
      const fd = new FormData();
      fd.append('files', file);
      return api.upload(`/api/reports/submissions/${s.id}/files`, fd);
    },
    { invalidate: [SUBMISSIONS_KEY], success: t('submissions.form.uploaded') },
  );
  const removeFile = useAction(
    (fileId: number) =>
      api.delete<SubmissionResponse>(`/api/reports/submissions/${s.id}/files/${fileId}?version=${s.version}`),
    { ...opts, success: t('submissions.form.fileDeleted') },
  );
  const exportExcel = useAction(() =>
    api.download(`/api/reports/submissions/${s.id}/template`, undefined, `${s.unitName}-${s.period}.xlsx`),
  );
  const initial: Values = {
    values: Object.fromEntries(s.rows.map((r) => [r.metricId, { value: r.value, note: r.note }])),
  };

  return (
    <>
      {s.status === 'returned' && s.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('submissions.form.returnedAlert', { reason: s.returnReason })}
        />
      )}
      <div className="fz-panel" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('submissions.col.period')}>{periodName(s.period)}</Descriptions.Item>
          <Descriptions.Item label={t('submissions.col.dueOn')}>
            <Typography.Text type={s.late ? 'danger' : undefined}>{formatDate(s.dueOn)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('submissions.col.status')}>
            <SubmissionStatusTag status={s.status} late={s.late} />
          </Descriptions.Item>
          <Descriptions.Item label={t('submissions.col.signedBy')}>
            {s.signedByName ? `${s.signedByName} ${formatDateTime(s.signedAt)}` : EMPTY}
          </Descriptions.Item>
          <Descriptions.Item label={t('submissions.col.remindedAt')}>
            {formatDateTime(s.remindedAt)}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap>
          {editable && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={() => form.submit()}
            >
              {t('submissions.form.save')}
            </Button>
          )}
          {s.actions.includes('sign') && (
            <Popconfirm title={t('submissions.form.signConfirm')} onConfirm={() => sign.run(undefined)}>
              <Button icon={<SendOutlined />} loading={sign.isPending}>
                {t('submissions.form.sign')}
              </Button>
            </Popconfirm>
          )}
          {s.actions.includes('accept') && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={accept.isPending}
              onClick={() => accept.run(undefined)}
            >
              {t('submissions.form.accept')}
            </Button>
          )}
          {s.actions.includes('return') && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              {t('submissions.form.return')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={exportExcel.isPending}
            onClick={() => exportExcel.run(undefined)}
          >
            {t('submissions.form.download')}
          </Button>
          {editable && (
            <ExcelImport
              what={t('submissions.form.excelWhat')}
              uploadPath={`/api/reports/submissions/${s.id}/import`}
              templatePath={`/api/reports/submissions/${s.id}/template`}
              templateName={`${s.unitName}-${s.period}.xlsx`}
              invalidate={[SUBMISSIONS_KEY]}
              hint={
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('submissions.form.importHint')}
                />
              }
              fields={
                <Form.Item name="version" initialValue={s.version} hidden>
                  <Input />
                </Form.Item>
              }
            />
          )}
          {!editable && s.actions.length === 0 && (
            <Typography.Text type="secondary">{t('submissions.form.readOnly')}</Typography.Text>
          )}
        </Space>
      </div>
      <Form<Values> form={form} initialValues={initial} onFinish={(v) => save.run(v)} disabled={!editable}>
        <div className="fz-panel" style={{ padding: 0, marginBottom: 16 }}>
          <Table<SubmissionRow>
            rowKey="metricId"
            dataSource={s.rows}
            pagination={false}
            size="small"
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('submissions.form.metric'),
                key: 'metric',
                render: (_, r) => (
                  <>
                    <div>{en ? r.nameEn : r.nameZh}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.definition}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('submissions.form.section'), dataIndex: 'section', width: 100 },
              {
                title: t('submissions.form.value'),
                key: 'value',
                width: 180,
                render: (_, r) => (
                  <Form.Item name={['values', r.metricId, 'value']} style={{ margin: 0 }}>
                    <InputNumber
                      min={0}
                      max={r.unit === '%' ? 100 : undefined}
                      addonAfter={r.unit}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('submissions.form.note'),
                key: 'note',
                width: 260,
                render: (_, r) => (
                  <Form.Item name={['values', r.metricId, 'note']} style={{ margin: 0 }}>
                    <Input maxLength={2000} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </div>
      </Form>
      <div className="fz-panel" style={{ marginBottom: 16 }}>
        <Typography.Title level={5}>{t('submissions.form.files')}</Typography.Title>
        <Space direction="vertical">
          {s.files.map((f) => (
            <Space key={f.id} size={4} data-file={f.fileName}>
              <Typography.Link
                onClick={() =>
                  api.download(`/api/reports/submissions/${s.id}/files/${f.id}`, undefined, f.fileName)
                }
              >
                {f.fileName} · {Math.ceil(f.size / 1024)} KB · {f.uploadedByName ?? EMPTY} ·{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  SHA-256 {f.sha256.slice(0, 12)}…
                </Typography.Text>
              </Typography.Link>
              {s.actions.includes('attach') && (
                <Popconfirm
                  title={t('submissions.form.deleteFileConfirm', { name: f.fileName })}
                  onConfirm={() => removeFile.run(f.id)}
                >
                  <Button
                    type="link"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    loading={removeFile.isPending && removeFile.variables === f.id}
                  >
                    {t('submissions.form.deleteFile')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
          {s.actions.includes('attach') && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                upload.run(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('submissions.form.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      </div>
      <div className="fz-panel">
        <Typography.Title level={5}>{t('submissions.form.versions')}</Typography.Title>
        <Timeline
          items={s.versions.map((v) => ({
            key: v.version,
            content: (
              <Space wrap>
                <strong>{t('submissions.form.version', { v: v.version })}</strong>
                <SubmissionStatusTag status={v.status} />
                {v.actorName ?? EMPTY}
                <Typography.Text type="secondary">{formatDateTime(v.at)}</Typography.Text>
                {t('submissions.form.valuesCount', {
                  n: Object.values(v.values).filter((x) => x.value !== null).length,
                })}
                {v.note && <Typography.Text type="warning">{v.note}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </div>
      <FormDialog<{ reason: string }, SubmissionResponse>
        kind="modal"
        title={t('submissions.form.returnTitle')}
        open={returning}
        onClose={() => setReturning(false)}
        okText={t('submissions.form.return')}
        submit={(v) =>
          api.post<SubmissionResponse>(`/api/reports/submissions/${s.id}/return`, {
            version: s.version,
            ...v,
          })
        }
        invalidate={[SUBMISSIONS_KEY]}
        success={t('submissions.form.returned')}
      >
        <Form.Item name="reason" label={t('submissions.form.reason')} rules={[required()]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormDialog>
    </>
  );
}

/** One department's form: fill and sign (the department), accept or return (the detachment). */
export default function FormPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useSubmission(id);
  const s = query.data;
  return (
    <Page title={s ? t('submissions.form.title', { unit: s.unitName, round: s.roundTitle }) : ''}>
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {/* Re-mount on a new version so the form shows what the server holds now. */}
      {s && <FormBody key={`${s.id}-${s.version}`} s={s} />}
    </Page>
  );
}
