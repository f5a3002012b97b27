import type { FindingResponse } from '@fazhi/common';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../app/auth.tsx';
import { EMPTY } from '../../../app/ui/format.ts';

type Subject = Pick<FindingResponse, 'subjectType' | 'caseId' | 'caseNo' | 'incidentId' | 'incidentNo'>;

/**
 * What the finding is about: the case (a publicity task, a review … all belong to one) or else
 * the incident, as a link when the user may open it.
 */
export function SubjectLink({ f, both = false }: { f: Subject; both?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const kind = t(`supervision.subject.${f.subjectType}`, { defaultValue: f.subjectType });
  const caseLink = f.caseId && (
    <span>
      <Typography.Text type="secondary">{t('supervision.subject.case')} </Typography.Text>
      {can('case.read') ? <Link to={`/cases/${f.caseId}`}>{f.caseNo ?? f.caseId}</Link> : f.caseNo}
    </span>
  );
  const incidentLink = f.incidentId && (
    <span>
      <Typography.Text type="secondary">{t('supervision.subject.incident')} </Typography.Text>
      {can('incident.read') ? (
        <Link to={`/incidents/${f.incidentId}`}>{f.incidentNo ?? f.incidentId}</Link>
      ) : (
        f.incidentNo
      )}
    </span>
  );
  if (!caseLink && !incidentLink) return <>{`${kind} ${EMPTY}`}</>;
  if (both)
    return (
      <Space size="middle" wrap>
        {caseLink}
        {incidentLink}
      </Space>
    );
  return <>{caseLink || incidentLink}</>;
}
