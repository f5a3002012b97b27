/**
 * 年度报告: the year's 法治政府建设年度报告 as it will print, every figure clickable down to its
 * records or submission; exports (.docx in the official layout, Markdown) and the consistency
 * check. The check only warns: the detachment decides whether a finding matters. Paragraphs that
 * tell another year's events are listed and marked: the report is signed (定稿, its 成文日期) only
 * once each is rewritten or confirmed as still true.
 */
import { DownloadOutlined, EditOutlined, FileSearchOutlined, HistoryOutlined } from '@ant-design/icons';
import { openFlags } from '@fazhi/common';
import { Alert, Button, Col, Drawer, Row, Select, Space, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { useApiErrorHandler } from '../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { downloadReport, useAnnualCheck, useAnnualPreview, useAnnualReport, useMetrics } from './api.ts';
import { FlagList, useConfirmFlag } from './dated-flags.tsx';
import { FindingsList, findingCounts } from './findings-list.tsx';
import { FIRST_YEAR, isoDateZh, reportYears } from './format.ts';
import { MetricDrawer } from './metric-drawer.tsx';
import { ReportView } from './report-view.tsx';
import { type DatedFlag, findingsOf, isFigure, type PreviewBlock } from './types.ts';
import { VersionsDrawer } from './versions-drawer.tsx';
import { YoyPanel } from './yoy-panel.tsx';

function figuresOf(blocks: PreviewBlock[]) {
  return blocks.flatMap((b) => b.paragraphs.flat()).filter(isFigure);
}

export default function AnnualPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const showError = useApiErrorHandler();
  const year = Number(useParams().year) || FIRST_YEAR;
  const period = String(year);
  const preview = useAnnualPreview(year);
  const metrics = useMetrics(period);
  const [metricId, setMetricId] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [history, setHistory] = useState(false);
  const check = useAnnualCheck(year, checking);
  const [busy, setBusy] = useState<'docx' | 'md'>();
  const d = preview.data;
  const report = useAnnualReport(year);
  const saved = report.data?.saved ?? false;
  const confirmFlag = useConfirmFlag(year, report.data?.version ?? 0);
  const open = d ? openFlags(d.flags) : [];

  const locate = (f: DatedFlag) => {
    const block = document.querySelector(`[data-block="${CSS.escape(f.blockId)}"]`);
    const target = block?.querySelector(`[data-dated][data-paragraph="${f.paragraph}"]`) ?? block;
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const figures = useMemo(() => (d ? figuresOf(d.blocks) : []), [d]);
  const missing = figures.filter((f) => f.status === 'missing' || f.value === null);
  const inReport = useMemo(() => new Set(figures.map((f) => f.metricId)), [figures]);
  const findings = findingsOf(check.data);
  const counts = findingCounts(findings);

  const exportAs = (format: 'docx' | 'md') => {
    setBusy(format);
    downloadReport(year, format)
      .catch((e: unknown) => showError(e))
      .finally(() => setBusy(undefined));
  };

  return (
    <Page
      title={t('reports.annual.title', { year })}
      extra={
        <Space wrap>
          {d && (
            <Tag color={d.signedOn ? 'green' : 'default'} data-testid="report-state">
              {d.signedOn
                ? t('reports.dated.signed', { date: isoDateZh(d.signedOn) })
                : t('reports.dated.draft')}
            </Tag>
          )}
          <Select
            value={year}
            style={{ width: 110 }}
            aria-label={t('reports.year')}
            options={reportYears().map((y) => ({ value: y, label: t('reports.yearLabel', { year: y }) }))}
            onChange={(y: number) => navigate(`/reports/annual/${y}`)}
          />
          <Button icon={<HistoryOutlined />} data-action="versions" onClick={() => setHistory(true)}>
            {t('reports.versions.button')}
          </Button>
          <Button icon={<FileSearchOutlined />} data-action="check" onClick={() => setChecking(true)}>
            {t('reports.annual.check')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={busy === 'md'} onClick={() => exportAs('md')}>
            {t('reports.annual.exportMd')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={busy === 'docx'}
            data-action="export-docx"
            onClick={() => exportAs('docx')}
          >
            {t('reports.annual.exportDocx')}
          </Button>
          {can('report.manage') && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/reports/annual/${year}/edit`)}>
              {t('reports.annual.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} />
      {preview.isPending && (
        <div className="fz-center" style={{ height: 300 }}>
          <Spin />
        </div>
      )}
      {d && (
        <>
          {missing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="missing-count"
              title={t('reports.annual.missing', {
                n: d.missing.length,
                occurrences: missing.length,
                total: d.figures,
              })}
              description={
                <>
                  <div style={{ marginBottom: 4 }}>{t('reports.annual.missingHint')}</div>
                  {d.missing.map((id) => (
                    <Tag key={id} color="red" style={{ cursor: 'pointer' }} onClick={() => setMetricId(id)}>
                      {id}
                    </Tag>
                  ))}
                </>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('reports.annual.complete', { total: d.figures })}
            />
          )}
          {d.flags.length > 0 && (
            <Alert
              type={open.length ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="dated-alert"
              title={
                open.length
                  ? t('reports.dated.open', { n: open.length })
                  : t('reports.dated.allConfirmed', { n: d.flags.length })
              }
              description={
                <>
                  {open.length > 0 && <div style={{ marginBottom: 4 }}>{t('reports.dated.openHint')}</div>}
                  <FlagList
                    year={year}
                    flags={d.flags}
                    blocks={report.data?.blocks ?? []}
                    onLocate={locate}
                    onRewrite={
                      can('report.manage')
                        ? (f) =>
                            navigate(`/reports/annual/${year}/edit?block=${encodeURIComponent(f.blockId)}`)
                        : undefined
                    }
                    onConfirm={can('report.manage') ? (f) => confirmFlag.run(f) : undefined}
                    confirmBlocked={() => (saved ? undefined : t('reports.dated.confirmAfterSave'))}
                  />
                </>
              }
            />
          )}
          {check.data && counts.errors > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('reports.annual.exportWarning', { n: counts.errors })}
            />
          )}
          <Row gutter={16}>
            <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
              <ReportView report={d} onFigure={setMetricId} />
            </Col>
            <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
              {/* beside the long text it stays in view while reading */}
              <div style={{ position: 'sticky', top: 16 }}>
                <YoyPanel metrics={metrics.data?.items ?? []} inReport={inReport} onFigure={setMetricId} />
              </div>
            </Col>
          </Row>
        </>
      )}
      <MetricDrawer metricId={metricId} period={period} onClose={() => setMetricId(undefined)} />
      <VersionsDrawer year={year} open={history} onClose={() => setHistory(false)} />
      <Drawer
        open={checking}
        onClose={() => setChecking(false)}
        size={760}
        title={t('reports.check.titleYear', { year })}
        extra={
          <Button size="small" loading={check.isFetching} onClick={() => check.refetch()}>
            {t('reports.check.rerun')}
          </Button>
        }
      >
        <ErrorAlert error={check.error} onRetry={() => check.refetch()} />
        {check.isPending ? (
          <div className="fz-center" style={{ height: 200 }}>
            <Spin />
          </div>
        ) : (
          <>
            {check.data && (
              <Alert
                type={counts.errors ? 'error' : findings.length ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 12 }}
                title={t('reports.check.summary', { errors: counts.errors, warnings: counts.warnings })}
              />
            )}
            <FindingsList findings={findings} />
          </>
        )}
      </Drawer>
    </Page>
  );
}
