import { EyeInvisibleOutlined } from '@ant-design/icons';
import type { IncidentResponse } from '@fazhi/common';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Form, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useAction } from '../../app/ui/action.ts';
import { EMPTY, formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import { TWO_COLUMNS } from '../../app/ui/responsive.tsx';
import { INCIDENTS_KEY, incidentKey, useIncident } from './api.ts';
import { cstIso, cstPickerValue } from './cst-time.ts';
import { DisposalTag, OfficersSelect, TagsSelect } from './fields.tsx';
import { cameraChoice, cameraValue, DisposalFields } from './incident-create-drawer.tsx';
import { categoryLabel, sourceName } from './names.ts';
import { OpenCaseDialog } from './open-case-dialog.tsx';

interface DisposalValues {
  disposal: string;
  disposedAt: Dayjs | null;
  disposalNote?: string | null;
  camera: 'yes' | 'no' | 'unknown';
  cameraEvidenceRef?: string | null;
  tags: string[];
  officerIds: number[];
}

const toForm = (i: IncidentResponse): DisposalValues => ({
  disposal: i.disposal,
  disposedAt: cstPickerValue(i.disposedAt),
  disposalNote: i.disposalNote,
  camera: cameraChoice(i.cameraRecorded),
  cameraEvidenceRef: i.cameraEvidenceRef,
  tags: i.tags,
  officerIds: i.officers.map((o) => o.id),
});

/** Records the disposal, camera and tags later, against the version the user saw. */
function DisposalForm({
  incident,
  conflict,
  setConflict,
}: {
  incident: IncidentResponse;
  conflict: boolean;
  setConflict: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<DisposalValues>();
  const f = (k: string) => t(`incidents.field.${k}`);
  const save = useAction(
    (v: DisposalValues) =>
      api.patch<IncidentResponse>(`/api/incidents/${incident.id}`, {
        version: incident.version,
        disposal: v.disposal,
        disposedAt: v.disposal !== 'pending' && v.disposedAt ? cstIso(v.disposedAt) : null,
        disposalNote: v.disposalNote?.trim() || null,
        cameraRecorded: cameraValue(v.camera),
        cameraEvidenceRef: v.cameraEvidenceRef?.trim() || null,
        tags: v.tags ?? [],
        officerIds: v.officerIds ?? [],
      }),
    {
      form,
      success: t('incidents.disposalSaved'),
      invalidate: [[...INCIDENTS_KEY]],
      onSuccess: (saved) => {
        setConflict(false);
        qc.setQueryData(incidentKey(incident.id), saved);
      },
      onError: (e) => {
        if (!isApiError(e, 'CONFLICT')) return false;
        // someone saved in between: load theirs (the form restarts from the new version)
        setConflict(true);
        void qc.invalidateQueries({ queryKey: incidentKey(incident.id) });
        return true;
      },
    },
  );
  return (
    <div className="fz-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('incidents.disposalTitle')}
      </Typography.Title>
      {conflict && (
        <Alert type="warning" showIcon title={t('incidents.conflict')} style={{ marginBottom: 12 }} />
      )}
      <Form<DisposalValues>
        form={form}
        layout="vertical"
        initialValues={toForm(incident)}
        disabled={save.isPending}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <DisposalFields />
          <Col span={24}>
            <Form.Item name="officerIds" label={f('officers')}>
              <OfficersSelect known={incident.officers} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={f('tags')}>
              <TagsSelect />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('incidents.saveDisposal')}
        </Button>
      </Form>
    </div>
  );
}

function Caller({ i }: { i: IncidentResponse }) {
  const { t } = useTranslation();
  if (!i.callerName && !i.callerPhone) return EMPTY;
  return (
    <Space size={8} wrap>
      <span>{i.callerName ?? EMPTY}</span>
      <span className="fz-mono">{i.callerPhone ?? ''}</span>
      {i.callerMasked && (
        <Tooltip title={t('incidents.maskedHint')}>
          <Tag icon={<EyeInvisibleOutlined />}>{t('incidents.masked')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** One incident: what was recorded, and — for those who handle incidents — its disposal. */
export function IncidentDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = useIncident(id);
  const [openCase, setOpenCase] = useState(false);
  const [conflict, setConflict] = useState(false);
  const f = (k: string) => t(`incidents.field.${k}`);
  if (query.error)
    return isApiError(query.error, 'NOT_FOUND') ? (
      <Alert type="warning" showIcon title={t('incidents.notFound')} />
    ) : (
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
    );
  const i = query.data;
  if (!i) return <Skeleton active />;
  const camera = cameraChoice(i.cameraRecorded);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={TWO_COLUMNS}
        title={<span className="fz-mono">{i.incidentNo}</span>}
        extra={
          can('case.write') &&
          (i.disposal === 'case_opened' ? (
            <Tag color="purple">{t('incidents.openCase.already')}</Tag>
          ) : (
            <Button type="primary" onClick={() => setOpenCase(true)}>
              {t('incidents.openCase.button')}
            </Button>
          ))
        }
      >
        <Descriptions.Item label={f('source')}>{sourceName(i.source)}</Descriptions.Item>
        <Descriptions.Item label={f('sourceId')}>
          <span className="fz-mono">{i.sourceId ?? EMPTY}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('receivedAt')}>{formatDateTime(i.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={f('category')}>{categoryLabel(i)}</Descriptions.Item>
        <Descriptions.Item label={f('unit')}>{i.unitName}</Descriptions.Item>
        <Descriptions.Item label={f('caller')}>
          <Caller i={i} />
        </Descriptions.Item>
        <Descriptions.Item label={f('place')} span={2}>
          {i.place}
        </Descriptions.Item>
        <Descriptions.Item label={f('narrative')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{i.narrative}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('officers')} span={2}>
          {i.officers.length ? i.officers.map((o) => `${o.name}（${o.badgeNo}）`).join('、') : EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={f('disposal')}>
          <DisposalTag value={i.disposal} />
        </Descriptions.Item>
        <Descriptions.Item label={f('disposedAt')}>{formatDateTime(i.disposedAt)}</Descriptions.Item>
        <Descriptions.Item label={f('disposalNote')} span={2}>
          {i.disposalNote ?? EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={f('camera')}>
          <Tag color={camera === 'yes' ? 'green' : camera === 'no' ? 'red' : 'default'}>
            {t(`incidents.camera.${camera}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={f('cameraEvidenceRef')}>
          <span className="fz-mono">{i.cameraEvidenceRef ?? EMPTY}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('tags')}>
          {i.tags.length ? i.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={f('updatedAt')}>{formatDateTime(i.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {can('incident.write') && (
        <DisposalForm key={i.version} incident={i} conflict={conflict} setConflict={setConflict} />
      )}
      <OpenCaseDialog incident={openCase ? i : null} onClose={() => setOpenCase(false)} />
    </Space>
  );
}
