import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  FINDING_ACTION_NAMES,
  type FindingDetailResponse,
  OPEN_FINDING_STATUSES,
  type SupervisionDocKind,
} from '@fazhi/common';
import { Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { bilingual } from '../../../app/i18n/index.ts';
import { useAction } from '../../../app/ui/action.ts';
import { EMPTY, formatDateTime } from '../../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { OpenAccountabilityDialog } from '../accountability/open-dialog.tsx';
import { useFinding } from '../api.ts';
import {
  accountabilityStatusName,
  docKindName,
  measureName,
  ruleName,
  severityName,
  sourceName,
} from '../names.ts';
import { Deadline, FindingTags } from '../tags.tsx';
import { AnswerDialog } from './answer-dialog.tsx';
import { SubjectLink } from './subject-link.tsx';
import { downloadDocument, SuperviseDialog } from './supervise-dialog.tsx';
import { Thread } from './thread.tsx';
import { VerifyDialog } from './verify-dialog.tsx';

type Dialog = 'answer' | 'verify' | 'dismiss' | 'accountability' | 'supervise' | null;

/**
 * The buttons come from the finding's `actions`, which the server computes from the workflow
 * table and the caller's permissions; 督办 is a document, so it follows supervision.manage.
 */
function ActionBar({ f, onAction }: { f: FindingDetailResponse; onAction: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const verifying = f.actions.includes('correct') || f.actions.includes('return');
  const buttons: { key: Exclude<Dialog, null>; label: string; primary?: boolean; danger?: boolean }[] = [];
  if (f.actions.includes('answer'))
    buttons.push({ key: 'answer', label: bilingual(FINDING_ACTION_NAMES.answer), primary: true });
  if (verifying) buttons.push({ key: 'verify', label: t('supervision.finding.verify'), primary: true });
  else if (f.actions.includes('dismiss'))
    buttons.push({ key: 'dismiss', label: t('supervision.finding.dismiss') });
  if (can('supervision.manage') && OPEN_FINDING_STATUSES.includes(f.status))
    buttons.push({ key: 'supervise', label: t('supervision.finding.supervise') });
  if (f.actions.includes('accountability'))
    buttons.push({
      key: 'accountability',
      label: bilingual(FINDING_ACTION_NAMES.accountability),
      danger: true,
    });
  if (!buttons.length)
    return <Typography.Text type="secondary">{t('supervision.finding.noActions')}</Typography.Text>;
  return (
    <Space wrap>
      {buttons.map((b) => (
        <Button
          key={b.key}
          type={b.primary ? 'primary' : 'default'}
          danger={b.danger}
          data-action={b.key}
          onClick={() => onAction(b.key)}
        >
          {b.label}
        </Button>
      ))}
    </Space>
  );
}

function Header({ f, onAction }: { f: FindingDetailResponse; onAction: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const d = (label: string, children: ReactNode, span = 1) => ({ key: label, label, children, span });
  return (
    <div className="fz-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="finding-message">
        {f.message}
      </Typography.Title>
      <div style={{ marginBottom: 12 }}>
        <FindingTags f={f} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          d(t('supervision.finding.subject'), <SubjectLink f={f} both />),
          d(t('supervision.finding.unit'), f.unitName),
          d(t('supervision.finding.officer'), f.officerName ?? EMPTY),
          d(t('supervision.finding.rule'), f.rule ? ruleName(f.rule) : f.ruleName),
          d(t('supervision.finding.severity'), severityName(f.severity)),
          d(t('supervision.finding.source'), sourceName(f.source)),
          d(t('supervision.finding.occurredOn'), f.occurredOn),
          d(t('supervision.finding.raisedAt'), formatDateTime(f.raisedAt)),
          d(t('supervision.finding.deadline'), <Deadline f={f} />),
          ...(f.closedAt
            ? [
                d(t('supervision.finding.closedAt'), formatDateTime(f.closedAt)),
                d(t('supervision.finding.closedReason'), f.closedReason ?? EMPTY, 2),
              ]
            : []),
          ...(f.rule?.legalBasis ? [d(t('supervision.finding.legalBasis'), f.rule.legalBasis, 3)] : []),
        ]}
      />
      <div style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
        <ActionBar f={f} onAction={onAction} />
      </div>
    </div>
  );
}

/** The documents issued about the finding and the accountability record opened from it. */
function Related({ f }: { f: FindingDetailResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const download = useAction((doc: { id: number; docNo: string }) => downloadDocument(doc));
  return (
    <>
      <Card size="small" title={t('supervision.finding.documents')} style={{ marginBottom: 16 }}>
        {f.documents.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
        ) : (
          <List
            size="small"
            dataSource={f.documents}
            renderItem={(doc) => (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={download.isPending && download.variables?.id === doc.id}
                    onClick={() => download.mutate(doc)}
                  >
                    {t('common.download')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={doc.docNo}
                  description={`${docKindName(doc.kind as SupervisionDocKind)} · ${doc.title}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {f.accountability && (
        <Card size="small" title={t('supervision.finding.accountability')}>
          <Space orientation="vertical">
            <span>
              {accountabilityStatusName(f.accountability.status as 'open' | 'decided')}
              {f.accountability.measure &&
                ` · ${measureName(f.accountability.measure as Parameters<typeof measureName>[0])}`}
            </span>
            {can('supervision.manage') && (
              <Link to={`/supervision/accountability?findingId=${f.id}`}>
                {t('supervision.accountability.title')}
              </Link>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}

/** 监督问题: the problem, its subject and rule, the rectification thread, and what to do next. */
export default function FindingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useFinding(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const f = q.data;
  const close = () => setDialog(null);

  if (q.isPending && !f)
    return (
      <div className="fz-center">
        <Spin />
      </div>
    );
  if (isApiError(q.error) && (q.error.status === 404 || q.error.status === 400))
    return (
      <Result
        status="404"
        title={t('supervision.finding.notFound')}
        extra={
          <Button onClick={() => navigate('/supervision/findings')}>{t('supervision.finding.back')}</Button>
        }
      />
    );
  if (!f) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;

  return (
    <Page
      title={t('supervision.finding.title', { id: f.id })}
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
      <Header f={f} onAction={setDialog} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('supervision.finding.thread')} style={{ marginBottom: 16 }}>
            <Thread f={f} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Related f={f} />
        </Col>
      </Row>
      <AnswerDialog f={f} open={dialog === 'answer'} onClose={close} />
      <VerifyDialog
        f={f}
        open={dialog === 'verify' || dialog === 'dismiss'}
        initial={dialog === 'dismiss' ? 'dismissed' : undefined}
        onClose={close}
      />
      <SuperviseDialog f={f} open={dialog === 'supervise'} onClose={close} />
      <OpenAccountabilityDialog f={f} open={dialog === 'accountability'} onClose={close} />
    </Page>
  );
}
