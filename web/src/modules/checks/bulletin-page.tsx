import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../app/ui/page.tsx';
import { yesterdayCst } from './api.ts';
import { BulletinView } from './bulletin-view.tsx';

/** The body-camera bulletin for those who supervise (the detachment, the branch head, the units). */
export default function BulletinPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') || yesterdayCst();
  return (
    <Page title={t('checks.bulletin.title')}>
      <div className="fz-panel">
        <BulletinView day={day} onDay={(d) => setParams({ day: d }, { replace: true })} />
      </div>
    </Page>
  );
}
