import {
  AppraisalRequest,
  type CaseResponse,
  ExtendPeriodRequest,
  type ProceedingResponse,
  type ProceedingStep,
  ProceedingStepRequest,
} from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY, formatDate } from '../../../app/ui/format.ts';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, useConflictHandler } from '../api.ts';
import { isTerminal } from '../case-tags.tsx';
import { Clock } from '../clock.tsx';
import { afterCstToday, cstToday, isoDay } from '../dates.ts';
import { feedbackName, proceedingName, ruleName } from '../names.ts';
import { OfficerSelect } from '../officer-select.tsx';

const stepNote = ProceedingStepRequest.shape.note;

/** The detail fields worth showing, in the order a reader wants them; the rest as they come. */
/** The detail fields shown, in this order; anything else (ids, internals) is not for reading. */
const DETAIL_ORDER = [
  'feedbackKind',
  'docNo',
  'receivedOn',
  'content',
  'victim',
  'statement',
  'statementText',
  'statementReview',
  'hearingRight',
  'hearing',
  'schedule',
  'approvingOrgan',
  'approverName',
  'approvedOn',
  'approvalRef',
  'recordedByName',
  'reason',
  'from',
  'to',
  'days',
  'dueBefore',
  'dueAfter',
  'extension',
  'serveOn',
  'serveNote',
  'applyOn',
  'applyNote',
  'replyOn',
  'replyNote',
  'concludeOn',
  'concludeNote',
  'withdrawn',
  'informedAgain',
  'method',
  'noticeReason',
  'note',
];

