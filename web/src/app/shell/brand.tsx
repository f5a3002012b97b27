import { SafetyCertificateFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The emblem and name, on the sign-in page and at the top of the side menu. */
export function Brand({
  collapsed = false,
  size = 'small',
}: {
  collapsed?: boolean;
  size?: 'small' | 'large';
}) {
  const { t } = useTranslation();
  return (
    <div className={`fz-brand fz-brand-${size}`}>
      <SafetyCertificateFilled className="fz-brand-icon" />
      {!collapsed && (
        <div className="fz-brand-text">
          <div className="fz-brand-name">{t('app.name')}</div>
          <div className="fz-brand-sub">{t('app.title')}</div>
        </div>
      )}
    </div>
  );
}
