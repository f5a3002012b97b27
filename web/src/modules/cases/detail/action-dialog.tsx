import {
  CASE_ACTION_BODIES,
  type CaseAction,
  type CaseResponse,
  FEEDBACK_KINDS,
  NOT_FILED_FEEDBACK,
} from '@fazhi/common';
import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, postAction, useConflictHandler } from '../api.ts';
import { afterCstToday, cstToday, isoDay as day } from '../dates.ts';
import { actionName, feedbackName, ruleName } from '../names.ts';
import { InformFields } from './inform-fields.tsx';
import { ProposalView } from './proposal-view.tsx';
import { ReviewDialog, type ReviewOutcome } from './review-dialog.tsx';
import { SubmitDialog } from './submit-dialog.tsx';

const B = CASE_ACTION_BODIES;
type Values = Record<string, unknown>;

/** Actions that refuse, end or undo something: a red button and a warning in the dialog. */
export const DANGER_ACTIONS: readonly CaseAction[] = [
  'refuse',
  'refuse_filing',
  'send_back',
  'disagree',
  'transfer',
  'reopen',
  'withdraw',
];
export const PRIMARY_ACTIONS: readonly CaseAction[] = [
  'accept',
  'file',
  'submit',
  'approve',
  'inform',
  'decide',
  'close',
];

function DateField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={[required()]}>
      <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
    </Form.Item>
  );
}

function TextField({
  name,
  label,
  rule,
  req = true,
  hint,
}: {
  name: string;
  label: string;
  rule: Parameters<typeof zodRule>[0];
  req?: boolean;
  hint?: string;
}) {
  return (
    <Form.Item name={name} label={label} rules={req ? [required(), zodRule(rule)] : [zodRule(rule)]}>
      <Input.TextArea rows={4} maxLength={4000} showCount placeholder={hint} />
    </Form.Item>
  );
}

/** The fields, hint and body of each simple action (the proposal and review forms are their own). */
function useSimpleAction(c: CaseResponse, action: CaseAction) {
  const { t } = useTranslation();
  const today = cstToday();
  const specs: Partial<
    Record<
      CaseAction,
      { fields: ReactNode; initial?: Values; hint?: ReactNode; body?: (v: Values) => object }
    >
  > = {
    accept: {
      initial: { acceptedOn: today },
      hint: t('cases.act.acceptHint'),
      fields: (
        <>
          <DateField name="acceptedOn" label={t('cases.act.acceptedOn')} />
          <TextField name="note" label={t('cases.act.note')} rule={B.accept.shape.note} req={false} />
        </>
      ),
      body: (v) => ({ acceptedOn: day(v.acceptedOn), note: v.note || null }),
    },
    request_filing: {
      initial: { proposed: 'file' },
      hint: t('cases.act.requestFilingHint'),
      fields: (
        <>
          <Form.Item name="proposed" label={t('cases.act.proposedFiling')} rules={[required()]}>
            <Select
              options={(['file', 'refuse_filing', 'extend_review', 'transfer'] as const).map((a) => ({
                value: a,
                label: actionName(a),
              }))}
            />
          </Form.Item>
          <TextField name="reason" label={t('cases.act.reason')} rule={B.request_filing.shape.reason} />
          <Form.Item
            name="complainantPartyId"
            label={t('cases.act.complainant')}
            extra={t('cases.act.complainantHint')}
          >
            <Select
              allowClear
              options={c.parties.map((p) => ({
                value: p.id,
                label: `${p.name}（${t(`cases.party.role.${p.role}`)}）`,
              }))}
            />
          </Form.Item>
        </>
      ),
      body: (v) => ({
        proposed: v.proposed,
        reason: v.reason,
        complainantPartyId: v.complainantPartyId ?? null,
      }),
    },
    file: {
      initial: { filedOn: today },
      hint: t('cases.act.fileHint'),
      fields: (
        <>
          <DateField name="filedOn" label={t('cases.act.filedOn')} />
          <TextField name="note" label={t('cases.act.note')} rule={B.file.shape.note} req={false} />
        </>
      ),
      body: (v) => ({ filedOn: day(v.filedOn), note: v.note || null }),
    },
    extend_review: {
      hint: t('cases.act.extendReviewHint'),
      fields: (
        <TextField name="note" label={t('cases.act.note')} rule={B.extend_review.shape.note} req={false} />
      ),
      body: (v) => ({ note: v.note || null }),
    },
    refuse: {
      hint: t('cases.act.refuseHint'),
      fields: <TextField name="reason" label={t('cases.act.reason')} rule={B.refuse.shape.reason} />,
    },
    refuse_filing: {
      hint: t('cases.act.refuseFilingHint', { rule: ruleName('not_filed_notice_service') }),
      fields: (
        <>
          <TextField name="reason" label={t('cases.act.reason')} rule={B.refuse_filing.shape.reason} />
          <Form.Item
            name="complainantPartyId"
            label={t('cases.act.complainant')}
            extra={t('cases.act.complainantHint')}
          >
            <Select
              allowClear
              options={c.parties.map((p) => ({
                value: p.id,
                label: `${p.name}（${t(`cases.party.role.${p.role}`)}）`,
              }))}
            />
          </Form.Item>
        </>
      ),
      body: (v) => ({ reason: v.reason, complainantPartyId: v.complainantPartyId ?? null }),
    },
    transfer: {
      hint: t('cases.act.transferHint'),
      fields: (
        <>
          <Form.Item
            name="transferTo"
            label={t('cases.act.transferTo')}
            rules={[required(), zodRule(B.transfer.shape.transferTo)]}
          >
            <Input maxLength={100} placeholder={t('cases.act.transferToHint')} />
          </Form.Item>
          <TextField name="reason" label={t('cases.act.reason')} rule={B.transfer.shape.reason} />
        </>
      ),
    },
    mediate: {
      hint: t('cases.act.mediateHint'),
      fields: <TextField name="reason" label={t('cases.act.mediation')} rule={B.mediate.shape.reason} />,
    },
    decide: {
      initial: { decidedOn: today },
      hint: (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(c.caseType === 'criminal' ? 'cases.act.decideCriminalHint' : 'cases.act.decideHint')}
          />
          {c.proposal && <ProposalView proposal={c.proposal} c={c} />}
        </>
      ),
      fields: <DateField name="decidedOn" label={t('cases.act.decidedOn')} />,
      body: (v) => ({ decidedOn: day(v.decidedOn) }),
    },
    inform: {
      initial: { informedOn: today },
      hint: (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.inform.hint')} />
          {c.proposal && <ProposalView proposal={c.proposal} c={c} />}
        </>
      ),
      fields: (
        <>
          <DateField name="informedOn" label={t('cases.inform.informedOn')} />
          <InformFields c={c} />
        </>
      ),
      body: (v) => ({
        informedOn: day(v.informedOn),
        method: v.method ?? 'in_person',
        noticeReason: typeof v.noticeReason === 'string' ? v.noticeReason.trim() || null : null,
        statement: v.statement,
        statementText: v.statementText || null,
        statementReview: v.statementReview || null,
        hearing: v.hearing ?? null,
      }),
    },
    withdraw: {
      hint: t('cases.inform.withdrawHint'),
      fields: <TextField name="reason" label={t('cases.act.reason')} rule={B.withdraw.shape.reason} />,
    },
    record_feedback: {
      initial: { receivedOn: today },
      hint: t('cases.act.feedbackHint'),
      fields: (
        <>
          <Form.Item name="feedbackKind" label={t('cases.act.feedbackKind')} rules={[required()]}>
            <Select
              options={FEEDBACK_KINDS.filter((k) =>
                c.status === 'not_filed' ? NOT_FILED_FEEDBACK.includes(k) : k !== 'explain_not_filing',
              ).map((k) => ({ value: k, label: feedbackName(k) }))}
            />
          </Form.Item>
          <DateField name="receivedOn" label={t('cases.act.receivedOn')} />
          <Form.Item
            name="docNo"
            label={t('cases.act.feedbackDocNo')}
            rules={[zodRule(B.record_feedback.shape.docNo)]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <TextField
            name="content"
            label={t('cases.act.feedbackContent')}
            rule={B.record_feedback.shape.content}
          />
        </>
      ),
      body: (v) => ({
        feedbackKind: v.feedbackKind,
        receivedOn: day(v.receivedOn),
        docNo: (v.docNo as string | undefined)?.trim() || null,
        content: v.content,
      }),
    },
    reopen: {
      hint: t('cases.act.reopenHint'),
      fields: <TextField name="reason" label={t('cases.act.reason')} rule={B.reopen.shape.reason} />,
    },
    close: {
      hint: t('cases.act.closeHint'),
      fields: <TextField name="note" label={t('cases.act.note')} rule={B.close.shape.note} req={false} />,
      body: (v) => ({ note: v.note || null }),
    },
  };
  return specs[action];
}

