import {
  CASE_ACTION_BODIES,
  type CaseResponse,
  type Checklist,
  ChecklistEntry,
  checklistPointName,
  checklistPointNames,
  fieldMessage,
  REVIEW_CHECKLIST,
} from '@fazhi/common';
import { Alert, Form, type FormInstance, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n/index.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, postAction, useConflictHandler } from '../api.ts';
import { actionName, checklistName, gateName } from '../names.ts';
import { ProposalView } from './proposal-view.tsx';

export type ReviewOutcome = 'approve' | 'send_back' | 'disagree';
/** The form holds each item's answer as 'ok' | 'problem' so that nothing is preselected by accident. */
type Answer = 'ok' | 'problem';
interface Values {
  checklist: Record<string, { answer?: Answer; note?: string | null }>;
  reasons?: string;
}

const reasonsRule = zodRule(CASE_ACTION_BODIES.send_back.shape.reasons);
const noteRule = zodRule(ChecklistEntry.shape.note);

const ROW = {
  display: 'flex',
  alignItems: 'flex-start',
  gap: 12,
  // on a phone the note drops below the item and its answer
  flexWrap: 'wrap',
  padding: '6px 0',
  borderBottom: '1px dashed #f0f0f0',
} as const;

function toChecklist(v: Values['checklist']): Checklist {
  return Object.fromEntries(
    REVIEW_CHECKLIST.map((k) => [k, { ok: v[k]?.answer === 'ok', note: v[k]?.note?.trim() || null }]),
  ) as Checklist;
}

/** The server's wording of a checklist error, so the form and the API say the same. */
const message = (key: string, params: Record<string, string>) => fieldMessage(key, currentLanguage(), params);

/**
 * The eight items of 案件审核规范: each 符合 or 存在问题; a problem must say what it is. None is
 * answered when the dialog opens; after a submit that stopped, the points still unanswered are
 * named above them (and the list shrinks as they are answered).
 */
function ChecklistFields({ form, tried }: { form: FormInstance<Values>; tried: boolean }) {
  const { t } = useTranslation();
  const answers = Form.useWatch('checklist', form);
  const unanswered = REVIEW_CHECKLIST.filter((k) => !answers?.[k]?.answer);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '4px 12px' }}>
      {tried && unanswered.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '8px 0' }}
          data-testid="checklist-unanswered"
          title={message('case.checklist.unanswered', checklistPointNames(unanswered))}
        />
      )}
      {REVIEW_CHECKLIST.map((item) => (
        <div key={item} style={ROW} data-point={item}>
          <div style={{ width: 130, flex: 'none', fontWeight: 500 }}>{checklistName(item)}</div>
          <Form.Item
            name={['checklist', item, 'answer']}
            rules={[
              {
                required: true,
                message: message('case.checklist.pointUnanswered', checklistPointName(item)),
              },
            ]}
            style={{ marginBottom: 0 }}
          >
            <Radio.Group
              optionType="button"
              size="small"
              options={[
                { value: 'ok', label: t('cases.review.ok') },
                { value: 'problem', label: t('cases.review.problem') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={[['checklist', item, 'answer']]}>
            {() => {
              const problem = form.getFieldValue(['checklist', item, 'answer']) === 'problem';
              return (
                <Form.Item
                  name={['checklist', item, 'note']}
                  rules={
                    problem
                      ? [
                          {
                            required: true,
                            whitespace: true,
                            message: message('case.checklist.problemNote', checklistPointName(item)),
                          },
                          noteRule,
                        ]
                      : [noteRule]
                  }
                  style={{ marginBottom: 0, flex: 1, minWidth: 180 }}
                >
                  <Input
                    size="small"
                    maxLength={1000}
                    placeholder={problem ? t('cases.review.problemNote') : t('cases.review.note')}
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
        </div>
      ))}
    </div>
  );
}

/**
 * 同意 / 退回补充 / 不同意 at the current gate, with the checklist every gate answers. A send-back
 * and a disagreement go back to the officer with the reasons, so the reasons are required.
 */
export function ReviewDialog({
  c,
  outcome,
  onClose,
}: {
  c: CaseResponse;
  outcome: ReviewOutcome | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const gate = c.currentGate ? gateName(c.currentGate) : '';
  const approving = outcome === 'approve';
  // Nothing is pre-answered, approving included: the reviewer goes through every point.
  const [tried, setTried] = useState(false);
  // each opening starts afresh (the form is new each time, see FormDialog)
  const [openFor, setOpenFor] = useState(outcome);
  if (outcome !== openFor) {
    setOpenFor(outcome);
    setTried(false);
  }
  return (
    <FormDialog<Values, CaseResponse>
      open={!!outcome}
      onClose={onClose}
      width={760}
      title={`${gate} · ${outcome ? actionName(outcome) : ''} · ${c.caseNo}`}
      okText={outcome ? actionName(outcome) : undefined}
      onFinishFailed={() => setTried(true)}
      submit={(v) =>
        postAction(c, outcome!, { checklist: toChecklist(v.checklist), reasons: v.reasons?.trim() || null })
      }
      success={t('cases.actionDone', { action: outcome ? actionName(outcome) : '' })}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        <>
          {!approving && (
            <Alert
              type={outcome === 'disagree' ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t(outcome === 'disagree' ? 'cases.review.disagreeHint' : 'cases.review.sendBackHint')}
            />
          )}
          {c.proposal && (
            <div style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{t('cases.review.proposalUnderReview')}</Typography.Title>
              <ProposalView proposal={c.proposal} c={c} />
            </div>
          )}
          <Typography.Title level={5}>{t('cases.review.checklist')}</Typography.Title>
        </>
      }
    >
      {(form) => (
        <>
          <ChecklistFields form={form} tried={tried} />
          <Form.Item
            name="reasons"
            label={
              approving
                ? t('cases.review.opinion')
                : t(outcome === 'disagree' ? 'cases.review.disagreeReasons' : 'cases.review.sendBackReasons')
            }
            rules={approving ? [reasonsRule] : [required(), reasonsRule]}
            style={{ marginTop: 16 }}
          >
            <Input.TextArea
              rows={4}
              maxLength={4000}
              showCount
              placeholder={approving ? t('cases.review.opinionHint') : t('cases.review.reasonsHint')}
            />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
