/**
 * 新增法律版本: a revision of a law from the day it comes into force. The server ends the version
 * in force on that day (keeping its row), copies its general rules (ages, the detention cap, the
 * hearing threshold …) and starts the new version with no offences; until an offence is entered
 * in it, the check judges the offence by the earlier text and says so.
 */
import type { LawVersion, LawVersionAddRequest } from '@fazhi/common';
import { Alert, AutoComplete, DatePicker, Form, Input, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { required } from '../../app/ui/rules.ts';

type Values = Omit<LawVersionAddRequest, 'adoptedOn' | 'effectiveFrom'> & {
  adoptedOn: Dayjs;
  effectiveFrom: Dayjs;
};

export interface VersionEditorProps {
  open: boolean;
  onClose: () => void;
  laws: LawVersion[];
  /** The law of the version shown on the page, proposed. */
  law?: string;
  /** After saving: the page shows the new version. */
  onSaved: (v: LawVersion) => void;
}

export function VersionEditor({ open, onClose, laws, law, onSaved }: VersionEditorProps) {
  const { t } = useTranslation();
  const names = [...new Set(laws.map((l) => l.law))];
  return (
    <FormDialog<Values, LawVersion>
      open={open}
      onClose={onClose}
      kind="modal"
      title={t('law.versionEditor.title')}
      initialValues={{ law, unconfirmed: false }}
      submit={(v) =>
        api.post<LawVersion>('/api/law/versions', {
          ...v,
          adoptedOn: v.adoptedOn.format('YYYY-MM-DD'),
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        })
      }
      invalidate={[['law']]}
      success={(v) => t('law.versionEditor.saved', { id: v.id })}
      onSuccess={onSaved}
      header={<Alert type="info" showIcon title={t('law.versionEditor.hint')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="law" label={t('law.versionEditor.law')} rules={[required()]}>
        <AutoComplete options={names.map((value) => ({ value }))} />
      </Form.Item>
      <Form.Item name="title" label={t('law.versionEditor.titleField')} rules={[required()]}>
        <Input maxLength={200} placeholder={t('law.versionEditor.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="adoptedOn" label={t('law.versionEditor.adoptedOn')} rules={[required()]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label={t('law.versionEditor.effectiveFrom')}
        rules={[required()]}
        extra={t('law.versionEditor.effectiveFromHint')}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="source" label={t('law.register.source')} rules={[required()]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('law.versionEditor.sourcePlaceholder')} />
      </Form.Item>
      <Form.Item name="unconfirmed" label={t('law.register.unconfirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}
