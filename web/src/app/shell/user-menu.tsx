import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { useMe, useSignedIn } from '../auth.tsx';
import { roleName } from '../names.ts';
import { useApiErrorHandler } from '../ui/action.ts';

/** Signing out here, or everywhere (every session of this user, after confirmation). */
export function useSignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const { modal, message } = App.useApp();
  const showError = useApiErrorHandler();

  const leave = async (path: string) => {
    try {
      await api.post(path);
      signedIn(null);
      message.success(t('shell.loggedOut'));
      navigate('/login', { replace: true });
    } catch (e) {
      showError(e);
    }
  };
  return {
    signOut: () => leave('/api/auth/logout'),
    signOutEverywhere: () =>
      modal.confirm({
        title: t('shell.logoutAll'),
        content: t('shell.logoutAllConfirm'),
        okButtonProps: { danger: true },
        onOk: () => leave('/api/auth/logout-all'),
      }),
  };
}

/** Who is signed in: the name, and the roles under it. */
function Who() {
  const me = useMe();
  return (
    <span className="fz-user-text">
      <Typography.Text strong>{me.name}</Typography.Text>
      <Typography.Text type="secondary" className="fz-user-roles">
        {me.roles.map(roleName).join(' · ')}
      </Typography.Text>
    </span>
  );
}

/** The signed-in user: name and roles beside the avatar, or on a phone (`compact`) inside the menu. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { signOut, signOutEverywhere } = useSignOut();

  const onClick = ({ key }: { key: string }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout') void signOut();
    if (key === 'logoutAll') signOutEverywhere();
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick,
        items: [
          ...(compact
            ? [{ type: 'group' as const, key: 'me', label: <Who /> }, { type: 'divider' as const }]
            : []),
          { key: 'account', icon: <UserOutlined />, label: t('shell.myAccount') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
          { key: 'logoutAll', icon: <PoweroffOutlined />, label: t('shell.logoutAll'), danger: true },
        ],
      }}
    >
      <button
        type="button"
        className="fz-user-button"
        data-testid="user-menu"
        aria-label={compact ? me.name : undefined}
      >
        <Space size={8}>
          <Avatar size="small" style={{ background: '#1d4f91' }} icon={<UserOutlined />} />
          {!compact && <Who />}
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Space>
      </button>
    </Dropdown>
  );
}
