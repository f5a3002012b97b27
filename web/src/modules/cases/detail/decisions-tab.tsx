import { FileWordOutlined } from '@ant-design/icons';
import {
  type CaseResponse,
  DecisionChangeRequest,
  type DecisionResponse,
  REVOKE_GROUND_NAMES,
  TIER_NAMES,
  WITHDRAWING_DECISION_STATUSES,
  type WithdrawingDecisionStatus,
} from '@fazhi/common';
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { useAction } from '../../../app/ui/action.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, useConflictHandler } from '../api.ts';
import { decisionName } from '../names.ts';
import { measuresText, useOffencePenaltyText, usePenaltyText } from './proposal-view.tsx';

const STATUS_COLOR = {
  effective: 'success',
  changed: 'warning',
  revoked: 'error',
  confirmed_unlawful: 'error',
  confirmed_void: 'error',
} as const;
const shape = DecisionChangeRequest.shape;
type ChangeValues = { status: WithdrawingDecisionStatus; reason: string };

/** 变更 / 撤销 an issued decision (legal detachment); its publication is withdrawn within 3 days. */
function ChangeDialog({ d, onClose }: { d: DecisionResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  return (
    <FormDialog<ChangeValues, DecisionResponse>
      kind="modal"
      open={!!d}
      onClose={onClose}
      title={t('cases.decisionTab.changeTitle', { no: d?.docNo ?? '' })}
      initialValues={{ status: 'changed' }}
      submit={(v) => api.post<DecisionResponse>(`/api/decisions/${d!.id}/change`, v)}
      success={t('common.saved')}
      invalidate={[CASES_KEY, ['publicity']]}
      onError={conflict}
      header={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.decisionTab.changeHint')}
        />
      }
    >
      <Form.Item name="status" label={t('cases.decisionTab.changeTo')} rules={[required()]}>
        <Radio.Group
          options={WITHDRAWING_DECISION_STATUSES.map((s) => ({
            value: s,
            label: t(`cases.decisionTab.status.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('cases.act.reason')} rules={[required(), zodRule(shape.reason)]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** 决定与文书: the numbered decisions and their documents (.docx in the official layout). */
export function DecisionsTab({ c }: { c: CaseResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  const can = useCan();
  const penalty = usePenaltyText();
  const offencePenalty = useOffencePenaltyText();
  const [changing, setChanging] = useState<DecisionResponse | null>(null);
  const download = useAction((d: DecisionResponse) =>
    api.download(`/api/decisions/${d.id}/document`, undefined, `${d.docNo}.docx`),
  );
  const partyName = (id: number | null) => c.parties.find((p) => p.id === id)?.name ?? EMPTY;
  const offence = (code: string) => c.offences.find((o) => o.code === code);

  return (
    <>
      <ResponsiveTable<DecisionResponse>
        rowKey="id"
        cardTitle="docNo"
        cardExtra="status"
        size="small"
        dataSource={c.decisions}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('cases.decisionTab.none') }}
        expandable={{
          expandedRowRender: (d) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('cases.proposal.offences')}>
                <Space size={[4, 4]} wrap>
                  {d.penaltyItemCodes.map((code) => {
                    const o = offence(code);
                    // the article of the version applied, where the decision recorded it
                    const article = d.lawBasis?.find((a) => a.offence === o?.name)?.article ?? o?.article;
                    const own = d.offencePenalties?.find((x) => x.code === code);
                    return (
                      <Tag key={code}>
                        {o ? `${o.name}（${o.law}${article}）` : code}
                        {own ? `：${offencePenalty(own)}` : ''}
                      </Tag>
                    );
                  })}
                  {d.penaltyItemCodes.length === 0 && EMPTY}
                </Space>
              </Descriptions.Item>
              {d.lawBasis && d.lawBasis.length > 0 && (
                <Descriptions.Item label={t('cases.decisionTab.lawApplied')}>
                  <Space direction="vertical" size={2}>
                    {d.lawBasis.map((a) => (
                      <span key={a.offence}>
                        {t('cases.decisionTab.lawAppliedLine', {
                          offence: a.offence,
                          law: a.law,
                          from: a.version.split('@')[1] ?? '',
                          article: a.article,
                        })}
                        {a.tier && (
                          <Tag style={{ marginInlineStart: 8 }}>{bilingual(TIER_NAMES[a.tier])}</Tag>
                        )}
                        <Tag>{t(`cases.discretion.reason.${a.reason}`)}</Tag>
                        {a.unconfirmed && <Tag color="orange">{t('cases.discretion.unconfirmed')}</Tag>}
                      </span>
                    ))}
                    {d.actDate && (
                      <Typography.Text type="secondary">
                        {t('cases.decisionTab.actDate', { date: d.actDate })}
                      </Typography.Text>
                    )}
                    {(d.lawNotices ?? []).map((n) => (
                      <Typography.Text key={n.rule + n.message} type="warning">
                        {n.message}
                        {n.basis ? `（${n.basis}）` : ''}
                      </Typography.Text>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              {d.measures?.length ? (
                <Descriptions.Item label={t('cases.proposal.measures')}>
                  {measuresText(d.measures, c.parties, lang)}
                </Descriptions.Item>
              ) : null}
              {d.revokeGround ? (
                <Descriptions.Item label={t('cases.proposal.revokeGround')}>
                  {REVOKE_GROUND_NAMES[d.revokeGround][lang]}
                </Descriptions.Item>
              ) : null}
              {d.guiltyPlea ? (
                <Descriptions.Item label={t('cases.proposal.guiltyPlea')}>{d.guiltyPlea}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('cases.proposal.facts')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{d.facts || EMPTY}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.proposal.reasoning')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{d.reasoning || EMPTY}</span>
              </Descriptions.Item>
              {d.statusChangedAt && (
                <Descriptions.Item label={t('cases.decisionTab.changedAt')}>
                  {formatDateTime(d.statusChangedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: t('cases.decisionTab.docNo'),
            dataIndex: 'docNo',
            width: 280,
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            title: t('cases.decisionTab.kind'),
            key: 'kind',
            width: 200,
            render: (_: unknown, d) => (d.kind === 'not_filed' ? decisionName(d.kind) : penalty(d)),
          },
          {
            title: t('cases.proposal.party'),
            dataIndex: 'partyId',
            width: 120,
            render: (v: number | null) => partyName(v),
          },
          {
            title: t('cases.decisionTab.decidedAt'),
            dataIndex: 'decidedAt',
            width: 165,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: DecisionResponse['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`cases.decisionTab.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('cases.decisionTab.publicity'),
            dataIndex: 'publicationId',
            width: 140,
            render: (v: number | null) =>
              v ? <Tag color="blue">{t('cases.decisionTab.publicityOpened')}</Tag> : EMPTY,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_: unknown, d) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<FileWordOutlined />}
                  loading={download.isPending && download.variables?.id === d.id}
                  onClick={() => download.mutate(d)}
                >
                  {t('cases.decisionTab.document')}
                </Button>
                {can('case.legal') && d.status === 'effective' && d.kind !== 'not_filed' && (
                  <Button type="link" size="small" danger onClick={() => setChanging(d)}>
                    {t('cases.decisionTab.change')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ChangeDialog d={changing} onClose={() => setChanging(null)} />
    </>
  );
}
