import { Button, Card, Col, Descriptions, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { roleName } from '../../../app/names.ts';
import { useSignOut } from '../../../app/shell/user-menu.tsx';
import { daysFromToday, EMPTY, formatDate } from '../../../app/ui/format.ts';
import { Page } from '../../../app/ui/page.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { TotpCard } from './totp-card.tsx';

function PasswordExpiry({ at }: { at: string | null }) {
  const { t } = useTranslation();
  if (!at) return <>{t('account.neverExpires')}</>;
  const days = daysFromToday(at);
  return (
    <>
      {formatDate(at)}{' '}
      {days <= 14 && (
        <Tag color={days < 0 ? 'red' : 'orange'}>{t('account.expiresIn', { n: Math.max(days, 0) })}</Tag>
      )}
    </>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOutEverywhere } = useSignOut();

  return (
    <Page title={t('account.title')}>
      <Card title={t('account.profile')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'name', label: t('officers.name'), children: me.name },
            { key: 'username', label: t('officers.username'), children: me.username },
            { key: 'badge', label: t('officers.badgeNo'), children: me.badgeNo || EMPTY },
            { key: 'unit', label: t('officers.unit'), children: me.unit.name },
            {
              key: 'roles',
              label: t('officers.roles'),
              children: me.roles.length ? me.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) : EMPTY,
            },
            { key: 'scope', label: t('roles.scope'), children: t(`roles.scopes.${me.scope}`) },
            {
              key: 'expiry',
              label: t('account.passwordExpires'),
              children: <PasswordExpiry at={me.passwordExpiresAt} />,
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('account.changePassword')} size="small" style={{ marginBottom: 16 }}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TotpCard />
          <Card title={t('account.sessions')} size="small">
            <p style={{ marginTop: 0 }}>{t('account.sessionsHint')}</p>
            <Button danger onClick={signOutEverywhere}>
              {t('shell.logoutAll')}
            </Button>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
