import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../app/ui/page.tsx';
import { IncidentDetail } from './incident-detail.tsx';

/** One incident as a page of its own, for links from cases, tasks and supervision findings. */
export default function IncidentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  return (
    <Page
      title={t('incidents.detail')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/incidents')}>
          {t('common.back')}
        </Button>
      }
    >
      <div className="fz-panel">{Number.isInteger(id) && id > 0 && <IncidentDetail id={id} />}</div>
    </Page>
  );
}
