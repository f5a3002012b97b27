import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { required, sameAs } from '../../../app/ui/rules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; on the account page and on the forced page after expiry. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useAction(
    ({ currentPassword, newPassword }: Values) =>
      api.post('/api/account/password', { currentPassword, newPassword }),
    {
      form,
      success: t('account.passwordChanged'),
      onSuccess: () => {
        form.resetFields();
        onChanged?.();
      },
    },
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => change.mutate(v)}
      style={{ maxWidth: 420 }}
      disabled={change.isPending}
    >
      <Alert type="info" showIcon title={t('account.policyHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required()]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[required()]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[required(), sameAs('newPassword', t('account.mismatch'))]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
