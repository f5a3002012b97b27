import {
  ADMIN_ROLES,
  fieldMessage,
  type OfficerResponse,
  type PasswordResetResponse,
  ROLE_CODES,
  type RoleCode,
} from '@fazhi/common';
import { Alert, Button, Checkbox, Form, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { currentLanguage } from '../../../app/i18n/index.ts';
import { roleName } from '../../../app/names.ts';
import { useAction } from '../../../app/ui/action.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';

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

/**
 * 三员分立: the administrator does not choose the password. The server draws a one-time password,
 * shown here once to hand to the officer; it opens only the password change at the next sign-in,
 * and the officer's second factor stays as it was.
 */
export function ResetPasswordDialog({ officer, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<string | null>(null);
  const reset = useAction(
    () => api.post<PasswordResetResponse>(`/api/officers/${officer!.id}/reset-password`),
    {
      invalidate: [['officers']],
      success: t('officers.passwordReset'),
      onSuccess: (r) => setIssued(r.oneTimePassword),
    },
  );
  const close = () => {
    setIssued(null);
    onClose();
  };
  return (
    <Modal
      open={!!officer}
      title={t('officers.resetPasswordTitle', { name: officer?.name ?? '' })}
      onCancel={close}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close}>
            {t('officers.oneTimePasswordDone')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={reset.isPending} onClick={() => reset.run(undefined)}>
              {t('officers.resetPassword')}
            </Button>
          </Space>
        )
      }
    >
      {issued ? (
        <div data-testid="one-time-password">
          <Alert
            type="warning"
            showIcon
            title={t('officers.oneTimePasswordHint')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>{t('officers.oneTimePassword')}</Typography.Paragraph>
          <Typography.Text code copyable style={{ fontSize: 18 }}>
            {issued}
          </Typography.Text>
        </div>
      ) : (
        <Alert type="info" showIcon title={t('officers.resetPasswordHint')} />
      )}
    </Modal>
  );
}
