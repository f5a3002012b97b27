import {
  CheckCircleFilled,
  CloseCircleFilled,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { type CaseResponse, type Gate, REVIEW_CHECKLIST, type ReviewResponse } from '@fazhi/common';
import { Alert, Card, Empty, Space, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/ui/format.ts';
import { actionName, checklistName, gateName } from '../names.ts';
import { ProposalView } from './proposal-view.tsx';

type Outcome = ReviewResponse['outcome'];
const RETURNED: readonly Outcome[] = ['send_back', 'disagree'];

const LOOK: Record<Outcome, { color: string; icon: ReactNode; tag: string }> = {
  submit: { color: 'blue', icon: <SendOutlined style={{ color: '#1677ff' }} />, tag: 'blue' },
  approve: { color: 'green', icon: <CheckCircleFilled style={{ color: '#52c41a' }} />, tag: 'success' },
  send_back: { color: 'red', icon: <RollbackOutlined style={{ color: '#cf1322' }} />, tag: 'error' },
  disagree: { color: 'red', icon: <StopOutlined style={{ color: '#cf1322' }} />, tag: 'error' },
};

/** The eight checklist answers as small tags; a problem shows its note. */
function ChecklistTags({ checklist }: { checklist: NonNullable<ReviewResponse['checklist']> }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {REVIEW_CHECKLIST.map((k) => {
        const e = checklist[k];
        if (!e) return null;
        const tag = (
          <Tag
            key={k}
            color={e.ok ? 'success' : 'error'}
            icon={e.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
          >
            {checklistName(k)}
            {!e.ok && e.note ? `：${e.note}` : ''}
          </Tag>
        );
        return e.ok && e.note ? (
          <Tooltip key={k} title={`${t('cases.review.note')}：${e.note}`}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Space>
  );
}

function Act({ r, c }: { r: ReviewResponse; c: CaseResponse }) {
  const { t } = useTranslation();
  const returned = RETURNED.includes(r.outcome);
  const label = r.outcome === 'submit' ? actionName('submit') : actionName(r.outcome);
  const head = (
    <Space size={8} wrap>
      <Typography.Text strong>{gateName(r.gate)}</Typography.Text>
      <Tag color={LOOK[r.outcome].tag}>{label}</Tag>
      <Typography.Text>{r.reviewerName ?? `#${r.reviewerId}`}</Typography.Text>
      <Typography.Text type="secondary">{formatDateTime(r.actedAt)}</Typography.Text>
    </Space>
  );
  const body = (
    <>
      {r.proposal && (
        <div style={{ marginTop: 8 }}>
          <ProposalView proposal={r.proposal} c={c} compact />
        </div>
      )}
      {r.checklist && (
        <div style={{ marginTop: 8 }}>
          <ChecklistTags checklist={r.checklist} />
        </div>
      )}
      {!returned && r.reasons && (
        <div style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('cases.review.opinion')}：</Typography.Text>
          {r.reasons}
        </div>
      )}
    </>
  );
  // A send-back or a disagreement is what the officer must act on: it stands out in red.
  if (returned)
    return (
      <Alert
        type="error"
        title={head}
        description={
          <>
            <div style={{ whiteSpace: 'pre-wrap', fontWeight: 500, marginTop: 4 }}>
              {t(r.outcome === 'disagree' ? 'cases.review.disagreeReasons' : 'cases.review.sendBackReasons')}
              ：{r.reasons}
            </div>
            {body}
          </>
        }
      />
    );
  return (
    <div>
      {head}
      {body}
    </div>
  );
}

/** Where the current round stands on its chain of gates. */
function GateSteps({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  if (c.gates.length === 0 || c.reviewRound === 0) return null;
  const round = c.reviews.filter((r) => r.round === c.reviewRound);
  const lastAt = (g: Gate) => round.filter((r) => r.gate === g).at(-1);
  const items = c.gates.map((g) => {
    const r = lastAt(g);
    let status: 'finish' | 'process' | 'error' | 'wait' = 'wait';
    if (r) status = RETURNED.includes(r.outcome) ? 'error' : 'finish';
    else if (c.status === 'in_review' && c.currentGate === g) status = 'process';
    return {
      title: gateName(g),
      status,
      content: r ? (
        <div style={{ fontSize: 12 }}>
          <div>{r.reviewerName}</div>
          <div>{formatDateTime(r.actedAt)}</div>
        </div>
      ) : status === 'process' ? (
        <span style={{ fontSize: 12 }}>{t('cases.review.waiting')}</span>
      ) : undefined,
    };
  });
  return (
    <Card
      size="small"
      title={t('cases.review.currentRound', { n: c.reviewRound })}
      style={{ marginBottom: 16 }}
    >
      <Steps size="small" items={items} />
    </Card>
  );
}

/** 审核记录: every act at every gate, round by round, newest round first. */
export function ReviewsTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  if (c.reviews.length === 0) return <Empty description={t('cases.review.none')} />;
  const rounds = [...new Set(c.reviews.map((r) => r.round))].sort((a, b) => b - a);
  return (
    <>
      <GateSteps c={c} />
      {rounds.map((n) => {
        const acts = c.reviews.filter((r) => r.round === n);
        const returned = acts.some((r) => RETURNED.includes(r.outcome));
        return (
          <Card
            key={n}
            size="small"
            style={{ marginBottom: 16 }}
            title={
              <Space>
                {t('cases.review.round', { n })}
                {returned && <Tag color="error">{t('cases.review.returnedRound')}</Tag>}
              </Space>
            }
          >
            <Timeline
              items={acts.map((r) => ({
                key: r.id,
                color: LOOK[r.outcome].color,
                icon: LOOK[r.outcome].icon,
                content: <Act r={r} c={c} />,
              }))}
            />
          </Card>
        );
      })}
    </>
  );
}
