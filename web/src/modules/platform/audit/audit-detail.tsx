import { type AuditRecordResponse, auditActionName, auditTargetTypeName } from '@fazhi/common';
import { Col, Descriptions, Drawer, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bilingual } from '../../../app/i18n/index.ts';
import { roleName } from '../../../app/names.ts';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? EMPTY : typeof v === 'string' ? v : JSON.stringify(v));

function Json({ value }: { value: unknown }) {
  return <pre className="fz-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The summary of a change: before and after side by side, changed keys listed first. */
function Summary({ summary }: { summary: unknown }) {
  const { t } = useTranslation();
  if (!isObj(summary) || !('before' in summary || 'after' in summary))
    return <Json value={summary ?? null} />;
  const before = isObj(summary.before) ? summary.before : {};
  const after = isObj(summary.after) ? summary.after : {};
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return (
    <>
      {changed.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          style={{ marginBottom: 16 }}
          dataSource={changed.map((key) => ({ key, before: before[key], after: after[key] }))}
          columns={[
            {
              title: t('audit.field'),
              dataIndex: 'key',
              width: 160,
              render: (k: string) => <span className="fz-mono">{k}</span>,
            },
            {
              title: t('audit.before'),
              dataIndex: 'before',
              render: (v: unknown) => <Typography.Text delete>{show(v)}</Typography.Text>,
            },
            {
              title: t('audit.after'),
              dataIndex: 'after',
              render: (v: unknown) => <Typography.Text mark>{show(v)}</Typography.Text>,
            },
          ]}
        />
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
          <Json value={summary.before ?? null} />
        </Col>
        <Col span={12}>
          <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
          <Json value={summary.after ?? null} />
        </Col>
      </Row>
    </>
  );
}

export function AuditDetail({
  record,
  onClose,
}: {
  record: AuditRecordResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!record}
      onClose={onClose}
      size={720}
      title={record && t('audit.detailTitle', { id: record.id })}
    >
      {record && (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            style={{ marginBottom: 20 }}
            items={[
              { key: 'at', label: t('audit.at'), children: formatDateTime(record.at) },
              {
                key: 'outcome',
                label: t('audit.outcome'),
                children: (
                  <Tag color={record.outcome === 'success' ? 'success' : 'error'}>
                    {t(`audit.outcomes.${record.outcome}`)}
                  </Tag>
                ),
              },
              { key: 'actor', label: t('audit.actor'), children: record.actorName ?? EMPTY },
              {
                key: 'role',
                label: t('audit.actorRole'),
                children: record.actorRole ? roleName(record.actorRole) : EMPTY,
              },
              { key: 'unit', label: t('audit.unit'), children: record.unitName ?? EMPTY },
              { key: 'ip', label: t('audit.ip'), children: record.clientIp ?? EMPTY },
              {
                key: 'action',
                label: t('audit.action'),
                span: 2,
                children: actionName(record.action),
              },
              {
                key: 'target',
                label: t('audit.target'),
                children: targetText(record),
              },
              {
                key: 'sealed',
                label: t('audit.sealed'),
                children: record.sealed ? t('audit.sealedYes') : t('audit.sealedNo'),
              },
            ]}
          />
          <Typography.Title level={5}>{t('audit.summary')}</Typography.Title>
          <Summary summary={record.summary} />
        </>
      )}
    </Drawer>
  );
}

/** The action as people name it (修改人员信息), never its code. */
export const actionName = (action: string) => bilingual(auditActionName(action));

/** 人员 张三 (u500004): the kind of record and its name, or its id when the record is gone. */
export function targetText(r: AuditRecordResponse): string {
  if (!r.targetType) return EMPTY;
  const kind = bilingual(auditTargetTypeName(r.targetType));
  const name = r.targetName ?? r.targetId;
  return name === null ? kind : `${kind} ${name}`;
}
