import {
  CASE_DATA_PERMISSIONS,
  PERMISSION_NAMES,
  type Permission,
  type RoleResponse,
  SECURITY_ADMIN_PERMISSIONS,
} from '@fazhi/common';
import { Alert, Checkbox, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { bilingual } from '../../../app/i18n/index.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';

/** Permissions grouped by what they are about: `unit.read` → unit. */
function groupOf(all: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const p of all) {
    const g = p.split('.')[0]!;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups];
}

/** The permission checklist of one role. */
export function PermissionsDrawer({
  role,
  all,
  readOnly,
  onClose,
}: {
  role: RoleResponse | null;
  all: Permission[];
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isSysadmin = role?.code === 'sysadmin';
  return (
    <FormDialog<{ permissions: Permission[] }, unknown>
      open={!!role}
      onClose={onClose}
      width={560}
      title={role ? t('roles.permissionsOf', { name: bilingual({ zh: role.nameZh, en: role.nameEn }) }) : ''}
      initialValues={{ permissions: role?.permissions ?? [] }}
      submit={(v) => api.patch(`/api/roles/${role!.code}`, { permissions: v.permissions })}
      success={t('common.saved')}
      invalidate={[['roles'], ['me']]}
      readOnly={readOnly}
      header={
        isSysadmin && (
          <Alert type="info" showIcon title={t('roles.sysadminHint')} style={{ marginBottom: 16 }} />
        )
      }
    >
      <Form.Item name="permissions" noStyle>
        <Checkbox.Group style={{ display: 'block' }}>
          {groupOf(all).map(([group, perms]) => (
            <div key={group} style={{ marginBottom: 16 }}>
              <Typography.Text strong>
                {t(`permissionGroups.${group}`, { defaultValue: group })}
              </Typography.Text>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
                {perms.map((p) => (
                  <Checkbox
                    key={p}
                    value={p}
                    disabled={
                      isSysadmin &&
                      (CASE_DATA_PERMISSIONS.includes(p) || SECURITY_ADMIN_PERMISSIONS.includes(p))
                    }
                  >
                    {bilingual(PERMISSION_NAMES[p])}
                  </Checkbox>
                ))}
              </div>
            </div>
          ))}
        </Checkbox.Group>
      </Form.Item>
    </FormDialog>
  );
}
