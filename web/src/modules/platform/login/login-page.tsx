import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { MeResponse } from '@fazhi/common';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../app/api.ts';
import { ME_KEY, useSignedIn } from '../../../app/auth.tsx';
import { required } from '../../../app/ui/rules.ts';
import { RecoveryCodes } from '../account/recovery-codes.tsx';
import { TotpEnrol } from '../account/totp-enrol.tsx';
import { LoginLayout } from './login-layout.tsx';
import { SecondFactorStep } from './second-factor.tsx';
import { useSignInStep } from './use-sign-in-step.tsx';

type Step = 'password' | 'totp' | 'enrol' | 'codes';
type LoginResult = { user: MeResponse } | { secondFactor: 'totp' | 'enrol' };
interface Credentials {
  username: string;
  password: string;
}

/** Only paths of this app: never an absolute or protocol-relative URL (open redirect). */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/tasks');

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const known = useQueryClient().getQueryData<MeResponse | null>(ME_KEY);
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [form] = Form.useForm<Credentials>();
  const { run, pending, alert, clear } = useSignInStep(form);

  const finish = (user: MeResponse) => {
    signedIn(user);
    navigate(user.passwordExpired || user.mustChangePassword ? '/change-password' : next, { replace: true });
  };

  if (step === 'password' && known) return <Navigate to={next} replace />;

  const signIn = (v: Credentials) =>
    run(async () => {
      setUsername(v.username);
      const r = await api.post<LoginResult>('/api/auth/login', v, { noAuthRedirect: true });
      if ('user' in r) finish(r.user);
      else setStep(r.secondFactor);
    });

  const enter = () =>
    run(async () => {
      const r = await api.get<{ user: MeResponse }>('/api/auth/me', undefined, { noAuthRedirect: true });
      finish(r.user);
    });

  const back = () => {
    clear();
    setStep('password');
  };

  if (step === 'totp')
    return (
      <LoginLayout title={t('login.totpTitle')}>
        <SecondFactorStep onUser={finish} onBack={back} />
      </LoginLayout>
    );

  if (step === 'enrol')
    return (
      <LoginLayout title={t('login.enrolTitle')} width={480}>
        <Alert type="info" showIcon title={t('login.enrolRequired')} style={{ marginBottom: 16 }} />
        <TotpEnrol
          onEnabled={(c) => {
            setCodes(c);
            setStep('codes');
          }}
        />
        <Button type="link" size="small" style={{ padding: 0 }} onClick={back}>
          {t('common.back')}
        </Button>
      </LoginLayout>
    );

  if (step === 'codes')
    return (
      <LoginLayout title={t('login.codesTitle')} width={480}>
        {alert}
        <RecoveryCodes codes={codes} username={username} />
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} style={{ margin: '16px 0' }}>
          {t('account.codesSaved')}
        </Checkbox>
        <Button type="primary" block size="large" disabled={!saved} loading={pending} onClick={enter}>
          {t('login.enter')}
        </Button>
      </LoginLayout>
    );

  return (
    <LoginLayout title={t('login.title')}>
      {params.get('reason') === 'expired' && !alert && (
        <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
      )}
      {alert}
      <Form<Credentials>
        form={form}
        layout="vertical"
        onFinish={signIn}
        disabled={pending}
        requiredMark={false}
      >
        <Form.Item name="username" label={t('login.username')} rules={[required()]}>
          <Input id="username" size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[required()]}>
          <Input.Password
            id="password"
            size="large"
            prefix={<LockOutlined />}
            autoComplete="current-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={pending}
          style={{ marginTop: 8 }}
        >
          {t('login.submit')}
        </Button>
      </Form>
    </LoginLayout>
  );
}
