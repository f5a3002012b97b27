import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { required } from '../../../app/ui/rules.ts';

interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** The secret in groups of four, as authenticator apps show it. */
const grouped = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/**
 * Enrolment in TOTP: a fresh secret as QR code and text, then the first code to prove the
 * app works. Used on the sign-in page (when a role requires 2FA) and under 我的账号.
 */
export function TotpEnrol({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  // a query (not an effect) so that StrictMode's double mount asks for one secret only
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => api.post<Setup>('/api/account/totp/setup', undefined, { noAuthRedirect: true }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const enable = useAction(
    (v: { code: string }) =>
      api.post<{ recoveryCodes: string[] }>('/api/account/totp/enable', { code: v.code.trim() }),
    { form, onSuccess: (r) => onEnabled(r.recoveryCodes) },
  );

  if (setup.isError) return <Alert type="error" showIcon title={setup.error.message} />;
  return (
    <div data-testid="totp-enrol">
      <Steps
        orientation="vertical"
        size="small"
        current={1}
        items={[
          { title: t('account.enrolStep1'), content: t('account.enrolStep1Hint') },
          {
            title: t('account.enrolStep2'),
            content: setup.data ? (
              <div>
                <img
                  src={setup.data.qrDataUrl}
                  alt={t('account.qrAlt')}
                  width={176}
                  height={176}
                  style={{ display: 'block', margin: '8px 0', border: '1px solid #f0f0f0' }}
                />
                <Typography.Text type="secondary">{t('account.manualKey')}</Typography.Text>
                <Typography.Paragraph
                  copyable={{ text: setup.data.secret }}
                  className="fz-mono"
                  data-testid="totp-secret"
                >
                  {grouped(setup.data.secret)}
                </Typography.Paragraph>
              </div>
            ) : (
              <Skeleton.Image active style={{ width: 176, height: 176 }} />
            ),
          },
          {
            title: t('account.enrolStep3'),
            content: (
              <Form form={form} layout="vertical" onFinish={(v) => enable.mutate(v)} style={{ marginTop: 8 }}>
                <Form.Item
                  name="code"
                  rules={[required(), { pattern: /^\s*\d{6}\s*$/, message: t('login.codeSix') }]}
                >
                  <Input
                    id="code"
                    className="fz-code-input"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={6}
                    placeholder="000000"
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={enable.isPending} disabled={!setup.data}>
                  {t('account.enable')}
                </Button>
              </Form>
            ),
          },
        ]}
      />
    </div>
  );
}
