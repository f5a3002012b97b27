import { ADMIN_ROLES, fieldMessage, type OfficerResponse, ROLE_CODES, type RoleCode } from '@fazhi/common';
import { Alert, Checkbox, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { currentLanguage } from '../../../app/i18n/index.ts';
import { roleName } from '../../../app/names.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, sameAs } from '../../../app/ui/rules.ts';

interface DialogProps {
  officer: OfficerResponse | null;
  onClose: () => void;
}

/** Role assignment (security administrator); 三员分立 is checked here and again by the server. */
export function RolesDialog({ officer, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ roles: RoleCode[] }, unknown>
      kind="modal"
      width={560}
      open={!!officer}
      onClose={onClose}
      title={t('officers.assignRolesTitle', { name: officer?.name ?? '' })}
      initialValues={{ roles: officer?.roles ?? [] }}
      submit={(v) => api.put(`/api/officers/${officer!.id}/roles`, { roles: v.roles })}
      success={t('common.saved')}
      invalidate={[['officers'], ['roles']]}
      header={
        <Alert type="info" showIcon title={t('officers.separationHint')} style={{ marginBottom: 16 }} />
      }
    >
      <Form.Item
        name="roles"
        rules={[
          {
            validator: async (_r, v: RoleCode[] = []) => {
              if (v.filter((r) => ADMIN_ROLES.includes(r)).length > 1)
                throw new Error(fieldMessage('roles.separation', currentLanguage()));
            },
          },
        ]}
      >
        <Checkbox.Group style={{ width: '100%' }}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
            {ROLE_CODES.map((code) => (
              <Checkbox key={code} value={code}>
                <Space size={4}>
                  {roleName(code)}
                  {ADMIN_ROLES.includes(code) && <Tag color="purple">{t('roles.adminTag')}</Tag>}
                </Space>
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>
      </Form.Item>
    </FormDialog>
  );
}

/** A new password set by an administrator, e.g. when the officer forgot theirs. */
export function ResetPasswordDialog({ officer, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ password: string; confirm: string }, unknown>
      kind="modal"
      open={!!officer}
      onClose={onClose}
      title={t('officers.resetPasswordTitle', { name: officer?.name ?? '' })}
      submit={(v) => api.post(`/api/officers/${officer!.id}/reset-password`, { password: v.password })}
      success={t('officers.passwordReset')}
      invalidate={[['officers']]}
      okText={t('officers.resetPassword')}
      header={
        <Alert type="warning" showIcon title={t('officers.resetPasswordHint')} style={{ marginBottom: 16 }} />
      }
    >
      <Form.Item
        name="password"
        label={t('account.newPassword')}
        rules={[required()]}
        extra={t('account.policyHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['password']}
        rules={[required(), sameAs('password', t('account.mismatch'))]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}
