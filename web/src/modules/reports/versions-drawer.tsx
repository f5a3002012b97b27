/**
 * 版本记录: every saved version of the year's report (who saved it, when). A version opens
 * read-only, rendered with today's figures, and compared with the current text. The legal
 * detachment may restore one: its text is saved as a new version after a confirmation, so no
 * version is ever lost; a save by someone else in the meantime is refused (409) and the list
 * reloads.
 */
import { EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  List,
  Popconfirm,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useAction } from '../../app/ui/action.ts';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import {
  REPORTS_KEY,
  useAnnualReport,
  useAnnualVersion,
  useVersionCompare,
  useVersionPreview,
} from './api.ts';
import { ReportView } from './report-view.tsx';
import type { AnnualReport } from './types.ts';
import { VersionCompare } from './version-compare.tsx';

function useRestore(year: number, current: number, done: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useAction(
    (from: number) =>
      api
        .post<AnnualReport>(`/api/reports/annual/${year}/versions/${from}/restore`, { version: current })
        .then((r) => ({ r, from })),
    {
      success: ({ r, from }) => t('reports.versions.restored', { from, version: r.version }),
      invalidate: [REPORTS_KEY],
      onSuccess: done,
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 409)) return false;
        message.warning(t('reports.versions.conflict'));
        void qc.invalidateQueries({ queryKey: REPORTS_KEY });
        return true;
      },
    },
  );
}

function RestoreButton({
  version,
  current,
  loading,
  onRestore,
  size,
}: {
  version: number;
  current: number;
  loading: boolean;
  onRestore: (v: number) => Promise<void>;
  size?: 'small';
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('reports.versions.restoreConfirm', { n: version })}
      description={
        <div style={{ maxWidth: 300 }}>{t('reports.versions.restoreHint', { next: current + 1 })}</div>
      }
      onConfirm={() => onRestore(version)}
    >
      <Button size={size} icon={<RollbackOutlined />} loading={loading} data-action="restore-version">
        {t('reports.versions.restore')}
      </Button>
    </Popconfirm>
  );
}

function VersionViewer({
  year,
  version,
  open,
  current,
  canRestore,
  restoring,
  onRestore,
  onClose,
}: {
  year: number;
  version: number | undefined;
  open: boolean;
  current: number;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (v: number) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('content');
  const text = useAnnualVersion(year, version);
  const preview = useVersionPreview(year, version);
  const compare = useVersionCompare(year, version, tab === 'compare');
  const v = text.data;
  const spin = (
    <div className="fz-center" style={{ height: 200 }}>
      <Spin />
    </div>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={920}
      title={version !== undefined ? t('reports.versions.viewTitle', { n: version }) : ''}
      extra={
        canRestore &&
        version !== undefined &&
        version !== current && (
          <RestoreButton version={version} current={current} loading={restoring} onRestore={onRestore} />
        )
      }
    >
      <ErrorAlert error={text.error} onRetry={() => text.refetch()} />
      {v && (
        <Typography.Paragraph type="secondary">
          {t('reports.versions.savedBy', {
            name: v.actorName ?? t('reports.versions.unknownActor'),
            at: formatDateTime(v.at),
          })}
          {v.version === v.currentVersion && (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              {t('reports.versions.current')}
            </Tag>
          )}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: t('reports.versions.tabContent'),
            children: (
              <>
                <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} />
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('reports.versions.contentHint')}
                />
                {preview.data ? <ReportView report={preview.data} /> : preview.isPending && spin}
              </>
            ),
          },
          {
            key: 'compare',
            label: t('reports.versions.tabCompare'),
            children: (
              <>
                <ErrorAlert error={compare.error} onRetry={() => compare.refetch()} />
                {compare.data ? <VersionCompare diff={compare.data} /> : compare.isPending && spin}
              </>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

/** The list of saved versions, and the viewer of one of them. */
export function VersionsDrawer({
  year,
  open,
  onClose,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const report = useAnnualReport(year);
  // The version stays set while the viewer closes, so its content does not vanish mid-animation.
  const [viewing, setViewing] = useState<number>();
  const [viewerOpen, setViewerOpen] = useState(false);
  const view = (v: number) => {
    setViewing(v);
    setViewerOpen(true);
  };
  const current = report.data?.version ?? 0;
  const restore = useRestore(year, current, () => setViewerOpen(false));
  const canRestore = can('report.manage');
  const versions = [...(report.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t('reports.versions.title', { year })}
      data-testid="versions-drawer"
    >
      <ErrorAlert error={report.error} onRetry={() => report.refetch()} />
      {report.isPending ? (
        <div className="fz-center" style={{ height: 200 }}>
          <Spin />
        </div>
      ) : versions.length === 0 ? (
        <Empty description={t('reports.versions.empty')} />
      ) : (
        <List
          dataSource={versions}
          renderItem={(v) => (
            <List.Item
              data-version={v.version}
              actions={[
                <Button
                  key="view"
                  size="small"
                  icon={<EyeOutlined />}
                  data-action="view-version"
                  onClick={() => view(v.version)}
                >
                  {t('reports.versions.view')}
                </Button>,
                ...(canRestore && v.version !== current
                  ? [
                      <RestoreButton
                        key="restore"
                        size="small"
                        version={v.version}
                        current={current}
                        loading={restore.isPending && restore.variables === v.version}
                        onRestore={restore.run}
                      />,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={8}>
                    {t('reports.versions.versionN', { n: v.version })}
                    {v.version === current && <Tag color="blue">{t('reports.versions.current')}</Tag>}
                  </Space>
                }
                description={t('reports.versions.by', {
                  name: v.actorName ?? t('reports.versions.unknownActor'),
                  at: formatDateTime(v.at),
                })}
              />
            </List.Item>
          )}
        />
      )}
      <VersionViewer
        year={year}
        version={viewing}
        open={viewerOpen}
        current={current}
        canRestore={canRestore}
        restoring={restore.isPending}
        onRestore={restore.run}
        onClose={() => setViewerOpen(false)}
      />
    </Drawer>
  );
}
