import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { type CaseResponse, DiscussionRequest, type DiscussionResponse, Opinion } from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  type FormInstance,
  Input,
  Row,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { formatDateTime } from '../../../app/ui/format.ts';
import { HALF } from '../../../app/ui/responsive.tsx';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, useConflictHandler } from '../api.ts';
import { afterCstToday } from '../dates.ts';
import { OfficerSelect } from '../officer-select.tsx';

const shape = DiscussionRequest.shape;
const opinion = Opinion.shape;
interface Values {
  heldAt: Dayjs;
  chairId: number;
  opinions: { officerId?: number | null; name: string; opinion: string }[];
  conclusion: string;
  dissent?: string;
}

function Participants({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="opinions"
      rules={[
        {
          validator: async (_r, v: unknown[] | undefined) => {
            if (!v || v.length < 2) throw new Error(t('cases.discussion.atLeastTwo'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('cases.discussion.participant', { n: i + 1 })}
              extra={
                fields.length > 2 && (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                )
              }
            >
              <Row gutter={12}>
                <Col {...HALF}>
                  <Form.Item name={[f.name, 'officerId']} label={t('cases.discussion.officer')}>
                    <OfficerSelect
                      onChange={(_v, o) => {
                        if (o && !Array.isArray(o)) form.setFieldValue(['opinions', f.name, 'name'], o.name);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col {...HALF}>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('cases.discussion.name')}
                    rules={[required(), zodRule(opinion.name)]}
                  >
                    <Input maxLength={32} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item
                    name={[f.name, 'opinion']}
                    label={t('cases.discussion.opinion')}
                    rules={[required(), zodRule(opinion.opinion)]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      rows={2}
                      maxLength={2000}
                      placeholder={t('cases.discussion.opinionHint')}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
            {t('cases.discussion.addParticipant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

function DiscussionDrawer({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const conflict = useConflictHandler(onClose);
  return (
    <FormDialog<Values, CaseResponse>
      open={open}
      onClose={onClose}
      width={760}
      title={t('cases.discussion.recordTitle', { no: c.caseNo })}
      initialValues={{ heldAt: dayjs(), opinions: [{}, {}] as Values['opinions'] }}
      submit={(v) =>
        api.post<CaseResponse>(`/api/cases/${c.id}/discussions`, {
          heldAt: v.heldAt.toISOString(),
          chairId: v.chairId,
          opinions: v.opinions.map((o) => ({
            officerId: o.officerId ?? null,
            name: o.name,
            opinion: o.opinion,
          })),
          conclusion: v.conclusion,
          // dissent is kept exactly as said: not trimmed beyond the edges
          dissent: v.dissent?.trim() ? v.dissent : null,
        })
      }
      success={t('common.saved')}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.discussion.hint')} />}
    >
      {(form) => (
        <>
          <Row gutter={16}>
            <Col {...HALF}>
              <Form.Item name="heldAt" label={t('cases.discussion.heldAt')} rules={[required()]}>
                <DatePicker showTime style={{ width: '100%' }} disabledDate={afterCstToday} />
              </Form.Item>
            </Col>
            <Col {...HALF}>
              <Form.Item name="chairId" label={t('cases.discussion.chair')} rules={[required()]}>
                <OfficerSelect known={[{ id: me.id, name: me.name }]} />
              </Form.Item>
            </Col>
          </Row>
          <Participants form={form} />
          <Form.Item
            name="conclusion"
            label={t('cases.discussion.conclusion')}
            rules={[required(), zodRule(shape.conclusion)]}
            style={{ marginTop: 16 }}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item
            name="dissent"
            label={t('cases.discussion.dissent')}
            rules={[zodRule(shape.dissent)]}
            extra={t('cases.discussion.dissentHint')}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

function DiscussionCard({ d }: { d: DiscussionResponse }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <TeamOutlined /> {t('cases.discussion.heldOn', { at: formatDateTime(d.heldAt) })}
        </span>
      }
      extra={t('cases.discussion.chairedBy', { name: d.chairName ?? `#${d.chairId}` })}
    >
      <ResponsiveTable
        size="small"
        rowKey={(_, i) => String(i)}
        cardTitle="name"
        pagination={false}
        dataSource={d.opinions}
        columns={[
          { title: t('cases.discussion.name'), dataIndex: 'name', width: 140 },
          {
            title: t('cases.discussion.opinion'),
            dataIndex: 'opinion',
            render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
          },
        ]}
      />
      <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('cases.discussion.conclusion')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.conclusion}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.discussion.dissent')}>
          {d.dissent ? (
            <blockquote
              style={{
                margin: 0,
                padding: '4px 12px',
                borderLeft: '3px solid #fa8c16',
                background: '#fff7e6',
                whiteSpace: 'pre-wrap',
              }}
            >
              {d.dissent}
            </blockquote>
          ) : (
            <Typography.Text type="secondary">{t('cases.discussion.noDissent')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 集体讨论: a major or difficult case is discussed before it is submitted; dissent kept verbatim. */
export function DiscussionsTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  return (
    <>
      {c.major && c.discussions.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cases.submit.needsDiscussion')}
        />
      )}
      {can('case.write') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
        >
          {t('cases.discussion.record')}
        </Button>
      )}
      {c.discussions.length === 0 ? (
        <Empty description={t('cases.discussion.none')} />
      ) : (
        [...c.discussions].reverse().map((d) => <DiscussionCard key={d.id} d={d} />)
      )}
      <DiscussionDrawer c={c} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
