import {
  OfficerCreateRequest,
  type OfficerResponse,
  PERSONNEL_KINDS,
  QUALIFICATION_LEVELS,
} from '@fazhi/common';
import { Col, DatePicker, Form, type FormInstance, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { personnelKindName, qualificationName } from '../../../app/names.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';

type DateFields = 'qualificationDate' | 'legalOfficerSince' | 'joinedOn';
type Values = Omit<OfficerCreateRequest, DateFields> & Record<DateFields, Dayjs | null | undefined>;

const shape = OfficerCreateRequest.shape;
const toDay = (d: string | null) => (d ? dayjs(d) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const inactiveUnit = (u: { active: boolean }) => !u.active;

function toRequest({ qualificationDate, legalOfficerSince, joinedOn, phone, ...v }: Values) {
  return {
    ...v,
    joinedOn: fromDay(joinedOn),
    qualificationLevel: v.qualificationLevel ?? null,
    qualificationDate: v.qualificationLevel ? fromDay(qualificationDate) : null,
    legalOfficerSince: v.legalOfficer ? fromDay(legalOfficerSince) : null,
    phone: phone?.trim() || null,
  };
}

/** A date field shown only once the field it belongs to is set (qualified since, legal officer since). */
function DateWhenSet({
  form,
  when,
  name,
  label,
}: {
  form: FormInstance<Values>;
  when: keyof Values;
  name: DateFields;
  label: string;
}) {
  return (
    <Form.Item noStyle dependencies={[when]}>
      {() =>
        form.getFieldValue(when) && (
          <Form.Item name={name} label={label}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )
      }
    </Form.Item>
  );
}

/** Create an officer (with the first password), or edit one. */
export function OfficerDrawer({
  open,
  officer,
  onClose,
}: {
  open: boolean;
  officer?: OfficerResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const initial: Partial<Values> = officer
    ? {
        ...officer,
        qualificationDate: toDay(officer.qualificationDate),
        legalOfficerSince: toDay(officer.legalOfficerSince),
        joinedOn: toDay(officer.joinedOn),
      }
    : {
        legalProfessionQualified: false,
        legalOfficer: false,
        qualificationLevel: null,
        personnelKind: 'police',
      };

  return (
    <FormDialog<Values, unknown>
      open={open}
      onClose={onClose}
      width={640}
      title={officer ? t('officers.editTitle', { name: officer.name }) : t('officers.createTitle')}
      initialValues={initial}
      submit={(v) => {
        const body = toRequest(v);
        if (!officer) return api.post('/api/officers', body);
        const { username: _u, password: _p, ...update } = body;
        return api.patch(`/api/officers/${officer.id}`, update);
      }}
      success={t('common.saved')}
      invalidate={[['officers']]}
    >
      {(form) => (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="badgeNo"
              label={t('officers.badgeNo')}
              rules={[required(), zodRule(shape.badgeNo)]}
            >
              <Input maxLength={6} className="fz-mono" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('officers.name')} rules={[required(), zodRule(shape.name)]}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('officers.username')}
              rules={[required(), zodRule(shape.username)]}
            >
              <Input maxLength={32} disabled={!!officer} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {!officer && (
              <Form.Item
                name="password"
                label={t('officers.initialPassword')}
                rules={[required()]}
                extra={t('account.policyHint')}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="joinedOn" label={t('officers.joinedOn')} extra={t('officers.joinedOnHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="unitId" label={t('officers.unit')} rules={[required()]}>
              <UnitTreeSelect disable={inactiveUnit} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('officers.phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="personnelKind"
              label={t('officers.personnelKind')}
              extra={t('officers.personnelKindHint')}
              rules={[required()]}
            >
              <Select options={PERSONNEL_KINDS.map((k) => ({ value: k, label: personnelKindName(k) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="qualificationLevel" label={t('officers.qualification')}>
              <Select
                allowClear
                placeholder={t('officers.noQualification')}
                options={QUALIFICATION_LEVELS.map((q) => ({ value: q, label: qualificationName(q) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <DateWhenSet
              form={form}
              when="qualificationLevel"
              name="qualificationDate"
              label={t('officers.qualificationDate')}
            />
          </Col>
          <Col span={24}>
            <Form.Item
              name="legalProfessionQualified"
              label={t('officers.legalProfession')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="legalOfficer" label={t('officers.legalOfficer')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <DateWhenSet
              form={form}
              when="legalOfficer"
              name="legalOfficerSince"
              label={t('officers.legalOfficerSince')}
            />
          </Col>
        </Row>
      )}
    </FormDialog>
  );
}
