/**
 * 评分异议: the sampled case's unit contests a score once; the legal detachment keeps it (upheld)
 * or replaces it with new deductions (revised), entered in the scoring form above.
 */
import { ExclamationCircleOutlined } from '@ant-design/icons';
import {
  type SampleDisputeDecisionRequest as DecisionBody,
  type RubricResponse,
  SampleDisputeDecisionRequest,
  SampleDisputeRequest,
  type SampleResponse,
} from '@fazhi/common';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  Radio,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { required, zodRule } from '../../app/ui/rules.ts';
import { EVALUATION_KEY, useConflictHandler, useEvaluationAction } from './api.ts';
import { fromFormValues, type ScoreFormValues, useScoreErrorHandler } from './score-editor.tsx';

type Outcome = DecisionBody['outcome'];

function RaiseDispute({ s }: { s: SampleResponse }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const conflict = useConflictHandler();
  return (
    <>
      <Button icon={<ExclamationCircleOutlined />} onClick={() => setOpen(true)} data-action="dispute">
        {t('evaluation.dispute.raise')}
      </Button>
      <FormDialog<{ reason: string }, SampleResponse>
        kind="modal"
        title={t('evaluation.dispute.raiseTitle')}
        open={open}
        onClose={() => setOpen(false)}
        okText={t('evaluation.dispute.raise')}
        header={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('evaluation.dispute.raiseHint')}
          />
        }
        submit={(v) =>
          api.post<SampleResponse>(`/api/evaluation/samples/${s.id}/dispute`, { ...v, version: s.version })
        }
        invalidate={[EVALUATION_KEY]}
        onError={conflict}
        success={t('evaluation.dispute.raised')}
      >
        <Form.Item
          name="reason"
          label={t('evaluation.dispute.reason')}
          rules={[required(), zodRule(SampleDisputeRequest.shape.reason)]}
        >
          <Input.TextArea rows={5} maxLength={1000} showCount />
        </Form.Item>
      </FormDialog>
    </>
  );
}

function DecideDispute({
  s,
  rubric,
  scoreForm,
  outcome,
  onOutcome,
}: {
  s: SampleResponse;
  rubric: RubricResponse;
  scoreForm: FormInstance<ScoreFormValues>;
  outcome: Outcome;
  onOutcome: (o: Outcome) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const scoreErrors = useScoreErrorHandler();
  // The rows of the last request, to put the server's `deductions.N` messages on their rows.
  const rows = useRef<{ code: string; veto: boolean }[]>([]);
  const decide = useEvaluationAction(
    (body: DecisionBody) => api.post<SampleResponse>(`/api/evaluation/samples/${s.id}/decide-dispute`, body),
    {
      form,
      success: t('evaluation.dispute.decided'),
      onError: (e) => scoreErrors(e, scoreForm, rows.current),
    },
  );
  const submit = async () => {
    // a failed check leaves its messages on the fields; nothing to send
    const decision = await form.validateFields().catch(() => null);
    if (!decision) return;
    const body: DecisionBody = { version: s.version, outcome, note: decision.note };
    if (outcome === 'revised') {
      const values = await scoreForm.validateFields().catch(() => null);
      if (!values) return;
      const built = fromFormValues(rubric, values);
      rows.current = built.rows;
      body.deductions = built.deductions;
      body.vetoed = built.vetoed;
    }
    decide.mutate(body);
  };
  return (
    <div style={{ marginTop: 16, paddingTop: 16, borderTop: '1px solid #f0f0f0' }}>
      <Typography.Title level={5}>{t('evaluation.dispute.decideTitle')}</Typography.Title>
      <Form form={form} layout="vertical" disabled={decide.isPending}>
        <Form.Item label={t('evaluation.dispute.outcome')} required>
          <Radio.Group
            value={outcome}
            onChange={(e) => onOutcome(e.target.value as Outcome)}
            options={(['upheld', 'revised'] as const).map((o) => ({
              value: o,
              label: t(`evaluation.dispute.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        {outcome === 'revised' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('evaluation.dispute.revisedHint')}
          />
        )}
        <Form.Item
          name="note"
          label={t('evaluation.dispute.note')}
          rules={[required(), zodRule(SampleDisputeDecisionRequest.shape.note)]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Button type="primary" loading={decide.isPending} onClick={submit} data-action="decide_dispute">
          {t('evaluation.dispute.decide')}
        </Button>
      </Form>
    </div>
  );
}

export function DisputeCard(props: {
  s: SampleResponse;
  rubric: RubricResponse;
  scoreForm: FormInstance<ScoreFormValues>;
  outcome: Outcome;
  onOutcome: (o: Outcome) => void;
}) {
  const { t } = useTranslation();
  const { s } = props;
  const d = s.dispute;
  const canRaise = s.actions.includes('dispute');
  const canDecide = s.actions.includes('decide_dispute');
  return (
    <Card
      size="small"
      title={t('evaluation.dispute.title')}
      extra={canRaise && <RaiseDispute s={s} />}
      style={{ marginTop: 16 }}
    >
      {!d ? (
        <Typography.Text type="secondary">{t('evaluation.dispute.none')}</Typography.Text>
      ) : (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('evaluation.dispute.reason')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d.reason}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluation.dispute.raisedBy')}>{d.by}</Descriptions.Item>
          <Descriptions.Item label={t('evaluation.dispute.raisedAt')}>
            {formatDateTime(d.at)}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluation.dispute.outcome')} span={2}>
            {d.outcome ? (
              <Tag color={d.outcome === 'upheld' ? 'blue' : 'orange'}>
                {t(`evaluation.dispute.outcomes.${d.outcome}`)}
              </Tag>
            ) : (
              <Tag color="orange">{t('evaluation.dispute.pending')}</Tag>
            )}
          </Descriptions.Item>
          {d.outcome && (
            <>
              <Descriptions.Item label={t('evaluation.dispute.note')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{d.note}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('evaluation.dispute.decidedBy')}>{d.decidedBy}</Descriptions.Item>
              <Descriptions.Item label={t('evaluation.dispute.decidedAt')}>
                {formatDateTime(d.decidedAt)}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
      {canDecide && <DecideDispute {...props} />}
    </Card>
  );
}
