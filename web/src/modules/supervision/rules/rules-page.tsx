import { HistoryOutlined } from '@ant-design/icons';
import type { RuleResponse } from '@fazhi/common';
import { App, Button, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../app/auth.tsx';
import { useAction } from '../../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { findingsUrl, SUPERVISION_KEYS, useRules } from '../api.ts';
import { ruleName } from '../names.ts';
import { SeverityTag } from '../tags.tsx';
import { nextEffectiveFrom, putRule, RuleDialog } from './rule-dialog.tsx';
import { ScanControl, ScanHistory } from './scan-panel.tsx';
import { ParamsText, VersionsDrawer } from './versions-drawer.tsx';

/** 监督规则: each rule in force with its findings, its parameters and versions; and the scans. */
export default function RulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { modal } = App.useApp();
  const rules = useRules();
  const [editing, setEditing] = useState<RuleResponse | null>(null);
  const [history, setHistory] = useState<RuleResponse | null>(null);
  const manage = can('supervision.manage');
  const toggle = useAction((r: RuleResponse) => putRule(r, { enabled: !r.enabled }), {
    invalidate: SUPERVISION_KEYS,
    success: (r) =>
      t('supervision.rules.toggled', {
        state: t(r.enabled ? 'supervision.rules.enabledOn' : 'supervision.rules.enabledOff'),
      }),
  });
  const confirmToggle = (r: RuleResponse) =>
    modal.confirm({
      title: ruleName(r),
      content: t('supervision.rules.confirmToggle', {
        name: ruleName(r),
        state: t(r.enabled ? 'supervision.rules.enabledOff' : 'supervision.rules.enabledOn'),
        date: nextEffectiveFrom(r),
      }),
      onOk: () => toggle.run(r),
    });

  const table = (
    <Table<RuleResponse>
      rowKey="code"
      size="middle"
      loading={rules.isFetching}
      dataSource={rules.data?.items}
      pagination={false}
      scroll={{ x: 1290 }}
      columns={[
        {
          title: t('supervision.rules.col.name'),
          key: 'name',
          width: 250,
          fixed: 'left',
          render: (_, r) => (
            <div>
              <Typography.Text strong={r.enabled} type={r.enabled ? undefined : 'secondary'}>
                {ruleName(r)}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`supervision.scope.${r.scope}`, { defaultValue: r.scope })}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        {
          title: t('supervision.rules.col.severity'),
          dataIndex: 'severity',
          width: 80,
          render: (s: RuleResponse['severity']) => <SeverityTag severity={s} />,
        },
        {
          title: t('supervision.rules.col.open'),
          dataIndex: 'openFindings',
          width: 90,
          align: 'right',
          render: (n: number, r) => (
            <Link to={findingsUrl({ rule: r.code, status: 'open,answered' })} data-open-findings={r.code}>
              <Typography.Text type={n ? 'danger' : 'secondary'} strong={n > 0}>
                {n.toLocaleString()}
              </Typography.Text>
            </Link>
          ),
        },
        {
          title: t('supervision.rules.col.total'),
          dataIndex: 'totalFindings',
          width: 90,
          align: 'right',
          render: (n: number, r) => <Link to={findingsUrl({ rule: r.code })}>{n.toLocaleString()}</Link>,
        },
        {
          title: t('supervision.rules.col.enabled'),
          dataIndex: 'enabled',
          width: 80,
          render: (v: boolean, r) => (
            <Switch
              size="small"
              checked={v}
              disabled={!manage}
              loading={toggle.isPending && toggle.variables?.code === r.code}
              onChange={() => confirmToggle(r)}
            />
          ),
        },
        {
          title: t('supervision.rules.col.rectifyDays'),
          dataIndex: 'rectifyDays',
          width: 110,
          align: 'right',
        },
        {
          title: t('supervision.rules.col.effectiveFrom'),
          dataIndex: 'effectiveFrom',
          width: 130,
          render: (v: string, r) => (
            <div>
              {v}
              {!r.inForce && (
                <div>
                  <Tag color="blue">{t('supervision.rules.notYet')}</Tag>
                </div>
              )}
            </div>
          ),
        },
        {
          title: t('supervision.rules.params'),
          key: 'params',
          width: 300,
          render: (_, r) => <ParamsText rule={r} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 150,
          fixed: 'right',
          render: (_, r) => (
            <>
              {manage && (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  {t('supervision.rules.edit')}
                </Button>
              )}
              <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r)}>
                {t('supervision.rules.history')} {r.versions}
              </Button>
            </>
          ),
        },
      ]}
      expandable={{
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            <Typography.Text type="secondary">{t('supervision.rules.legalBasis')}：</Typography.Text>
            {r.legalBasis}
          </Typography.Paragraph>
        ),
      }}
    />
  );

  return (
    <Page title={t('supervision.rules.title')}>
      <ScanControl />
      <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} />
      <div className="fz-panel" style={{ paddingTop: 4 }}>
        <Tabs
          items={[
            {
              key: 'rules',
              label: t('supervision.rules.title'),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {t('supervision.rules.hint')}
                  </Typography.Paragraph>
                  {table}
                </>
              ),
            },
            { key: 'scans', label: t('supervision.scans.history'), children: <ScanHistory /> },
          ]}
        />
      </div>
      <RuleDialog rule={editing} onClose={() => setEditing(null)} />
      <VersionsDrawer rule={history} onClose={() => setHistory(null)} />
    </Page>
  );
}
