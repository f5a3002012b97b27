import { EditOutlined } from '@ant-design/icons';
import {
  auditActionName,
  CAMPAIGN_TAGS,
  type CaseResponse,
  CaseUpdateRequest,
  type OfficerResponse,
} from '@fazhi/common';
import { useQueries } from '@tanstack/react-query';
import {
  Button,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { ROUTES } from '../../../app/modules.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, useConflictHandler } from '../api.ts';
import { isInHandling, isTerminal } from '../case-tags.tsx';
import { Clock } from '../clock.tsx';
import { caseTypeName, ruleName } from '../names.ts';
import { OfficerSelect } from '../officer-select.tsx';

const shape = CaseUpdateRequest.shape;
type Values = Omit<CaseUpdateRequest, 'version'>;

/** Co-officers come as ids; their names are looked up (officer.read is every case role's). */
function useOfficerNames(ids: number[]) {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['officers', 'one', id],
      queryFn: () => api.get<OfficerResponse>(`/api/officers/${id}`),
      staleTime: 10 * 60_000,
    })),
  });
  return ids.map((id, i) => ({ id, name: results[i]?.data?.name ?? `#${id}` }));
}

function EditDrawer({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const known = useOfficerNames(c.coOfficerIds);
  return (
    <FormDialog<Values, CaseResponse>
      open={open}
      onClose={onClose}
      width={640}
      title={t('cases.edit.title', { no: c.caseNo })}
      initialValues={{
        title: c.title,
        summary: c.summary,
        major: c.major,
        inCentre: c.inCentre,
        complex: c.complex,
        coOfficerIds: c.coOfficerIds,
        tags: c.tags,
      }}
      submit={(v) => api.patch<CaseResponse>(`/api/cases/${c.id}`, { ...v, version: c.version })}
      success={t('common.saved')}
      invalidate={[CASES_KEY]}
      onError={conflict}
    >
      <Form.Item name="title" label={t('cases.field.title')} rules={[required(), zodRule(shape.title)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('cases.field.summary')} rules={[zodRule(shape.summary)]}>
        <Input.TextArea rows={6} maxLength={8000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="major" label={t('cases.flags.major')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="complex" label={t('cases.flags.complex')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="inCentre" label={t('cases.flags.inCentre')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="coOfficerIds" label={t('cases.field.coOfficers')}>
        <OfficerSelect multiple known={known} />
      </Form.Item>
      <Form.Item name="tags" label={t('cases.field.tags')}>
        <Select mode="tags" options={CAMPAIGN_TAGS.map((v) => ({ value: v, label: v }))} />
      </Form.Item>
    </FormDialog>
  );
}

/** The audit trail's action codes (case.accept …) read as the names common/ gives them. */
function useHistoryLabel() {
  return (action: string) => bilingual(auditActionName(action));
}

/** 基本情况: the case's facts, flags, clock and period, and its trail of handling steps. */
export function OverviewTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const coOfficers = useOfficerNames(c.coOfficerIds);
  const label = useHistoryLabel();
  const incidentPage = ROUTES.some((r) => r.path === '/incidents/:id');
  const terminal = isTerminal(c.status);
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        title={t('cases.tab.overview')}
        extra={
          can('case.write') &&
          isInHandling(c.status) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions.Item label={t('cases.field.caseNo')}>
          <span className="fz-mono">{c.caseNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.caseType')}>{caseTypeName(c.caseType)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.title')} span={2}>
          {c.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.incident')}>
          {c.incidentId && c.incidentNo ? (
            incidentPage ? (
              <Link to={`/incidents/${c.incidentId}`}>{c.incidentNo}</Link>
            ) : (
              c.incidentNo
            )
          ) : (
            <Typography.Text type="secondary">{t('cases.detail.walkIn')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.receivedAt')}>
          {formatDateTime(c.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.unit')}>{c.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.leadOfficer')}>{c.leadOfficerName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.coOfficers')} span={2}>
          {coOfficers.length ? coOfficers.map((o) => o.name).join('、') : EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.flags.major')}>
          {c.major ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.flags.inCentre')}>
          {c.inCentre ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.flags.complex')}>
          {c.complex ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.tags')}>
          {c.tags.length ? c.tags.map((x) => <Tag key={x}>{x}</Tag>) : EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.clock')}>
          {c.clock.due ? (
            <Space orientation="vertical" size={0}>
              <span>{ruleName(c.clock.rule)}</span>
              <Clock clock={c.clock} stopped={terminal} inline />
            </Space>
          ) : (
            EMPTY
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.field.acceptedAt')}>
          {formatDateTime(c.acceptedAt)}
        </Descriptions.Item>
        {c.caseType === 'admin' && (
          <Descriptions.Item label={t('cases.field.period')} span={2}>
            {t('cases.detail.periodText', { ext: c.periodExtendedDays, appraisal: c.appraisalDays })}
          </Descriptions.Item>
        )}
        {c.closedAt && (
          <Descriptions.Item label={t('cases.field.closedAt')}>
            {formatDateTime(c.closedAt)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cases.field.summary')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {c.summary || EMPTY}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('cases.detail.history')}
      </Typography.Title>
      {c.history.length === 0 ? (
        <Typography.Text type="secondary">{EMPTY}</Typography.Text>
      ) : (
        <Timeline
          items={[...c.history].reverse().map((h, i) => ({
            key: `${h.at}-${i}`,
            content: (
              <div>
                <Space size={8} wrap>
                  <Typography.Text strong>{label(h.action)}</Typography.Text>
                  <Typography.Text type="secondary">{h.actorName ?? EMPTY}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                </Space>
                {h.note && <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{h.note}</div>}
              </div>
            ),
          }))}
        />
      )}
      <EditDrawer c={c} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
