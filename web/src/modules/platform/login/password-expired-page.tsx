import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMeQuery } from '../../../app/auth.tsx';
import { useSignOut } from '../../../app/shell/user-menu.tsx';
import { ChangePasswordForm } from '../account/change-password-form.tsx';
import { LoginLayout } from './login-layout.tsx';

/** Before anything else, a user whose password expired or was reset must choose a new one. */
export default function PasswordExpiredPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMeQuery();
  const { signOut } = useSignOut();
  return (
    <LoginLayout title={t('login.expiredPasswordTitle')} width={460}>
      <Alert
        type="warning"
        showIcon
        title={
          me.data?.mustChangePassword
            ? t('login.oneTimePassword')
            : me.data?.passwordExpired
              ? t('login.expiredPassword')
              : t('login.changePasswordAnyway')
        }
        style={{ marginBottom: 16 }}
      />
      <ChangePasswordForm
        onChanged={async () => {
          await me.refetch();
          navigate('/tasks', { replace: true });
        }}
      />
      <Button type="link" style={{ padding: 0, marginTop: 12 }} onClick={signOut}>
        {t('shell.logout')}
      </Button>
    </LoginLayout>
  );
}
