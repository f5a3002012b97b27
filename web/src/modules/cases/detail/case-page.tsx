import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseAction, CaseResponse } from '@fazhi/common';
import { Alert, Badge, Button, Descriptions, Result, Space, Spin, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api.ts';
import { formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { useCase } from '../api.ts';
import { FlagTags, isTerminal, StatusTag, TypeTag } from '../case-tags.tsx';
import { Clock } from '../clock.tsx';
import { actionName, gateName, ruleName } from '../names.ts';
import { ActionDialog, DANGER_ACTIONS, PRIMARY_ACTIONS } from './action-dialog.tsx';
import { DecisionsTab } from './decisions-tab.tsx';
import { DiscussionsTab } from './discussions-tab.tsx';
import { EvidenceTab } from './evidence-tab.tsx';
import { OffencesTab } from './offences-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { PartiesTab } from './parties-tab.tsx';
import { ProceedingsTab } from './proceedings-tab.tsx';
import { usePenaltyText } from './proposal-view.tsx';
import { ReviewsTab } from './reviews-tab.tsx';

/** The buttons of the actions the server says this user may take now — never decided here. */
function ActionBar({ c, onAction }: { c: CaseResponse; onAction: (a: CaseAction) => void }) {
  const { t } = useTranslation();
  if (c.availableActions.length === 0)
    return <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>;
  return (
    <Space wrap>
      {c.availableActions.map((a) => (
        <Button
          key={a}
          type={PRIMARY_ACTIONS.includes(a) ? 'primary' : 'default'}
          danger={DANGER_ACTIONS.includes(a)}
          onClick={() => onAction(a)}
          data-action={a}
        >
          {actionName(a)}
        </Button>
      ))}
    </Space>
  );
}

function Header({ c, onAction }: { c: CaseResponse; onAction: (a: CaseAction) => void }) {
  const { t } = useTranslation();
  const penalty = usePenaltyText();
  const terminal = isTerminal(c.status);
  return (
    <div className="fz-panel">
      <Space size={8} wrap style={{ marginBottom: 12 }}>
        <TypeTag type={c.caseType} />
        <StatusTag c={c} />
        <FlagTags c={c} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('cases.field.unit')}>{c.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.leadOfficer')}>{c.leadOfficerName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.field.receivedAt')}>
          {formatDateTime(c.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={c.clock.rule ? ruleName(c.clock.rule) : t('cases.field.clock')}>
          <Clock clock={c.clock} stopped={terminal} inline />
        </Descriptions.Item>
        {c.status === 'in_review' && c.currentGate && (
          <Descriptions.Item label={t('cases.field.currentGate')}>
            <Badge status="processing" text={gateName(c.currentGate)} />
          </Descriptions.Item>
        )}
        {c.proposal && (
          <Descriptions.Item label={t('cases.proposal.kind')}>{penalty(c.proposal)}</Descriptions.Item>
        )}
        {c.reviewRound > 0 && (
          <Descriptions.Item label={t('cases.field.reviewRound')}>{c.reviewRound}</Descriptions.Item>
        )}
        {c.incidentNo && (
          <Descriptions.Item label={t('cases.field.incident')}>{c.incidentNo}</Descriptions.Item>
        )}
      </Descriptions>
      {c.returnedReasons && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '8px 0 4px' }}
          title={t('cases.returned.title')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.returnedReasons}</span>}
        />
      )}
      <div style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
        <ActionBar c={c} onAction={onAction} />
      </div>
    </div>
  );
}

const TABS = [
  'overview',
  'parties',
  'offences',
  'evidence',
  'reviews',
  'discussions',
  'decisions',
  'proceedings',
] as const;
type TabKey = (typeof TABS)[number];

export default function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const [reveal, setReveal] = useState(false);
  const [action, setAction] = useState<CaseAction | null>(null);
  const q = useCase(id, reveal);
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'overview';
  const c = q.data;

  if (q.isPending && !c)
    return (
      <div className="fz-center">
        <Spin />
      </div>
    );
  if (isApiError(q.error) && q.error.status === 404)
    return (
      <Result
        status="404"
        title={t('cases.detail.notFound')}
        subTitle={t('cases.detail.notFoundHint')}
        extra={<Button onClick={() => navigate('/cases')}>{t('cases.list.title')}</Button>}
      />
    );
  if (!c) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;

  const count = (n: number) => (n ? ` (${n})` : '');
  const openProceedings = c.proceedings.filter((p) => p.status === 'open').length;
  const tabs: { key: TabKey; label: string; children: ReactNode }[] = [
    { key: 'overview', label: t('cases.tab.overview'), children: <OverviewTab c={c} /> },
    {
      key: 'parties',
      label: t('cases.tab.parties') + count(c.parties.length),
      children: <PartiesTab c={c} revealed={reveal} onReveal={setReveal} />,
    },
    {
      key: 'offences',
      label: t('cases.tab.offences') + count(c.offences.length),
      children: <OffencesTab c={c} />,
    },
    {
      key: 'evidence',
      label: t('cases.tab.evidence') + count(c.evidence.length),
      children: <EvidenceTab c={c} />,
    },
    {
      key: 'reviews',
      label: t('cases.tab.reviews') + count(c.reviews.length),
      children: <ReviewsTab c={c} />,
    },
    {
      key: 'discussions',
      label: t('cases.tab.discussions') + count(c.discussions.length),
      children: <DiscussionsTab c={c} />,
    },
    {
      key: 'decisions',
      label: t('cases.tab.decisions') + count(c.decisions.length),
      children: <DecisionsTab c={c} />,
    },
    {
      key: 'proceedings',
      label: t('cases.tab.proceedings') + count(openProceedings),
      children: <ProceedingsTab c={c} />,
    },
  ];

  return (
    <Page
      title={`${c.caseNo} ${c.title}`}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
          <Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => q.refetch()}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Header c={c} onAction={setAction} />
      <div className="fz-panel" style={{ paddingTop: 4 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            // whole personal data is shown on the parties tab only, and hidden again on leaving it
            if (k !== 'parties') setReveal(false);
            const next = new URLSearchParams(params);
            if (k === 'overview') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={tabs}
        />
      </div>
      <ActionDialog c={c} action={action} onClose={() => setAction(null)} />
    </Page>
  );
}
