import {
  type FindingAction,
  type FindingDetailResponse,
  VERIFY_OUTCOME_ACTIONS,
  VERIFY_OUTCOMES,
  type VerifyOutcome,
} from '@fazhi/common';
import { Alert, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required } from '../../../app/ui/rules.ts';
import { FINDINGS_PATH, SUPERVISION_KEYS } from '../api.ts';
import { useConflictHandler } from '../conflict.ts';

interface Values {
  outcome: VerifyOutcome;
  note?: string;
  confirmedViolation?: boolean;
  rectifyDueOn?: Dayjs;
}

/** The outcomes the caller may choose now: those whose action the server listed for the finding. */
export const verifyOutcomes = (actions: readonly FindingAction[]) =>
  VERIFY_OUTCOMES.filter((o) => actions.includes(VERIFY_OUTCOME_ACTIONS[o]));

/**
 * 核查: the detachment closes the finding as corrected (perhaps a confirmed violation), sends it
 * back with a new deadline, or dismisses it. The note is required except for a plain 'corrected'.
 */
export function VerifyDialog({
  f,
  open,
  onClose,
  initial,
}: {
  f: FindingDetailResponse;
  open: boolean;
  onClose: () => void;
  initial?: VerifyOutcome;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const outcomes = verifyOutcomes(f.actions);
  return (
    <FormDialog<Values, FindingDetailResponse>
      kind="modal"
      width={600}
      open={open}
      onClose={onClose}
      title={t('supervision.verify.title', { id: f.id })}
      okText={t('supervision.verify.submit')}
      initialValues={{ outcome: initial ?? outcomes[0], confirmedViolation: f.confirmedViolation }}
      submit={(v) =>
        api.post<FindingDetailResponse>(`${FINDINGS_PATH}/${f.id}/verify`, {
          version: f.version,
          outcome: v.outcome,
          note: v.note?.trim() ?? '',
          ...(v.outcome !== 'dismissed' ? { confirmedViolation: !!v.confirmedViolation } : {}),
          ...(v.outcome === 'returned' && v.rectifyDueOn
            ? { rectifyDueOn: v.rectifyDueOn.format('YYYY-MM-DD') }
            : {}),
        })
      }
      success={t('supervision.verify.done')}
      invalidate={SUPERVISION_KEYS}
      onError={conflict}
    >
      {(form) => (
        <>
          <Form.Item name="outcome" label={t('supervision.verify.outcome')} rules={[required()]}>
            <Radio.Group
              options={outcomes.map((o) => ({ value: o, label: t(`supervision.verify.outcomes.${o}`) }))}
              optionType="button"
              buttonStyle="solid"
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['outcome']}>
            {() => {
              const outcome = form.getFieldValue('outcome') as VerifyOutcome | undefined;
              return (
                <>
                  <Form.Item
                    name="note"
                    label={t('supervision.verify.note')}
                    rules={outcome === 'corrected' ? [] : [required()]}
                  >
                    <Input.TextArea rows={3} maxLength={2000} showCount />
                  </Form.Item>
                  {outcome === 'returned' && (
                    <Form.Item name="rectifyDueOn" label={t('supervision.verify.newDeadline')}>
                      <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                    </Form.Item>
                  )}
                  {outcome !== 'dismissed' && (
                    <>
                      <Form.Item
                        name="confirmedViolation"
                        valuePropName="checked"
                        style={{ marginBottom: 4 }}
                      >
                        <Checkbox>{t('supervision.verify.confirmedViolation')}</Checkbox>
                      </Form.Item>
                      <Alert type="warning" showIcon title={t('supervision.verify.confirmedHint')} />
                    </>
                  )}
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
