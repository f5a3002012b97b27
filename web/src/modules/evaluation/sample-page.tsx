import { ArrowLeftOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type {
  RoundDetailResponse,
  RubricResponse,
  SampleDisputeDecisionRequest,
  SampleResponse,
  SampleScoreRequest,
} from '@fazhi/common';
import { Alert, Button, Card, Col, Descriptions, Form, Result, Row, Space, Spin, Tag } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { useEvaluationAction, useRound, useSample } from './api.ts';
import { DisputeCard } from './dispute-card.tsx';
import {
  fromFormValues,
  ScoreEditor,
  type ScoreFormValues,
  ScorePreview,
  toFormValues,
  useScoreErrorHandler,
} from './score-editor.tsx';
import { periodName, SampleStatusTag, ScoreText } from './tags.tsx';

type Outcome = SampleDisputeDecisionRequest['outcome'];

function Header({ s, rubric }: { s: SampleResponse; rubric: RubricResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <div className="fz-panel">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('evaluation.scoring.case')}>
          {can('case.read') ? <Link to={`/cases/${s.caseId}`}>{s.caseNo}</Link> : s.caseNo}
          <Tag style={{ marginLeft: 8 }}>{t(`evaluation.caseType.${s.caseType}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.detail.col.caseTitle')} span="filled">
          {s.caseTitle}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.round')}>
          <Link to={`/evaluation/rounds/${s.roundId}`}>{periodName(s.year, s.quarter)}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.unit')}>{s.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.officer')}>{s.officerName}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.closedAt')}>
          {formatDateTime(s.closedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.status')}>
          <SampleStatusTag status={s.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.detail.col.score')}>
          <ScoreText score={s.score} vetoed={s.vetoed} excellentScore={rubric.excellentScore} />
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.evaluator')}>
          {s.evaluatorName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.scoring.scoredAt')}>
          {formatDateTime(s.scoredAt)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** The next sample of the round still to score, after this one (wrapping round). */
function nextPending(round: RoundDetailResponse | undefined, id: number): number | undefined {
  const list = round?.samples ?? [];
  const at = list.findIndex((x) => x.id === id);
  const after = [...list.slice(at + 1), ...list.slice(0, Math.max(at, 0))];
  return after.find((x) => x.status === 'pending' && x.id !== id)?.id;
}

/** Keyed by the sample's version: a saved score or a decision starts a fresh form. */
function ScoringBody({ s, round }: { s: SampleResponse; round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const rubric = round.rubric;
  const [form] = Form.useForm<ScoreFormValues>();
  const initial = useMemo(() => toFormValues(rubric, s.deductions), [rubric, s.deductions]);
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  // The rows of the last request, to put the server's `deductions.N` messages on their rows.
  const rows = useRef<{ code: string; veto: boolean }[]>([]);
  const scoreErrors = useScoreErrorHandler();
  const canScore = s.actions.includes('score');
  const revising = s.actions.includes('decide_dispute') && outcome === 'revised';
  const next = nextPending(round, s.id);

  const save = useEvaluationAction(
    async ({ body, andNext }: { body: SampleScoreRequest; andNext: boolean }) => {
      await api.post<SampleResponse>(`/api/evaluation/samples/${s.id}/score`, body);
      return andNext;
    },
    {
      success: t('evaluation.scoring.saved'),
      onError: (e) => scoreErrors(e, form, rows.current),
      onSuccess: (andNext) => {
        if (andNext && next) navigate(`/evaluation/samples/${next}`);
      },
    },
  );
  const goingNext = save.isPending && save.variables?.andNext;
  const submit = async (andNext: boolean) => {
    // a failed check leaves its messages on the fields; nothing to send
    const values = await form.validateFields().catch((e: { errorFields?: { name: unknown }[] }) => {
      const first = e.errorFields?.[0];
      if (first)
        form.scrollToField(first.name as Parameters<typeof form.scrollToField>[0], { block: 'center' });
      return null;
    });
    if (!values) return;
    const built = fromFormValues(rubric, values);
    rows.current = built.rows;
    save.mutate({
      body: { version: s.version, deductions: built.deductions, vetoed: built.vetoed },
      andNext,
    });
  };

  const readOnly = !canScore && !revising;
  let hint: string | null = null;
  if (s.roundStatus === 'published' || s.status === 'final') hint = t('evaluation.scoring.readOnlyHint');
  else if (s.status === 'pending' && !can('evaluation.manage'))
    hint = t('evaluation.scoring.noPermissionHint');

  return (
    <Row gutter={16}>
      <Col xs={24} xl={17}>
        <Card size="small" title={t('evaluation.scoring.rubricTitle')} extra={`${rubric.name}`}>
          {hint && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={hint} />}
          <Form<ScoreFormValues> form={form} initialValues={initial} disabled={readOnly || save.isPending}>
            <ScoreEditor rubric={rubric} form={form} disabled={readOnly} />
          </Form>
        </Card>
        <DisputeCard s={s} rubric={rubric} scoreForm={form} outcome={outcome} onOutcome={setOutcome} />
      </Col>
      <Col xs={24} xl={7}>
        <div style={{ position: 'sticky', top: 16 }}>
          <ScorePreview rubric={rubric} form={form} />
          {canScore && (
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending && !goingNext}
                onClick={() => submit(false)}
                data-action="score"
              >
                {t('evaluation.scoring.save')}
              </Button>
              {next && (
                <Button loading={goingNext} onClick={() => submit(true)}>
                  {t('evaluation.scoring.saveNext')}
                </Button>
              )}
            </Space>
          )}
        </div>
      </Col>
    </Row>
  );
}

export default function SamplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useSample(id);
  const s = q.data;
  const round = useRound(s?.roundId ?? 0);

  if ((q.isPending && !s) || (s && round.isPending))
    return (
      <div className="fz-center">
        <Spin />
      </div>
    );
  if (isApiError(q.error) && q.error.status === 404)
    return (
      <Result
        status="404"
        title={t('evaluation.scoring.notFound')}
        extra={<Button onClick={() => navigate('/evaluation')}>{t('evaluation.detail.back')}</Button>}
      />
    );
  if (!s || !round.data)
    return (
      <ErrorAlert error={q.error ?? round.error} onRetry={() => (q.error ? q.refetch() : round.refetch())} />
    );

  return (
    <Page
      title={t('evaluation.scoring.title', { caseNo: s.caseNo })}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/evaluation/rounds/${s.roundId}`)}>
            {t('evaluation.scoring.backToRound')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            loading={q.isFetching}
            onClick={() => {
              void q.refetch();
              void round.refetch();
            }}
          >
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Header s={s} rubric={round.data.rubric} />
      <ScoringBody key={`${s.id}-${s.version}`} s={s} round={round.data} />
    </Page>
  );
}
