import {
  INCIDENT_SOURCES,
  IncidentCreateRequest,
  type IncidentResponse,
  PersonNameSchema,
  PhoneSchema,
} from '@fazhi/common';
import { Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { HALF } from '../../app/ui/responsive.tsx';
import { required, zodRule } from '../../app/ui/rules.ts';
import { UnitTreeSelect } from '../platform/units/unit-tree-select.tsx';
import { INCIDENTS_KEY } from './api.ts';
import { cstIso, cstNow } from './cst-time.ts';
import { CategorySelect, DisposalSelect, OfficersSelect, TagsSelect } from './fields.tsx';
import { sourceName } from './names.ts';

type Camera = 'yes' | 'no' | 'unknown';
interface Values {
  source: string;
  sourceId?: string;
  receivedAt: Dayjs;
  callerName?: string;
  callerPhone?: string;
  categoryCode: string;
  place: string;
  narrative: string;
  unitId: number;
  officerIds: number[];
  disposal: string;
  disposalNote?: string;
  disposedAt?: Dayjs | null;
  camera: Camera;
  cameraEvidenceRef?: string;
  tags: string[];
}

const shape = IncidentCreateRequest.shape;
const inactiveUnit = (u: { active: boolean }) => !u.active;
const blank = (s: string | undefined) => s?.trim() || null;
export const cameraValue = (c: Camera) => (c === 'yes' ? true : c === 'no' ? false : null);
export const cameraChoice = (v: boolean | null): Camera =>
  v === true ? 'yes' : v === false ? 'no' : 'unknown';

function toRequest(v: Values) {
  return {
    source: v.source,
    sourceId: blank(v.sourceId),
    receivedAt: cstIso(v.receivedAt),
    callerName: blank(v.callerName),
    callerPhone: blank(v.callerPhone),
    categoryCode: v.categoryCode,
    place: v.place,
    narrative: v.narrative,
    unitId: v.unitId,
    officerIds: v.officerIds ?? [],
    disposal: v.disposal,
    disposalNote: blank(v.disposalNote),
    disposedAt: v.disposal !== 'pending' && v.disposedAt ? cstIso(v.disposedAt) : null,
    cameraRecorded: cameraValue(v.camera),
    cameraEvidenceRef: blank(v.cameraEvidenceRef),
    tags: v.tags ?? [],
  };
}

/** Recording a 110 call, a walk-in, an online report or a transferred incident. */
export function IncidentCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (i: IncidentResponse) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const f = (k: string) => t(`incidents.field.${k}`);
  return (
    <FormDialog<Values, IncidentResponse>
      open={open}
      onClose={onClose}
      width={720}
      title={t('incidents.createTitle')}
      initialValues={{
        source: '110',
        receivedAt: cstNow(),
        unitId: me.unit.id,
        officerIds: [],
        disposal: 'pending',
        camera: 'unknown',
        tags: [],
      }}
      submit={(v) => api.post<IncidentResponse>('/api/incidents', toRequest(v))}
      success={(i) => t('incidents.created', { no: i.incidentNo })}
      invalidate={[[...INCIDENTS_KEY]]}
      onSuccess={onCreated}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="source" label={f('source')} rules={[required()]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={INCIDENT_SOURCES.map((s) => ({ value: s, label: sourceName(s) }))}
            />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="receivedAt" label={f('receivedAt')} rules={[required()]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="sourceId" label={f('sourceId')} rules={[zodRule(shape.sourceId)]}>
            <Input maxLength={64} placeholder={t('incidents.placeholder.sourceId')} className="fz-mono" />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="callerName" label={f('callerName')} rules={[zodRule(PersonNameSchema)]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="callerPhone" label={f('callerPhone')} rules={[zodRule(PhoneSchema)]}>
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="categoryCode" label={f('category')} rules={[required()]}>
            <CategorySelect activeOnly />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item name="unitId" label={f('unit')} rules={[required()]}>
            <UnitTreeSelect disable={inactiveUnit} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="place" label={f('place')} rules={[required(), zodRule(shape.place)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="narrative" label={f('narrative')} rules={[required(), zodRule(shape.narrative)]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="officerIds" label={f('officers')}>
            <OfficersSelect />
          </Form.Item>
        </Col>
        <DisposalFields required />
        <Col span={24}>
          <Form.Item name="tags" label={f('tags')}>
            <TagsSelect />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

/**
 * The disposal of an incident — result, time, note, body camera and footage reference — as
 * recorded with a new incident and updated later on its detail.
 */
export function DisposalFields({ required: isRequired = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const f = (k: string) => t(`incidents.field.${k}`);
  return (
    <>
      <Col {...HALF}>
        <Form.Item name="disposal" label={f('disposal')} rules={isRequired ? [required()] : []}>
          <DisposalSelect />
        </Form.Item>
      </Col>
      <Col {...HALF}>
        <Form.Item noStyle dependencies={['disposal']}>
          {() =>
            form.getFieldValue('disposal') !== 'pending' && (
              <Form.Item name="disposedAt" label={f('disposedAt')}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )
          }
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="disposalNote" label={f('disposalNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col {...HALF}>
        <Form.Item name="camera" label={f('camera')}>
          <Radio.Group
            options={(['yes', 'no', 'unknown'] as const).map((c) => ({
              value: c,
              label: t(`incidents.camera.${c}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col {...HALF}>
        <Form.Item name="cameraEvidenceRef" label={f('cameraEvidenceRef')}>
          <Input maxLength={200} placeholder={t('incidents.placeholder.evidence')} className="fz-mono" />
        </Form.Item>
      </Col>
    </>
  );
}