function SimpleActionDialog({
  c,
  action,
  onClose,
}: {
  c: CaseResponse;
  action: CaseAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const spec = useSimpleAction(c, action);
  if (!spec) return null;
  const danger = DANGER_ACTIONS.includes(action);
  return (
    <FormDialog<Values, CaseResponse>
      kind="modal"
      width={action === 'decide' || action === 'inform' ? 760 : 560}
      open
      onClose={onClose}
      title={`${actionName(action)} · ${c.caseNo}`}
      okText={actionName(action)}
      initialValues={spec.initial}
      submit={(v) => postAction(c, action, spec.body ? spec.body(v) : v)}
      success={t('cases.actionDone', { action: actionName(action) })}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        spec.hint && (
          <div style={{ marginBottom: 16 }}>
            {typeof spec.hint === 'string' ? (
              <Alert type={danger ? 'warning' : 'info'} showIcon title={spec.hint} />
            ) : (
              spec.hint
            )}
          </div>
        )
      }
    >
      {spec.fields}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.act.audited')}
      </Typography.Text>
    </FormDialog>
  );
}

const REVIEW_OUTCOMES: readonly CaseAction[] = ['approve', 'send_back', 'disagree'];

/** The form for whichever action the user chose; the buttons come from the server's list. */
export function ActionDialog({
  c,
  action,
  onClose,
}: {
  c: CaseResponse;
  action: CaseAction | null;
  onClose: () => void;
}) {
  return (
    <>
      <SubmitDialog c={c} open={action === 'submit'} onClose={onClose} />
      <ReviewDialog
        c={c}
        outcome={action && REVIEW_OUTCOMES.includes(action) ? (action as ReviewOutcome) : null}
        onClose={onClose}
      />
      {action && action !== 'submit' && !REVIEW_OUTCOMES.includes(action) && (
        <SimpleActionDialog key={action} c={c} action={action} onClose={onClose} />
      )}
    </>
  );
}
