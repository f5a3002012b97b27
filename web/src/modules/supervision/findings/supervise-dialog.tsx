import {
  type FindingResponse,
  SupervisionDocumentCreateRequest,
  type SupervisionDocumentResponse,
} from '@fazhi/common';
import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { zodRule } from '../../../app/ui/rules.ts';
import { SUPERVISION_KEYS } from '../api.ts';

export const DOCUMENTS_PATH = '/api/supervision/documents';

/** Downloads an issued document as the .docx the server keeps. */
export const downloadDocument = (d: Pick<SupervisionDocumentResponse, 'id' | 'docNo'>) =>
  api.download(`${DOCUMENTS_PATH}/${d.id}/file`, undefined, `${d.docNo}.docx`);

/**
 * 督办: a 督办通知书 to the finding's unit about this finding alone, numbered for the year; the
 * server marks the finding supervised. The document downloads as soon as it is issued.
 */
export function SuperviseDialog({
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
    <FormDialog<{ requirements?: string; deadline?: Dayjs }, SupervisionDocumentResponse>
      kind="modal"
      width={560}
      open={open}
      onClose={onClose}
      title={t('supervision.supervise.title', { id: f.id })}
      okText={t('supervision.supervise.submit')}
      initialValues={{ deadline: dayjs(f.rectifyDueOn).isAfter(dayjs()) ? dayjs(f.rectifyDueOn) : undefined }}
      header={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('supervision.supervise.hint', { unit: f.unitName })}
        />
      }
      submit={async (v) => {
        const doc = await api.post<SupervisionDocumentResponse>(DOCUMENTS_PATH, {
          kind: 'supervise_notice',
          unitId: f.unitId,
          findingIds: [f.id],
          requirements: v.requirements?.trim() || undefined,
          deadline: v.deadline?.format('YYYY-MM-DD'),
        });
        await downloadDocument(doc);
        return doc;
      }}
      success={(d) => t('supervision.supervise.done', { docNo: d.docNo })}
      invalidate={SUPERVISION_KEYS}
    >
      <Form.Item
        name="requirements"
        label={t('supervision.supervise.requirements')}
        rules={[zodRule(SupervisionDocumentCreateRequest.shape.requirements)]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="deadline" label={t('supervision.supervise.deadline')}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}
