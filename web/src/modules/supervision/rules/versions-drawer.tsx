import {
  RULE_PARAM_FIELDS,
  type RuleListResponse,
  type RuleParamField,
  type RuleResponse,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { bilingual } from '../../../app/i18n/index.ts';
import { formatDateTime, todayCst } from '../../../app/ui/format.ts';
import { ErrorAlert } from '../../../app/ui/page.tsx';
import { SUPERVISION_KEY } from '../api.ts';
import { paramOptionName, ruleName } from '../names.ts';
import { SeverityTag } from '../tags.tsx';

/** A parameter's value as a reader says it: yes/no, option names, numbers. */
function paramText(p: RuleParamField, v: unknown, yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((o) => paramOptionName(p.name, String(o))).join('、') || '—';
  if (typeof v === 'string') return paramOptionName(p.name, v);
  return v === undefined || v === null ? '—' : String(v);
}

export function ParamsText({ rule }: { rule: RuleResponse }) {
  const { t } = useTranslation();
  const fields = RULE_PARAM_FIELDS[rule.kind] ?? [];
  return (
    <div>
      {fields.map((p) => (
        <div key={p.name} style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">{bilingual(p.label)}：</Typography.Text>
          {paramText(p, rule.params[p.name], t('common.yes'), t('common.no'))}
        </div>
      ))}
    </div>
  );
}

/** 版本记录: every version of a rule code, newest first, the one in force marked. */
export function VersionsDrawer({ rule, onClose }: { rule: RuleResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: [...SUPERVISION_KEY, 'rules', 'versions', rule?.code],
    queryFn: () =>
      api.get<RuleListResponse>(`/api/supervision/rules/${encodeURIComponent(rule!.code)}/versions`),
    enabled: !!rule,
  });
  return (
    <Drawer
      open={!!rule}
      onClose={onClose}
      size={860}
      title={rule ? t('supervision.rules.historyTitle', { name: ruleName(rule) }) : ''}
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Table<RuleResponse>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        pagination={false}
        columns={[
          {
            title: t('supervision.rules.col.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            width: 150,
            render: (v: string, r) => (
              <div>
                {v}{' '}
                {r.inForce ? (
                  <Tag color="green">{t('supervision.rules.inForce')}</Tag>
                ) : v > todayCst() ? (
                  <Tag color="blue">{t('supervision.rules.notYet')}</Tag>
                ) : null}
              </div>
            ),
          },
          {
            title: t('supervision.rules.col.enabled'),
            dataIndex: 'enabled',
            width: 70,
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          {
            title: t('supervision.rules.col.severity'),
            dataIndex: 'severity',
            width: 80,
            render: (s: RuleResponse['severity']) => <SeverityTag severity={s} />,
          },
          { title: t('supervision.rules.col.rectifyDays'), dataIndex: 'rectifyDays', width: 90 },
          {
            title: t('supervision.rules.params'),
            key: 'params',
            render: (_, r) => <ParamsText rule={r} />,
          },
          {
            title: t('supervision.rules.updatedAt'),
            dataIndex: 'updatedAt',
            width: 160,
            render: (v: string) => formatDateTime(v),
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
    </Drawer>
  );
}
