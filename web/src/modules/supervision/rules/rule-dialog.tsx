import {
  RULE_PARAM_FIELDS,
  type RuleParamField,
  type RuleResponse,
  RuleUpdateRequest,
  SEVERITIES,
  type Severity,
} from '@fazhi/common';
import { Alert, DatePicker, Divider, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { bilingual } from '../../../app/i18n/index.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { todayCst } from '../../../app/ui/format.ts';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { SUPERVISION_KEYS } from '../api.ts';
import { paramOptionName, ruleName, severityName } from '../names.ts';

interface Values {
  effectiveFrom: Dayjs;
  enabled: boolean;
  severity: Severity;
  rectifyDays: number;
  legalBasis: string;
  params: Record<string, unknown>;
}

/** A version in force cannot change: a change to it starts today as a new version. */
export const nextEffectiveFrom = (r: RuleResponse) => [todayCst(), r.effectiveFrom].sort()[1]!;

export const putRule = (r: RuleResponse, change: Partial<Omit<RuleResponse, 'code'>>) =>
  api.put<RuleResponse>(`/api/supervision/rules/${encodeURIComponent(r.code)}`, {
    effectiveFrom: change.effectiveFrom ?? nextEffectiveFrom(r),
    enabled: change.enabled ?? r.enabled,
    severity: change.severity ?? r.severity,
    rectifyDays: change.rectifyDays ?? r.rectifyDays,
    params: change.params ?? r.params,
    legalBasis: change.legalBasis ?? r.legalBasis,
  });

/** One parameter's control, drawn from its description in common/ (RULE_PARAM_FIELDS). */
function paramControl(p: RuleParamField): ReactNode {
  switch (p.type) {
    case 'int':
      return <InputNumber min={p.min} max={p.max} precision={0} style={{ width: 160 }} />;
    case 'boolean':
      return <Switch />;
    case 'enum':
      return (
        <Select
          style={{ width: 240 }}
          options={(p.options ?? []).map((o) => ({ value: o, label: paramOptionName(p.name, o) }))}
        />
      );
    case 'enumList':
      return (
        <Select
          mode="multiple"
          allowClear
          options={(p.options ?? []).map((o) => ({ value: o, label: paramOptionName(p.name, o) }))}
        />
      );
  }
}

/** Edit a rule: a new effective date adds a version; the date of a version not yet in force changes it. */
export function RuleDialog({ rule, onClose }: { rule: RuleResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fields = rule ? RULE_PARAM_FIELDS[rule.kind] : [];
  return (
    <FormDialog<Values, RuleResponse>
      open={!!rule}
      onClose={onClose}
      width={620}
      title={rule ? t('supervision.rules.editTitle', { name: ruleName(rule) }) : ''}
      initialValues={
        rule
          ? {
              effectiveFrom: dayjs(nextEffectiveFrom(rule)),
              enabled: rule.enabled,
              severity: rule.severity,
              rectifyDays: rule.rectifyDays,
              legalBasis: rule.legalBasis,
              params: rule.params,
            }
          : undefined
      }
      header={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('supervision.rules.effectiveHint')}
        />
      }
      submit={(v) =>
        putRule(rule!, {
          ...v,
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          legalBasis: v.legalBasis.trim(),
          params: { ...rule!.params, ...v.params },
        })
      }
      success={t('supervision.rules.saved')}
      invalidate={SUPERVISION_KEYS}
    >
      <Form.Item name="effectiveFrom" label={t('supervision.rules.col.effectiveFrom')} rules={[required()]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(todayCst()), 'day')} />
      </Form.Item>
      <Form.Item name="enabled" label={t('supervision.rules.col.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="severity" label={t('supervision.rules.col.severity')} rules={[required()]}>
        <Select
          style={{ width: 160 }}
          options={SEVERITIES.map((s) => ({ value: s, label: severityName(s) }))}
        />
      </Form.Item>
      <Form.Item
        name="rectifyDays"
        label={t('supervision.rules.col.rectifyDays')}
        rules={[required(), zodRule(RuleUpdateRequest.shape.rectifyDays)]}
      >
        <InputNumber min={1} max={180} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('supervision.rules.legalBasis')}
        rules={[required(), zodRule(RuleUpdateRequest.shape.legalBasis)]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Divider titlePlacement="start">{t('supervision.rules.params')}</Divider>
      {fields.length === 0 && (
        <Typography.Text type="secondary">{t('supervision.rules.noParams')}</Typography.Text>
      )}
      {fields.map((p) => (
        <Form.Item
          key={p.name}
          name={['params', p.name]}
          label={bilingual(p.label)}
          valuePropName={p.type === 'boolean' ? 'checked' : 'value'}
        >
          {paramControl(p)}
        </Form.Item>
      ))}
    </FormDialog>
  );
}
