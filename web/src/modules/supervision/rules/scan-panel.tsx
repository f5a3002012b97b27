import { SyncOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ScanListResponse, ScanMode, ScanResponse } from '@fazhi/common';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { useAction } from '../../../app/ui/action.ts';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { SUPERVISION_KEY, SUPERVISION_KEYS } from '../api.ts';
import { kindName, scanModeName, scanStatusName, scanTriggerName } from '../names.ts';

const SCANS_PATH = '/api/supervision/scans';
const scansKey = [...SUPERVISION_KEY, 'scans'] as const;
const STATUS_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;

export function useScanHistory(pageSize = 10) {
  return useQuery({
    queryKey: [...scansKey, 'list', pageSize],
    queryFn: () => api.get<ScanListResponse>(SCANS_PATH, { pageSize }),
  });
}

/**
 * Starts a scan and follows it: the server answers at once and records progress, so the page
 * polls the scan until it is done. A scan already running (another user's, the daily one) is
 * picked up from the history instead of starting a second (the server refuses that with 409).
 */
export function ScanControl() {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const history = useScanHistory();
  const [runningId, setRunningId] = useState<number | null>(null);
  const latest = history.data?.items[0];
  // a scan running when the page opens is followed as well
  useEffect(() => {
    if (latest?.status === 'running' && runningId === null) setRunningId(latest.id);
  }, [latest, runningId]);

  const scan = useQuery({
    queryKey: [...scansKey, 'one', runningId],
    queryFn: () => api.get<ScanResponse>(`${SCANS_PATH}/${runningId}`),
    enabled: runningId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 800 : false),
  });
  const current = scan.data;
  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (!current || current.status === 'running' || announced.current === current.id) return;
    announced.current = current.id;
    // everything the scan may have changed: lists, counts of the rules, the overview
    for (const queryKey of SUPERVISION_KEYS) void qc.invalidateQueries({ queryKey });
    if (current.status === 'done') message.success(t('supervision.scans.done', current.counts));
    else message.error(t('supervision.scans.failed', { error: current.error ?? '' }));
  }, [current, qc, message, t]);

  const start = useAction((mode: ScanMode) => api.post<ScanResponse>(SCANS_PATH, { mode }), {
    success: t('supervision.scans.started'),
    invalidate: [scansKey],
    onSuccess: (s) => setRunningId(s.id),
    onError: (e) => {
      if (!(e instanceof ApiError && e.status === 409)) return false;
      message.info(e.message);
      void history.refetch();
      return true;
    },
  });
  const running = current?.status === 'running' || start.isPending;

  return (
    <div className="fz-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('supervision.scans.title')}</Typography.Text>
        {can('supervision.manage') && (
          <>
            <Button
              type="primary"
              icon={<SyncOutlined />}
              loading={running && start.variables !== 'full'}
              disabled={running}
              data-scan="incremental"
              onClick={() => start.mutate('incremental')}
            >
              {t('supervision.scans.incremental')}
            </Button>
            <Button
              icon={<ThunderboltOutlined />}
              loading={running && start.variables === 'full'}
              disabled={running}
              data-scan="full"
              onClick={() => start.mutate('full')}
            >
              {t('supervision.scans.full')}
            </Button>
          </>
        )}
        {latest && latest.status !== 'running' && !current && (
          <Typography.Text type="secondary">
            {t('supervision.scans.last', {
              at: formatDateTime(latest.finishedAt ?? latest.startedAt),
              mode: scanModeName(latest.mode),
            })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: current ? 8 : 0 }}>
        {t('supervision.scans.hint')}
      </Typography.Paragraph>
      {current && (
        <div data-scan-status={current.status}>
          <Progress
            percent={Math.round(current.progress * 100)}
            status={
              current.status === 'running' ? 'active' : current.status === 'failed' ? 'exception' : 'success'
            }
          />
          {current.status === 'running' && (
            <Typography.Text type="secondary">{t('supervision.scans.running')}</Typography.Text>
          )}
          {current.status === 'done' && (
            <Alert type="success" showIcon title={t('supervision.scans.done', current.counts)} />
          )}
          {current.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('supervision.scans.failed', { error: current.error ?? '' })}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** 巡查记录: the latest scans with what each found. */
export function ScanHistory() {
  const { t } = useTranslation();
  const history = useScanHistory(30);
  const n = (key: keyof ScanResponse['counts']) => ({
    title: t(`supervision.scans.col.${key}`),
    key,
    width: 90,
    align: 'right' as const,
    render: (_: unknown, s: ScanResponse) => (s.counts[key] as number)?.toLocaleString() ?? EMPTY,
  });
  return (
    <Table<ScanResponse>
      rowKey="id"
      size="small"
      loading={history.isFetching}
      dataSource={history.data?.items}
      pagination={false}
      scroll={{ x: 1100 }}
      columns={[
        {
          title: t('supervision.scans.col.startedAt'),
          dataIndex: 'startedAt',
          width: 165,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('supervision.scans.col.finishedAt'),
          dataIndex: 'finishedAt',
          width: 165,
          render: (v: string | null) => formatDateTime(v),
        },
        {
          title: t('supervision.scans.col.trigger'),
          key: 'trigger',
          width: 140,
          render: (_, s) => `${scanTriggerName(s.trigger)}${s.startedByName ? ` · ${s.startedByName}` : ''}`,
        },
        {
          title: t('supervision.scans.col.mode'),
          dataIndex: 'mode',
          width: 100,
          render: (m: ScanMode) => scanModeName(m),
        },
        {
          title: t('supervision.scans.col.status'),
          dataIndex: 'status',
          width: 90,
          render: (s: ScanResponse['status']) => <Tag color={STATUS_COLOR[s]}>{scanStatusName(s)}</Tag>,
        },
        n('examined'),
        n('raised'),
        n('reopened'),
        n('stillOpen'),
        n('resolved'),
        {
          title: t('supervision.scans.col.since'),
          dataIndex: 'since',
          width: 165,
          render: (v: string | null) => formatDateTime(v),
        },
      ]}
      expandable={{
        rowExpandable: (s) => Object.keys(s.counts.byRule).length > 0 || !!s.error,
        expandedRowRender: (s) => (
          <>
            {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 8 }} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.scans.byRuleHint')}
            </Typography.Text>
            <Space size={[16, 4]} wrap style={{ display: 'flex' }}>
              {Object.entries(s.counts.byRule).map(([code, c]) => (
                <Typography.Text key={code}>
                  <Typography.Text type="secondary">{kindName(code)}</Typography.Text> +{c.raised} / −
                  {c.resolved} / {c.open}
                </Typography.Text>
              ))}
            </Space>
          </>
        ),
      }}
    />
  );
}
