import {
  CAMPAIGN_TAGS,
  CASE_TYPES,
  CaseCreateRequest,
  type CaseResponse,
  FILING_REVIEW_CLOCKS,
} from '@fazhi/common';
import { Alert, Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useMe } from '../../../app/auth.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { CASES_KEY } from '../api.ts';
import { afterCstToday } from '../dates.ts';
import { caseTypeName, ruleName } from '../names.ts';
import { OfficerSelect } from '../officer-select.tsx';

type Values = Omit<CaseCreateRequest, 'receivedAt' | 'incidentId'> & { receivedAt?: Dayjs | null };
const shape = CaseCreateRequest.shape;
const inactiveUnit = (u: { active: boolean }) => !u.active;

/** A walk-in case (报案、投案、扭送): no incident; it starts on the acceptance or filing-review clock. */
export function CaseCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: CaseResponse) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const initial: Partial<Values> = {
    caseType: 'admin',
    unitId: me.unit.id,
    receivedAt: dayjs(),
    complex: false,
    filingClock: 'filing_review',
    major: false,
    inCentre: false,
    coOfficerIds: [],
    tags: [],
  };
  return (
    <FormDialog<Values, CaseResponse>
      open={open}
      onClose={onClose}
      width={680}
      title={t('cases.create.title')}
      initialValues={initial}
      okText={t('cases.create.submit')}
      submit={({ receivedAt, ...v }) =>
        api.post<CaseResponse>('/api/cases', {
          ...v,
          incidentId: null,
          summary: v.summary ?? '',
          receivedAt: receivedAt ? receivedAt.toISOString() : null,
        })
      }
      success={(c) => t('cases.create.done', { no: c.caseNo })}
      invalidate={[CASES_KEY]}
      onSuccess={onCreated}
      header={<Alert type="info" showIcon title={t('cases.create.hint')} style={{ marginBottom: 16 }} />}
    >
      {(form) => (
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="caseType" label={t('cases.field.caseType')} rules={[required()]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={CASE_TYPES.map((v) => ({ value: v, label: caseTypeName(v) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={t('cases.field.title')} rules={[required(), zodRule(shape.title)]}>
              <Input maxLength={200} placeholder={t('cases.create.titleHint')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t('cases.field.summary')} rules={[zodRule(shape.summary)]}>
              <Input.TextArea rows={4} maxLength={8000} showCount />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitId" label={t('cases.field.unit')} rules={[required()]}>
              <UnitTreeSelect disable={inactiveUnit} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="receivedAt" label={t('cases.field.receivedAt')} rules={[required()]}>
              <DatePicker showTime style={{ width: '100%' }} disabledDate={afterCstToday} />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['caseType']}>
            {() =>
              form.getFieldValue('caseType') === 'criminal' ? (
                <Col span={24}>
                  <Form.Item
                    name="filingClock"
                    label={t('cases.create.filingClock')}
                    extra={t('cases.create.filingClockHint')}
                  >
                    <Radio.Group
                      // the 30-day review is granted by the branch head later, not chosen here
                      options={FILING_REVIEW_CLOCKS.filter((v) => v !== 'filing_review_major').map((v) => ({
                        value: v,
                        label: ruleName(v),
                      }))}
                    />
                  </Form.Item>
                </Col>
              ) : (
                <Col span={24}>
                  <Form.Item
                    name="complex"
                    label={t('cases.create.complex')}
                    valuePropName="checked"
                    extra={t('cases.create.complexHint')}
                  >
                    <Switch />
                  </Form.Item>
                </Col>
              )
            }
          </Form.Item>
          <Col span={12}>
            <Form.Item name="major" label={t('cases.flags.major')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="inCentre" label={t('cases.flags.inCentre')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="coOfficerIds" label={t('cases.field.coOfficers')}>
              <OfficerSelect multiple />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('cases.field.tags')}>
              <Select mode="tags" options={CAMPAIGN_TAGS.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormDialog>
  );
}
