import {
  AccountabilityCreateRequest,
  type AccountabilityResponse,
  type FindingResponse,
} from '@fazhi/common';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { OfficerSelect } from '../../cases/officer-select.tsx';
import { SUPERVISION_KEYS } from '../api.ts';

export const ACCOUNTABILITY_PATH = '/api/supervision/accountability';

/** 启动问责: an accountability record from a confirmed violation, naming the officer and the fault. */
export function OpenAccountabilityDialog({
  f,
  open,
  onClose,
}: {
  f: FindingResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ fault: string; officerId?: number }, AccountabilityResponse>
      kind="modal"
      width={600}
      open={open}
      onClose={onClose}
      title={t('supervision.accountability.openTitle', { id: f.id })}
      okText={t('supervision.accountability.open')}
      initialValues={{ fault: f.message, officerId: f.officerId ?? undefined }}
      header={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('supervision.accountability.openHint')}
        />
      }
      submit={(v) =>
        api.post<AccountabilityResponse>(ACCOUNTABILITY_PATH, {
          findingId: f.id,
          fault: v.fault.trim(),
          officerId: v.officerId,
        })
      }
      success={t('supervision.accountability.opened')}
      invalidate={SUPERVISION_KEYS}
    >
      <Form.Item name="officerId" label={t('supervision.accountability.officer')}>
        <OfficerSelect
          known={f.officerId && f.officerName ? [{ id: f.officerId, name: f.officerName }] : []}
        />
      </Form.Item>
      <Form.Item
        name="fault"
        label={t('supervision.accountability.fault')}
        rules={[required(), zodRule(AccountabilityCreateRequest.shape.fault)]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
