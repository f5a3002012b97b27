import {
  ADMIN_DECISIONS,
  type CaseResponse,
  CRIMINAL_DECISIONS,
  DEFAULT_GATES,
  type DecisionKind,
  type Gate,
  ProposedDecision,
  REVOKE_GROUND_NAMES,
  REVOKE_GROUNDS,
  TIERS,
  withOffenceTotals,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Steps,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { bilingual } from '../../../app/i18n/index.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { HALF } from '../../../app/ui/responsive.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, postAction, useConflictHandler } from '../api.ts';
import { afterCstToday, isoDay } from '../dates.ts';
import { actionName, decisionName, gateName } from '../names.ts';
import { DiscretionPanel } from './discretion-panel.tsx';
import {
  CriminalParticularsFields,
  type MeasureValues,
  measuresOf,
  OffencePenaltyFields,
  type SplitValues,
  splitOffences,
  splitValues,
} from './proposal-particulars.tsx';
import { usePenaltyText } from './proposal-view.tsx';

const shape = ProposedDecision.shape;
type Values = {
  proposal: Omit<ProposedDecision, 'actDate' | 'measures'> & {
    actDate?: unknown;
    measures?: MeasureValues[];
  };
  /** 分别裁量: each offence's tier and penalties, by offence code. */
  split?: Record<string, SplitValues>;
};
/** Kinds that need no penalty in the offence's item (the server checks the same). */
const ANY_ITEM: readonly DecisionKind[] = ['no_penalty', 'case_revoked'];
/** The kinds whose documents go to the procuratorate with the suspects' 强制措施. */
const TO_PROCURATORATE: readonly DecisionKind[] = ['arrest_request', 'prosecution_transfer'];

/** Several offences of an administrative penalty are decided one by one (分别决定). */
const decidesEach = (c: CaseResponse, p: Values['proposal'] | undefined) =>
  c.caseType === 'admin' && (p?.penaltyItemCodes?.length ?? 0) > 1 && p?.kind !== 'no_penalty';

/**
 * Only the amounts the kind takes travel: a fine switched to a warning drops its amount; a fine
 * goes with detention or confiscation as 并处罚款. Several offences carry their own penalties, and
 * the kind and totals follow from them.
 */
const clean = (c: CaseResponse, v: Values): ProposedDecision => {
  const p = v.proposal;
  const toProcuratorate = TO_PROCURATORATE.includes(p.kind);
  return withOffenceTotals({
    ...p,
    fineAmount: ['fine', 'detention', 'confiscation'].includes(p.kind) ? (p.fineAmount ?? null) : null,
    detentionDays: p.kind === 'detention' ? p.detentionDays : null,
    confiscation: p.kind === 'confiscation' || decidesEach(c, p) ? (p.confiscation ?? null) : null,
    partyId: p.partyId ?? null,
    reasoning: p.reasoning ?? '',
    actDate: isoDay(p.actDate),
    tier: p.tier ?? 'ordinary',
    offences: decidesEach(c, p) ? splitOffences(p.penaltyItemCodes, v.split) : null,
    measures: toProcuratorate ? measuresOf(p.measures) : null,
    guiltyPlea: toProcuratorate ? p.guiltyPlea?.trim() || null : null,
    revokeGround: p.kind === 'case_revoked' ? (p.revokeGround ?? null) : null,
  });
};

function useGateChains() {
  return useQuery({
    queryKey: ['cases', 'review-config'],
    queryFn: () => api.get<{ gates: Record<DecisionKind, Gate[]> }>('/api/cases/review-config'),
    staleTime: 10 * 60_000,
  });
}

/** The gates a proposal will pass, as the branch configured them. */
function GatePreview({ kind }: { kind: DecisionKind | undefined }) {
  const { t } = useTranslation();
  const chains = useGateChains();
  if (!kind) return null;
  const gates = chains.data?.gates[kind] ?? DEFAULT_GATES[kind];
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('cases.submit.route')}</Typography.Text>
      <Steps
        size="small"
        current={0}
        style={{ marginTop: 8 }}
        items={gates.map((g) => ({ title: gateName(g) }))}
      />
    </div>
  );
}

