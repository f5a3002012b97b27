import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  INCIDENT_IMPORT_FIELDS,
  type IncidentImportField,
  type IncidentImportJobResponse,
  type IncidentImportMapping,
} from '@fazhi/common';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Result, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type ImportRowError, isApiError } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { Page } from '../../../app/ui/page.tsx';
import { INCIDENTS_KEY } from '../api.ts';
import { ColumnMapping, type ColumnsInfo } from './column-mapping.tsx';

const FINISHED = ['done', 'failed'];

/** Polls the job until it ends; the bar shows rows checked, then rows written. */
function ImportProgress({
  jobId,
  onAgain,
  onFinished,
}: {
  jobId: string;
  onAgain: () => void;
  onFinished: (failed: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: ['incidents', 'import', jobId],
    queryFn: async () => {
      const j = await api.get<IncidentImportJobResponse>(`/api/incidents/imports/${jobId}`);
      if (j.status === 'done') await qc.invalidateQueries({ queryKey: [...INCIDENTS_KEY] });
      return j;
    },
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 500),
    retry: (n, e) => !isApiError(e, 'NOT_FOUND') && n < 3,
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') onFinished(status === 'failed');
  }, [status, onFinished]);
  if (job.error)
    return (
      <Alert
        type="warning"
        showIcon
        title={isApiError(job.error, 'NOT_FOUND') ? t('incidents.import.lost') : job.error.message}
      />
    );
  const j = job.data;
  if (!j) return <Spin />;
  if (j.status === 'done')
    return (
      <Result
        status="success"
        title={t('incidents.import.doneTitle', { n: j.imported ?? 0 })}
        subTitle={
          j.firstNo ? t('incidents.import.doneNumbers', { first: j.firstNo, last: j.lastNo }) : undefined
        }
        extra={[
          <Button key="list" type="primary" onClick={() => navigate('/incidents')}>
            {t('incidents.import.viewList')}
          </Button>,
          <Button key="again" onClick={onAgain}>
            {t('incidents.import.again')}
          </Button>,
        ]}
      />
    );
  if (j.status === 'failed') {
    const rows = j.errors ?? [];
    const fields = Object.values(j.fields ?? {});
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          title={
            rows.length ? t('incidents.import.failedTitle', { n: j.errorCount ?? rows.length }) : j.message
          }
          description={rows.length ? t('incidents.import.failedHint') : fields.join('; ') || undefined}
          action={<Button onClick={onAgain}>{t('incidents.import.again')}</Button>}
        />
        {rows.length > 0 && (
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
            columns={[
              { title: t('importer.row'), dataIndex: 'row', width: 90 },
              { title: t('importer.column'), dataIndex: 'column', width: 180 },
              { title: t('importer.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    );
  }
  // Checking is quick, writing is slow: one bar, a fifth for checking and the rest for writing.
  // When every row is checked the writing has begun (on PGlite its polls answer only at the end).
  const share = j.total ? j.processed / j.total : 0;
  const writing = j.status === 'loading' || (j.total > 0 && j.processed === j.total);
  const percent = Math.floor(j.status === 'loading' ? 20 + share * 80 : share * 20);
  return (
    <div style={{ maxWidth: 640, margin: '24px auto', textAlign: 'center' }}>
      <Typography.Title level={5}>
        {t(`incidents.import.phase.${writing ? 'loading' : 'validating'}`)}
      </Typography.Title>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {t('incidents.import.progress', { processed: j.processed, total: j.total || '…' })}
      </Typography.Text>
    </div>
  );
}

/** The 110-export import: upload → map columns → run with progress → result or row errors. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [info, setInfo] = useState<ColumnsInfo | null>(null);
  const [mapping, setMapping] = useState<IncidentImportMapping>({});
  const [missing, setMissing] = useState<Set<IncidentImportField>>(new Set());
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<'done' | 'failed' | null>(null);
  const step = finished ? 3 : jobId ? 2 : info ? 1 : 0;
  const onFinished = useCallback((failed: boolean) => setFinished(failed ? 'failed' : 'done'), []);

  const readColumns = useAction(
    (f: File) => {
      const data = new FormData();
      data.append('file', f, f.name);
      return api.upload<ColumnsInfo>('/api/incidents/imports/columns', data);
    },
    {
      onSuccess: (r) => {
        setInfo(r);
        setMapping(r.suggested);
        setMissing(new Set());
      },
    },
  );
  const start = useAction(
    () => {
      const data = new FormData();
      data.append('file', file!, file!.name);
      data.append('mapping', JSON.stringify(mapping));
      return api.upload<{ jobId: string }>('/api/incidents/imports', data);
    },
    { onSuccess: (r) => setJobId(r.jobId) },
  );
  const template = useAction(() =>
    api.download('/api/incidents/import-template', undefined, 'incidents.xlsx'),
  );

  const again = () => {
    setJobId(null);
    setFinished(null);
    setInfo(null);
    setFile(null);
  };
  const run = () => {
    const unmapped = INCIDENT_IMPORT_FIELDS.filter((f) => f.required && !mapping[f.key]).map((f) => f.key);
    setMissing(new Set(unmapped));
    if (!unmapped.length) start.mutate(undefined);
  };

  return (
    <Page title={t('incidents.import.title')}>
      <div className="fz-panel">
        <Steps
          current={step}
          status={finished === 'failed' ? 'error' : undefined}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('incidents.import.steps.upload') },
            { title: t('incidents.import.steps.map') },
            { title: t('incidents.import.steps.run') },
            { title: t('incidents.import.steps.result') },
          ]}
        />
        {step === 0 && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('incidents.import.uploadHint')} />
            <Button
              icon={<DownloadOutlined />}
              loading={template.isPending}
              onClick={() => template.mutate(undefined)}
            >
              {t('incidents.import.template')}
            </Button>
            <Spin spinning={readColumns.isPending} tip={t('incidents.import.reading')}>
              <Upload.Dragger
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(f) => {
                  setFile(f);
                  readColumns.mutate(f);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('incidents.import.drop')}</p>
              </Upload.Dragger>
            </Spin>
          </Space>
        )}
        {step === 1 && info && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Alert type="info" showIcon title={`${info.fileName} — ${t('incidents.import.mapHint')}`} />
            <ColumnMapping info={info} mapping={mapping} onChange={setMapping} missing={missing} />
            <Space>
              <Button onClick={again}>{t('incidents.import.back')}</Button>
              <Button type="primary" loading={start.isPending} onClick={run}>
                {t('incidents.import.start')}
              </Button>
            </Space>
          </Space>
        )}
        {jobId && <ImportProgress jobId={jobId} onAgain={again} onFinished={onFinished} />}
      </div>
    </Page>
  );
}
