/**
 * 报告核查: a hand-written report (.docx or .txt) checked for numbers that contradict each other
 * or Fazhi's records. The file is only read, never kept.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/ui/action.ts';
import { Page } from '../../app/ui/page.tsx';
import { FindingsList, findingCounts } from './findings-list.tsx';
import { type Finding, type FindingsAnswer, findingsOf } from './types.ts';

const ACCEPT = '.docx,.txt';
const MAX_BYTES = 20 * 1024 * 1024;

export default function CheckPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [result, setResult] = useState<{ name: string; findings: Finding[] }>();
  const check = useAction(
    async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const answer = await api.upload<FindingsAnswer>('/api/reports/check', form);
      return { name: file.name, findings: findingsOf(answer) };
    },
    { onSuccess: setResult },
  );
  const counts = result ? findingCounts(result.findings) : undefined;

  return (
    <Page title={t('reports.check.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reports.check.hint')} />
      <div className="fz-panel" style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={check.isPending}
          beforeUpload={(file) => {
            if (!/\.(docx|txt)$/i.test(file.name) || file.size > MAX_BYTES) {
              message.error(t('reports.check.badFile'));
              return Upload.LIST_IGNORE;
            }
            void check.run(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('reports.check.drop')}</p>
          <p className="ant-upload-hint">{t('reports.check.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {check.isPending && (
        <div className="fz-center" style={{ height: 120 }}>
          <Spin />
        </div>
      )}
      {result && counts && !check.isPending && (
        <div className="fz-panel" data-testid="check-result">
          <Typography.Title level={5}>{result.name}</Typography.Title>
          <Alert
            type={counts.errors ? 'error' : result.findings.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('reports.check.summary', { errors: counts.errors, warnings: counts.warnings })}
          />
          <FindingsList findings={result.findings} />
        </div>
      )}
    </Page>
  );
}
