import { ArrowLeftOutlined, CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type RoundDetailResponse,
  SAMPLE_STATUSES,
  type SampleResponse,
  type SampleStatus,
} from '@fazhi/common';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tooltip,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { Chart } from '../../app/ui/chart.tsx';
import { EMPTY, formatDate, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useEvaluationAction, useRound } from './api.ts';
import { unitBarOption } from './charts.ts';
import { periodName, RoundStatusTag, SampleStatusTag, ScoreText } from './tags.tsx';

/** Per unit of this round: average of the scored samples, for the comparison chart. */
function unitAverages(samples: SampleResponse[]) {
  const by = new Map<number, { unitId: number; unitName: string; sum: number; n: number; vetoes: number }>();
  for (const s of samples) {
    if (s.score === null) continue;
    const u = by.get(s.unitId) ?? { unitId: s.unitId, unitName: s.unitName, sum: 0, n: 0, vetoes: 0 };
    u.sum += s.score;
    u.n += 1;
    if (s.vetoed) u.vetoes += 1;
    by.set(s.unitId, u);
  }
  return [...by.values()].map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    average: Math.round((u.sum / u.n) * 10) / 10,
    vetoes: u.vetoes,
  }));
}

/** Publish, or the same button disabled with the server's reasons why not yet. */
function PublishButton({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const publish = useEvaluationAction(() => api.post(`/api/evaluation/rounds/${round.id}/publish`), {
    success: t('evaluation.detail.published'),
  });
  const reason = (b: string) =>
    b === 'unscored'
      ? t('evaluation.detail.cannotPublishUnscored', { n: round.pending })
      : b === 'disputes_open'
        ? t('evaluation.detail.cannotPublishDisputes', { n: round.disputed })
        : b === 'published'
          ? t('evaluation.detail.cannotPublishDone')
          : t('evaluation.detail.cannotPublishEmpty');
  const allowed = round.actions.includes('publish');
  const button = (
    <Button
      type="primary"
      icon={<CheckCircleOutlined />}
      disabled={!allowed}
      loading={publish.isPending}
      data-action="publish"
    >
      {t('evaluation.detail.publish')}
    </Button>
  );
  if (!allowed)
    return (
      <Tooltip title={round.publishBlockers.map(reason).join('；')}>
        {/* a disabled button swallows the hover; the span carries the tooltip */}
        <span>{button}</span>
      </Tooltip>
    );
  return (
    <Popconfirm
      title={t('evaluation.detail.publish')}
      description={t('evaluation.detail.publishConfirm')}
      onConfirm={() => publish.run(undefined)}
    >
      {button}
    </Popconfirm>
  );
}

export default function RoundPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const q = useRound(id);
  const r = q.data;
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const status = (params.get('status') ?? undefined) as SampleStatus | undefined;

  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const units = useMemo(() => {
    const m = new Map<number, string>();
    for (const s of r?.samples ?? []) m.set(s.unitId, s.unitName);
    return [...m]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  }, [r?.samples]);
  const rows = useMemo(
    () =>
      (r?.samples ?? []).filter((s) => (!unitId || s.unitId === unitId) && (!status || s.status === status)),
    [r?.samples, unitId, status],
  );
  const chart = useMemo(
    () => (r ? unitBarOption(unitAverages(r.samples), r.rubric.excellentScore, t) : null),
    [r, t],
  );

  if (q.isPending && !r)
    return (
      <div className="fz-center">
        <Spin />
      </div>
    );
  if (isApiError(q.error) && q.error.status === 404)
    return (
      <Result
        status="404"
        title={t('evaluation.detail.notFound')}
        extra={<Button onClick={() => navigate('/evaluation')}>{t('evaluation.detail.back')}</Button>}
      />
    );
  if (!r) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;

  const scored = r.samples.length - r.samples.filter((s) => s.status === 'pending').length;
  const disputed = r.samples.filter((s) => s.status === 'disputed').length;

  return (
    <Page
      title={t('evaluation.detail.title', { period: periodName(r.year, r.quarter) })}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/evaluation')}>
            {t('evaluation.detail.back')}
          </Button>
          <Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => q.refetch()}>
            {t('common.refresh')}
          </Button>
          {can('evaluation.manage') && <PublishButton round={r} />}
        </>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ height: '100%' }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('common.status')}>
                <Space>
                  <RoundStatusTag status={r.status} />
                  {r.publishedAt && t('evaluation.detail.publishedAt', { at: formatDateTime(r.publishedAt) })}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluation.detail.rubric')}>
                {r.rubric.name} · {formatDate(r.rubric.effectiveFrom)}
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluation.rounds.field.perUnit')}>{r.perUnit}</Descriptions.Item>
              <Descriptions.Item label={t('evaluation.detail.progress')}>
                <Progress
                  style={{ width: 220, margin: 0 }}
                  size="small"
                  percent={r.samples.length ? Math.round((scored / r.samples.length) * 100) : 0}
                  format={() => t('evaluation.detail.scored', { scored, total: r.samples.length })}
                />
              </Descriptions.Item>
            </Descriptions>
            <Row gutter={12} style={{ marginTop: 8 }}>
              <Col span={8}>
                <Statistic title={t('evaluation.detail.samples')} value={r.samples.length} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('evaluation.detail.disputesOpen')}
                  value={disputed}
                  styles={{ content: disputed ? { color: '#d46b08' } : undefined }}
                />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('evaluation.detail.average')}
                  value={r.average === null ? EMPTY : r.average.toFixed(1)}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('evaluation.detail.byUnit')} style={{ height: '100%' }}>
            {chart && (
              <Chart
                option={chart}
                height={Math.max(200, Math.min(units.length, 40) * 18 + 40)}
                label={t('evaluation.detail.byUnit')}
                onClick={(e) => setFilter('unitId', (e.data as { unitId?: number }).unitId)}
              />
            )}
          </Card>
        </Col>
      </Row>
      <div className="fz-filter-bar">
        <Space wrap>
          <span>{t('evaluation.detail.filter.unit')}</span>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            style={{ width: 220 }}
            value={unitId}
            options={units}
            onChange={(v?: number) => setFilter('unitId', v)}
          />
          <span>{t('evaluation.detail.filter.status')}</span>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            value={status}
            options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`evaluation.sample.status.${s}`) }))}
            onChange={(v?: string) => setFilter('status', v)}
          />
        </Space>
      </div>
      <div className="fz-panel" style={{ padding: 0 }}>
        <Table<SampleResponse>
          rowKey="id"
          size="middle"
          dataSource={rows}
          loading={q.isFetching}
          scroll={{ x: 1100 }}
          pagination={{
            pageSize: 50,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              title: t('evaluation.detail.col.caseNo'),
              dataIndex: 'caseNo',
              width: 200,
              fixed: 'left',
              render: (v: string, s) => (can('case.read') ? <Link to={`/cases/${s.caseId}`}>{v}</Link> : v),
            },
            { title: t('evaluation.detail.col.caseTitle'), dataIndex: 'caseTitle', ellipsis: true },
            { title: t('evaluation.detail.col.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
            { title: t('evaluation.detail.col.officer'), dataIndex: 'officerName', width: 100 },
            {
              title: t('evaluation.detail.col.evaluator'),
              dataIndex: 'evaluatorName',
              width: 100,
              render: (v: string | null) => v ?? EMPTY,
            },
            {
              title: t('evaluation.detail.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (v: SampleStatus) => <SampleStatusTag status={v} />,
            },
            {
              title: t('evaluation.detail.col.score'),
              dataIndex: 'score',
              width: 130,
              align: 'right',
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (v: number | null, s) => (
                <ScoreText score={v} vetoed={s.vetoed} excellentScore={r.rubric.excellentScore} />
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, s) => (
                <Link to={`/evaluation/samples/${s.id}`}>
                  {r.status === 'scoring' && s.status === 'pending' && can('evaluation.manage')
                    ? t('evaluation.detail.score')
                    : t('evaluation.detail.view')}
                </Link>
              ),
            },
          ]}
        />
      </div>
    </Page>
  );
}