/** A detail value in words: codes by their names, flags as yes, records as a sentence. */
function detailText(t: TFunction, k: string, v: unknown): string | null {
  if (k === 'feedbackKind') return feedbackName(String(v));
  if (k === 'statement') return t(`cases.inform.statements.${String(v)}`);
  if (k === 'hearing') return t(`cases.inform.hearings.${String(v)}`);
  if (k === 'method') return t(`cases.inform.methods.${String(v)}`);
  if (k === 'hearingRight') {
    const h = v as { message?: string; basis?: string };
    return h.message ? `${h.message}${h.basis ? `（${h.basis}）` : ''}` : null;
  }
  if (k === 'schedule') {
    const h = v as {
      heldOn?: string;
      place?: string;
      hostName?: string;
      notifiedOn?: string;
      closedSession?: boolean;
    };
    return `${t('cases.proceeding.scheduleText', {
      heldOn: h.heldOn ?? '',
      place: h.place ?? '',
      host: h.hostName ?? '',
      notifiedOn: h.notifiedOn ?? '',
    })}${h.closedSession ? t('cases.proceeding.closedSessionText') : ''}`;
  }
  if (k === 'extension') {
    const e = v as { days?: number; approvedOn?: string; approvedByName?: string; dueAfter?: string };
    return t('cases.proceeding.extensionText', {
      days: e.days ?? '',
      on: e.approvedOn ?? '',
      by: e.approvedByName ?? '',
      due: e.dueAfter ?? '',
    });
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : null;
  if (typeof v === 'object') return null;
  return String(v);
}

function DetailView({ p }: { p: ProceedingResponse }) {
  const { t } = useTranslation();
  const entries = DETAIL_ORDER.flatMap((k) => {
    const v = p.detail[k];
    const text = v === null || v === undefined || v === '' ? null : detailText(t, k, v);
    return text ? [[k, text] as const] : [];
  });
  if (!entries.length) return <>{EMPTY}</>;
  return (
    <Descriptions size="small" column={1}>
      {entries.map(([k, text]) => (
        <Descriptions.Item key={k} label={t(`cases.proceeding.detail.${k}`)}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

type StepValues = {
  on: Dayjs;
  outcome?: string | null;
  note?: string;
  heldOn?: Dayjs;
  place?: string;
  hostId?: number;
  closedSession?: boolean;
};

/** One step on a proceeding: serve the notice, register a 复议/复核 application, reply, conclude. */
function StepDialog({
  c,
  target,
  onClose,
}: {
  c: CaseResponse;
  target: { p: ProceedingResponse; step: ProceedingStep } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const step = target?.step;
  const window = !!target?.p.kind.endsWith('_window');
  const outcomes = step === 'conclude' ? (window ? ['lapsed'] : ['upheld', 'overturned']) : [];
  const hearing = target?.p.kind === 'hearing';
  // A hearing's conclusion rests on its record (听证笔录, 行政处罚法 art.65).
  const noteKey = hearing && step === 'conclude' ? 'hearingRecord' : (step ?? 'serve');
  return (
    <FormDialog<StepValues, CaseResponse>
      kind="modal"
      open={!!target}
      onClose={onClose}
      title={target ? `${proceedingName(target.p.kind)} · ${t(`cases.proceeding.step.${target.step}`)}` : ''}
      okText={step ? t(`cases.proceeding.step.${step}`) : undefined}
      initialValues={{ on: cstToday(), outcome: outcomes.length === 1 ? outcomes[0] : undefined }}
      submit={(v) =>
        api.post<CaseResponse>(`/api/cases/${c.id}/proceedings/${target!.p.id}/${target!.step}`, {
          on: isoDay(v.on),
          outcome: step === 'conclude' ? (v.outcome ?? null) : null,
          note: v.note?.trim() || null,
          ...(step === 'schedule'
            ? {
                heldOn: isoDay(v.heldOn),
                place: v.place?.trim() || null,
                hostId: v.hostId ?? null,
                closedSession: v.closedSession ?? false,
              }
            : {}),
        })
      }
      success={t('common.done')}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        step && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`cases.proceeding.stepHint.${step}`)}
          />
        )
      }
    >
      <Form.Item name="on" label={t(`cases.proceeding.onLabel.${step ?? 'serve'}`)} rules={[required()]}>
        <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
      </Form.Item>
      {outcomes.length > 0 && (
        <Form.Item name="outcome" label={t('cases.proceeding.outcomeLabel')} rules={[required()]}>
          <Radio.Group
            options={outcomes.map((o) => ({
              value: o,
              // a hearing judges the intended penalty, not a decision already made
              label: t(
                target?.p.kind === 'hearing'
                  ? `cases.proceeding.hearingOutcome.${o}`
                  : `cases.proceeding.outcome.${o}`,
              ),
            }))}
          />
        </Form.Item>
      )}
      {step === 'schedule' && (
        <>
          <Form.Item
            name="heldOn"
            label={t('cases.proceeding.heldOn')}
            extra={t('cases.proceeding.heldOnHint')}
            rules={[required()]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('cases.proceeding.place')}
            rules={[required(), zodRule(ProceedingStepRequest.shape.place)]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="hostId"
            label={t('cases.proceeding.host')}
            extra={t('cases.proceeding.hostHint')}
            rules={[required()]}
          >
            <OfficerSelect />
          </Form.Item>
          <Form.Item name="closedSession" valuePropName="checked">
            <Checkbox>{t('cases.proceeding.closedSession')}</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item
        name="note"
        label={t(`cases.proceeding.noteLabel.${noteKey}`)}
        rules={
          step === 'reply' || noteKey === 'hearingRecord'
            ? [required(), zodRule(stepNote)]
            : [zodRule(stepNote)]
        }
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}

function ExtendDialog({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  return (
    <FormDialog<
      {
        reason: string;
        approvingOrgan: string;
        approverName: string;
        approvedOn: Dayjs;
        approvalRef: string;
      },
      CaseResponse
    >
      kind="modal"
      open={open}
      onClose={onClose}
      title={t('cases.period.extendTitle')}
      okText={t('cases.period.extend')}
      initialValues={{ approvedOn: cstToday() }}
      submit={(v) =>
        api.post<CaseResponse>(`/api/cases/${c.id}/extend-period`, {
          reason: v.reason,
          approvingOrgan: v.approvingOrgan,
          approverName: v.approverName,
          approvedOn: isoDay(v.approvedOn),
          approvalRef: v.approvalRef,
        })
      }
      success={t('common.done')}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.period.extendHint')} />
      }
    >
      <Form.Item
        name="reason"
        label={t('cases.act.reason')}
        rules={[required(), zodRule(ExtendPeriodRequest.shape.reason)]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="approvingOrgan"
        label={t('cases.period.approvingOrgan')}
        rules={[required(), zodRule(ExtendPeriodRequest.shape.approvingOrgan)]}
      >
        <Input maxLength={100} placeholder={t('cases.period.approvingOrganHint')} />
      </Form.Item>
      <Form.Item
        name="approverName"
        label={t('cases.period.approverName')}
        rules={[required(), zodRule(ExtendPeriodRequest.shape.approverName)]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="approvedOn" label={t('cases.period.approvedOn')} rules={[required()]}>
        <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
      </Form.Item>
      <Form.Item
        name="approvalRef"
        label={t('cases.period.approvalRef')}
        rules={[required(), zodRule(ExtendPeriodRequest.shape.approvalRef)]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </FormDialog>
  );
}

function AppraisalDialog({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  return (
    <FormDialog<{ range: [Dayjs, Dayjs]; note?: string }, CaseResponse>
      kind="modal"
      open={open}
      onClose={onClose}
      title={t('cases.period.appraisalTitle')}
      submit={(v) =>
        api.post<CaseResponse>(`/api/cases/${c.id}/appraisals`, {
          from: isoDay(v.range[0]),
          to: isoDay(v.range[1]),
          note: v.note?.trim() || null,
        })
      }
      success={t('common.done')}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.period.appraisalHint')} />
      }
    >
      <Form.Item name="range" label={t('cases.period.appraisalRange')} rules={[required()]}>
        <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
      </Form.Item>
      <Form.Item name="note" label={t('cases.act.note')} rules={[zodRule(AppraisalRequest.shape.note)]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}

/** The administrative case period (30 days, +30 with approval, appraisal time excluded). */
function PeriodCard({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const [open, setOpen] = useState<'extend' | 'appraisal' | null>(null);
  const running = c.clock.rule === 'admin_case_period' && !isTerminal(c.status);
  // the next-higher organ approves an extension: the legal detachment or the branch head
  const approver = can('case.review') && (me.roles.includes('legal') || me.roles.includes('branch_head'));
  return (
    <Card size="small" title={t('cases.period.title')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={t('cases.period.clock')}>
          {ruleName(c.clock.rule) || EMPTY}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.period.due')}>
          <Clock clock={c.clock} stopped={isTerminal(c.status)} inline />
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.period.extended')}>
          {t('cases.period.days', { count: c.periodExtendedDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.period.appraisal')}>
          {t('cases.period.days', { count: c.appraisalDays })}
        </Descriptions.Item>
      </Descriptions>
      {running && (
        <Space style={{ marginTop: 8 }} wrap>
          {approver && c.periodExtensionsLeft > 0 && (
            <Button onClick={() => setOpen('extend')}>{t('cases.period.extend')}</Button>
          )}
          {can('case.write') && (
            <Button onClick={() => setOpen('appraisal')}>{t('cases.period.recordAppraisal')}</Button>
          )}
        </Space>
      )}
      <ExtendDialog c={c} open={open === 'extend'} onClose={() => setOpen(null)} />
      <AppraisalDialog c={c} open={open === 'appraisal'} onClose={() => setOpen(null)} />
    </Card>
  );
}

/** 程序与期限: side proceedings, each on its own clock, with the steps the user may take. */
export function ProceedingsTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<{ p: ProceedingResponse; step: ProceedingStep } | null>(null);
  return (
    <>
      {c.caseType === 'admin' && <PeriodCard c={c} />}
      <ResponsiveTable<ProceedingResponse>
        rowKey="id"
        cardTitle="kind"
        cardExtra="status"
        size="small"
        dataSource={c.proceedings}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('cases.proceeding.none') }}
        columns={[
          {
            title: t('cases.proceeding.kind'),
            dataIndex: 'kind',
            width: 170,
            render: (k: ProceedingResponse['kind']) => (
              <Typography.Text strong>{proceedingName(k)}</Typography.Text>
            ),
          },
          { title: t('cases.proceeding.startedOn'), dataIndex: 'startedOn', width: 110, render: formatDate },
          {
            title: t('cases.proceeding.due'),
            key: 'clock',
            width: 130,
            render: (_: unknown, p) => <Clock clock={p.clock} stopped={p.status === 'done'} />,
          },
          {
            title: t('common.status'),
            key: 'status',
            width: 150,
            render: (_: unknown, p) =>
              p.status === 'open' ? (
                <Tag color="processing">{t('cases.proceeding.open')}</Tag>
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tag>
                    {p.outcome
                      ? t(`cases.proceeding.outcome.${p.outcome}`, { defaultValue: p.outcome })
                      : t('cases.proceeding.done')}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(p.closedOn)}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: t('cases.proceeding.detailLabel'),
            key: 'detail',
            render: (_: unknown, p) => <DetailView p={p} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_: unknown, p) => (
              <Space size={0} wrap>
                {p.availableSteps.map((s) => (
                  <Button key={s} type="link" size="small" onClick={() => setTarget({ p, step: s })}>
                    {t(`cases.proceeding.step.${s}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <StepDialog c={c} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
