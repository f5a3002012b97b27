import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/ui/page.tsx';
import { CallbackList } from './callbacks-page.tsx';

/** 二次查办 of the unit: dissatisfied call-backs to handle again and close with the result. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('checks.followUps.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checks.followUps.hint')} />
      <CallbackList followUps />
    </Page>
  );
}