/** The fine: the penalty itself, or 并处 with detention or confiscation (then optional). */
function FineField({ label, mandatory }: { label: string; mandatory?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={['proposal', 'fineAmount']}
      label={label}
      rules={mandatory ? [required(), zodRule(shape.fineAmount)] : [zodRule(shape.fineAmount)]}
    >
      <InputNumber min={0.01} step={100} precision={2} style={{ width: '100%' }} suffix={t('cases.yuan')} />
    </Form.Item>
  );
}

/** The proposal's fields; the penalty's own fields appear with its kind. */
function ProposalFields({ form, c }: { form: FormInstance<Values>; c: CaseResponse }) {
  const { t } = useTranslation();
  const kinds = c.caseType === 'admin' ? ADMIN_DECISIONS : CRIMINAL_DECISIONS;
  const needsParty = c.caseType === 'admin';
  const kind = Form.useWatch(['proposal', 'kind'], form) as DecisionKind | undefined;
  const draft = Form.useWatch('proposal', form) as Values['proposal'] | undefined;
  const split = Form.useWatch('split', form) as Values['split'];
  const codes = (Form.useWatch(['proposal', 'penaltyItemCodes'], form) as string[] | undefined) ?? [];
  const each = decidesEach(c, draft);
  const cleaned = draft?.kind ? clean(c, { proposal: draft, split }) : undefined;
  // Offences decided one by one: the kind follows from their penalties (the gravest), shown in
  // the select as it would be saved; 不予处罚 stays the officer's own choice.
  const derived =
    each && draft
      ? withOffenceTotals({ ...clean(c, { proposal: { ...draft, kind: 'warning' }, split }) }).kind
      : undefined;
  const hasPenalty = each && splitOffences(codes, split).some((o) => o.penalties.length > 0);
  useEffect(() => {
    if (hasPenalty && derived && kind !== 'no_penalty' && kind !== derived)
      form.setFieldValue(['proposal', 'kind'], derived);
  }, [hasPenalty, derived, kind, form]);
  const penaltyText = usePenaltyText();
  const allowed = new Set(c.offences.filter((o) => codes.includes(o.code)).flatMap((o) => o.penalties));
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name={['proposal', 'penaltyItemCodes']}
          label={t('cases.proposal.offences')}
          rules={[required(), zodRule(shape.penaltyItemCodes)]}
          extra={t('cases.submit.offencesHint')}
        >
          <Select
            mode="multiple"
            options={c.offences.map((o) => ({
              value: o.code,
              label: `${o.name}（${o.law}${o.article}）`,
            }))}
          />
        </Form.Item>
      </Col>
      <Col {...HALF}>
        <Form.Item name={['proposal', 'kind']} label={t('cases.proposal.kind')} rules={[required()]}>
          <Select
            options={kinds.map((k) => ({
              value: k,
              label: decisionName(k),
              // the law must allow the penalty for at least one chosen offence
              disabled: codes.length > 0 && !ANY_ITEM.includes(k) && !allowed.has(k),
            }))}
          />
        </Form.Item>
      </Col>
      <Col {...HALF}>
        {each && cleaned && (
          <Form.Item label={t('cases.proposal.combined')}>
            <Typography.Text data-testid="combined">{penaltyText(cleaned)}</Typography.Text>
          </Form.Item>
        )}
        {!each && kind === 'fine' && <FineField label={t('cases.proposal.fineAmount')} mandatory />}
        {!each && kind === 'detention' && (
          <Form.Item
            name={['proposal', 'detentionDays']}
            label={t('cases.proposal.detentionDays')}
            rules={[required(), zodRule(shape.detentionDays)]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} suffix={t('cases.days')} />
          </Form.Item>
        )}
      </Col>
      {each && <OffencePenaltyFields c={c} codes={codes} />}
      {c.caseType === 'admin' && (
        <>
          {!each && (
            <Col {...HALF}>
              <Form.Item name={['proposal', 'tier']} label={t('cases.proposal.tier')} initialValue="ordinary">
                <Select options={TIERS.map((x) => ({ value: x, label: t(`cases.proposal.tiers.${x}`) }))} />
              </Form.Item>
            </Col>
          )}
          <Col {...HALF}>
            <Form.Item
              name={['proposal', 'actDate']}
              label={t('cases.proposal.actDate')}
              extra={t('cases.proposal.actDateHint')}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
            </Form.Item>
          </Col>
          {!each && (kind === 'detention' || kind === 'confiscation') && (
            <Col {...HALF}>
              <FineField label={t('cases.proposal.additionalFine')} />
            </Col>
          )}
        </>
      )}
      {kind && TO_PROCURATORATE.includes(kind) && <CriminalParticularsFields c={c} />}
      {kind === 'case_revoked' && (
        <Col span={24}>
          <Form.Item
            name={['proposal', 'revokeGround']}
            label={t('cases.proposal.revokeGround')}
            rules={[required()]}
          >
            <Select
              options={REVOKE_GROUNDS.map((g) => ({
                value: g,
                label: bilingual(REVOKE_GROUND_NAMES[g]),
              }))}
            />
          </Form.Item>
        </Col>
      )}
      {(kind === 'confiscation' || (each && split && Object.values(split).some((x) => x?.confiscation))) && (
        <Col span={24}>
          <Form.Item
            name={['proposal', 'confiscation']}
            label={t('cases.proposal.confiscation')}
            rules={[required(), zodRule(shape.confiscation)]}
          >
            <Input maxLength={500} placeholder={t('cases.proposal.confiscationHint')} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <DiscretionPanel c={c} draft={cleaned} />
        <GatePreview kind={cleaned?.kind ?? kind} />
      </Col>
      <Col span={24}>
        <Form.Item
          name={['proposal', 'partyId']}
          label={t('cases.proposal.party')}
          rules={needsParty ? [required()] : []}
        >
          <Select
            allowClear
            options={c.parties.map((p) => ({
              value: p.id,
              label: `${p.name}（${t(`cases.party.role.${p.role}`)}）`,
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={['proposal', 'facts']}
          label={t('cases.proposal.facts')}
          rules={[required(), zodRule(shape.facts)]}
        >
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={['proposal', 'reasoning']}
          label={t('cases.proposal.reasoning')}
          rules={[zodRule(shape.reasoning)]}
        >
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 提交审核: the officer's proposed decision, which decides the gates it passes. */
export function SubmitDialog({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const needsParty = c.caseType === 'admin';
  const needsDiscussion = c.major && c.discussions.length === 0;
  // a resubmission after a send-back starts from the last proposal
  const initial: Partial<Values> = {
    proposal: c.proposal
      ? {
          ...c.proposal,
          actDate: c.proposal.actDate ? dayjs(c.proposal.actDate) : undefined,
          measures: c.proposal.measures?.map((m) => ({ ...m, on: dayjs(m.on) })),
        }
      : ({ penaltyItemCodes: c.offences.map((o) => o.code) } as Values['proposal']),
    split: splitValues(c.proposal?.offences ?? null),
  };
  return (
    <FormDialog<Values, CaseResponse>
      open={open}
      onClose={onClose}
      width={720}
      title={`${actionName('submit')} · ${c.caseNo}`}
      okText={actionName('submit')}
      initialValues={initial}
      submit={(v) => postAction(c, 'submit', { proposal: clean(c, v) })}
      success={t('cases.actionDone', { action: actionName('submit') })}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={
        <>
          {c.offences.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('cases.submit.noOffences')}
            />
          )}
          {needsParty && c.parties.length === 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cases.submit.noParties')} />
          )}
          {needsDiscussion && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('cases.submit.needsDiscussion')}
            />
          )}
          {c.returnedReasons && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('cases.returned.title')}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.returnedReasons}</span>}
            />
          )}
        </>
      }
    >
      {(form) => <ProposalFields form={form} c={c} />}
    </FormDialog>
  );
}
