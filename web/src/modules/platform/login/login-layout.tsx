import { Card } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../../../app/shell/brand.tsx';
import { LanguageSwitch } from '../../../app/shell/language-switch.tsx';

/** The blue full-page frame of the sign-in steps and the forced password change. */
export function LoginLayout({
  title,
  children,
  width,
}: {
  title: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.fullTitle');
  }, [t]);
  return (
    <div className="fz-login">
      <div className="fz-login-lang">
        <LanguageSwitch />
      </div>
      <Brand size="large" />
      <Card className="fz-login-card" title={title} style={width ? { width } : undefined}>
        {children}
      </Card>
      <div className="fz-login-foot">
        <div>{t('login.notice')}</div>
        <div>{t('login.support')}</div>
        <div>
          <Link to="/public/publicity" className="fz-login-public">
            {t('login.publicPortal')}
          </Link>
        </div>
      </div>
    </div>
  );
}
