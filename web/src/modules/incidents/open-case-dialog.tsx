import { CASE_TYPES, type CaseType, type IncidentResponse } from '@fazhi/common';
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { ROUTES } from '../../app/modules.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDate } from '../../app/ui/format.ts';
import { required } from '../../app/ui/rules.ts';
import { INCIDENTS_KEY } from './api.ts';
import { categoryLabel } from './names.ts';

interface Values {
  caseType: CaseType;
  title: string;
}

/**
 * Accepts an administrative case or opens a criminal filing review from the incident. The
 * cases API takes over the incident's unit, time and narrative and marks it case_opened.
 */
export function OpenCaseDialog({
  incident,
  onClose,
}: {
  incident: IncidentResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const casePage = ROUTES.some((r) => r.path === '/cases/:id');
  const criminal = incident?.categoryCode.startsWith('XS') ?? false;
  return (
    <FormDialog<Values, { id: number; caseNo: string }>
      kind="modal"
      width={560}
      open={!!incident}
      onClose={onClose}
      title={t('incidents.openCase.title', { no: incident?.incidentNo ?? '' })}
      initialValues={{
        caseType: criminal ? 'criminal' : 'admin',
        title: incident ? `${formatDate(incident.receivedAt)} ${categoryLabel(incident)}` : '',
      }}
      okText={t('incidents.openCase.submit')}
      submit={(v) =>
        api.post<{ id: number; caseNo: string }>('/api/cases', {
          caseType: v.caseType,
          incidentId: incident!.id,
          title: v.title.trim(),
          summary: incident!.narrative,
        })
      }
      success={(c) => t('incidents.openCase.done', { no: c.caseNo })}
      invalidate={[[...INCIDENTS_KEY], ['cases']]}
      onSuccess={(c) => {
        if (casePage) navigate(`/cases/${c.id}`);
      }}
      header={
        <Alert type="info" showIcon title={t('incidents.openCase.hint')} style={{ marginBottom: 16 }} />
      }
    >
      <Form.Item name="caseType" label={t('incidents.openCase.caseType')} rules={[required()]}>
        <Radio.Group options={CASE_TYPES.map((c) => ({ value: c, label: t(`incidents.openCase.${c}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('incidents.openCase.caseTitle')} rules={[required()]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
