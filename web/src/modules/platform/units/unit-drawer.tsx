import { UNIT_KINDS, UnitCreateRequest, type UnitResponse } from '@fazhi/common';
import { Form, Input, Select, Switch } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { unitKindName } from '../../../app/names.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { UnitTreeSelect } from './unit-tree-select.tsx';
import { subtreeIds, UNITS_KEY, useUnits } from './use-units.ts';

type Values = UnitCreateRequest;

/** What the drawer is doing: a new unit under a parent, or editing one. */
export type UnitEditing = { mode: 'create'; parentId?: number } | { mode: 'edit'; unit: UnitResponse } | null;

export function UnitDrawer({ editing, onClose }: { editing: UnitEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const unit = editing?.mode === 'edit' ? editing.unit : undefined;
  // a unit cannot move under itself or under one of its own sub-units
  const disable = useCallback(
    (u: UnitResponse) => !u.active || (!!unit && subtreeIds(units.data ?? [], unit.id).has(u.id)),
    [unit, units.data],
  );
  const isRoot = !!unit && unit.parentId === null;

  return (
    <FormDialog<Values, unknown>
      open={!!editing}
      onClose={onClose}
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      initialValues={
        unit
          ? {
              parentId: unit.parentId ?? undefined,
              code: unit.code,
              name: unit.name,
              kind: unit.kind,
              caseHandling: unit.caseHandling,
            }
          : {
              parentId: editing?.mode === 'create' ? editing.parentId : undefined,
              kind: 'station',
              caseHandling: false,
            }
      }
      submit={(v) => (unit ? api.patch(`/api/units/${unit.id}`, v) : api.post('/api/units', v))}
      success={t('common.saved')}
      invalidate={[UNITS_KEY, ['officers']]}
    >
      {!isRoot && (
        <Form.Item name="parentId" label={t('units.parent')} rules={[required()]}>
          <UnitTreeSelect disable={disable} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('units.name')}
        rules={[required(), zodRule(UnitCreateRequest.shape.name)]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('units.code')}
        extra={t('units.codeHint')}
        rules={[required(), zodRule(UnitCreateRequest.shape.code)]}
      >
        <Input maxLength={32} className="fz-mono" />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[required()]}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: unitKindName(k) }))} />
      </Form.Item>
      <Form.Item
        name="caseHandling"
        label={t('units.caseHandling')}
        valuePropName="checked"
        extra={t('units.caseHandlingHint')}
      >
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}
