import { InboxOutlined } from '@ant-design/icons';
import {
  FINDING_FILE_MAX_BYTES,
  FINDING_FILES_MAX,
  FindingAnswerFields,
  type FindingDetailResponse,
} from '@fazhi/common';
import { Alert, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { FINDINGS_PATH, formatSize, SUPERVISION_KEYS } from '../api.ts';
import { useConflictHandler } from '../conflict.ts';

/**
 * 答复整改: the unit says what it did and attaches its evidence, in one multipart request
 * (note, version, files), so an answer never arrives without the files it names.
 */
export function AnswerDialog({
  f,
  open,
  onClose,
}: {
  f: FindingDetailResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const close = () => {
    setFiles([]);
    setTooBig(null);
    onClose();
  };
  return (
    <FormDialog<{ note: string }, FindingDetailResponse>
      kind="modal"
      width={620}
      open={open}
      onClose={close}
      title={t('supervision.answer.title', { id: f.id })}
      okText={t('supervision.answer.submit')}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supervision.answer.hint')} />
      }
      submit={async (v) => {
        const data = new FormData();
        data.append('note', v.note.trim());
        data.append('version', String(f.version));
        for (const file of files) if (file.originFileObj) data.append('files', file.originFileObj, file.name);
        const r = await api.upload<FindingDetailResponse>(`${FINDINGS_PATH}/${f.id}/answer`, data);
        setFiles([]);
        return r;
      }}
      success={t('supervision.answer.done')}
      invalidate={SUPERVISION_KEYS}
      onError={conflict}
    >
      <Form.Item
        name="note"
        label={t('supervision.answer.note')}
        rules={[required(), zodRule(FindingAnswerFields.shape.note)]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('supervision.answer.notePlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('supervision.answer.files')}>
        <Upload.Dragger
          multiple
          maxCount={FINDING_FILES_MAX}
          fileList={files}
          beforeUpload={(file) => {
            // refused here rather than after a long upload the server would reject
            if (file.size > FINDING_FILE_MAX_BYTES) {
              setTooBig(`${file.name} (${formatSize(file.size)})`);
              return Upload.LIST_IGNORE;
            }
            return false;
          }}
          onChange={({ fileList }) => {
            setFiles(fileList);
            setTooBig(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('supervision.answer.drop')}</p>
          <p className="ant-upload-hint">
            {t('supervision.answer.dropHint')}{' '}
            {t('supervision.answer.limits', {
              n: FINDING_FILES_MAX,
              size: formatSize(FINDING_FILE_MAX_BYTES),
            })}
          </p>
        </Upload.Dragger>
        {tooBig && (
          <Typography.Text type="danger">{t('supervision.answer.tooBig', { file: tooBig })}</Typography.Text>
        )}
      </Form.Item>
    </FormDialog>
  );
}
