import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onStepUp } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { required } from '../../../app/ui/rules.ts';

/**
 * Asks for a verification code when the server wants the second factor again before it shows a
 * full ID number (STEP_UP_REQUIRED); the request that met it is sent again once the code is
 * accepted, and fails as before when the user cancels.
 */
export function StepUpDialog() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [resolve, setResolve] = useState<((ok: boolean) => void) | null>(null);
  useEffect(() => {
    onStepUp(() => new Promise<boolean>((r) => setResolve(() => r)));
    return () => onStepUp(null);
  }, []);
  const finish = (ok: boolean) => {
    resolve?.(ok);
    setResolve(null);
    form.resetFields();
  };
  const verify = useAction(
    ({ code }: { code: string }) =>
      api.post('/api/auth/step-up', { code: code.replace(/\s/g, '') }, { noStepUp: true }),
    { form, onSuccess: () => finish(true) },
  );
  return (
    <Modal
      open={!!resolve}
      title={t('login.stepUpTitle')}
      okText={t('login.stepUpOk')}
      onOk={() => form.submit()}
      onCancel={() => finish(false)}
      okButtonProps={{ loading: verify.isPending }}
      destroyOnHidden
      width={420}
    >
      <Alert type="info" showIcon title={t('login.stepUpHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => verify.mutate(v)} disabled={verify.isPending}>
        <Form.Item
          name="code"
          label={t('login.totpCode')}
          rules={[required(), { pattern: /^\s*\d{6}\s*$/, message: t('login.codeSix') }]}
        >
          <Input
            id="step-up-code"
            className="fz-code-input"
            size="large"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            placeholder="000000"
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
