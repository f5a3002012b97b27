import { SafetyOutlined } from '@ant-design/icons';
import type { MeResponse } from '@fazhi/common';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { required } from '../../../app/ui/rules.ts';
import { useSignInStep } from './use-sign-in-step.tsx';

/** The second sign-in step: a 6-digit TOTP code, or one of the recovery codes. */
export function SecondFactorStep({
  onUser,
  onBack,
}: {
  onUser: (u: MeResponse) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const { run, pending, alert } = useSignInStep(form);

  const submit = ({ code }: { code: string }) =>
    run(async () => {
      const r = await api.post<{ user: MeResponse }>(
        '/api/auth/totp',
        { code: code.replace(/\s/g, '') },
        { noAuthRedirect: true },
      );
      onUser(r.user);
    });

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={pending}>
      <Typography.Paragraph type="secondary">
        {recovery ? t('login.recoveryHint') : t('login.totpHint')}
      </Typography.Paragraph>
      {alert}
      <Form.Item
        name="code"
        label={recovery ? t('login.recoveryCode') : t('login.totpCode')}
        rules={[
          required(),
          recovery
            ? { min: 6, max: 32, message: t('login.recoveryInvalid') }
            : { pattern: /^\s*\d{6}\s*$/, message: t('login.codeSix') },
        ]}
      >
        <Input
          id="code"
          key={recovery ? 'recovery' : 'totp'}
          className={recovery ? 'fz-mono' : 'fz-code-input'}
          size="large"
          prefix={recovery ? <SafetyOutlined /> : undefined}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 32 : 6}
          placeholder={recovery ? 'xxxx-xxxx' : '000000'}
          autoFocus
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={pending}>
        {t('login.verify')}
      </Button>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={onBack}>
          {t('common.back')}
        </Button>
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          data-testid="toggle-recovery"
          onClick={() => {
            setRecovery(!recovery);
            form.resetFields();
          }}
        >
          {recovery ? t('login.useTotp') : t('login.useRecovery')}
        </Button>
      </div>
    </Form>
  );
}
