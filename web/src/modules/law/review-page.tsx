/** 新旧法适用复查: decisions since a revision whose citation or penalty the law in force contradicts. */
import { type LawReviewItem, type LawReviewListResponse, TIER_NAMES, tierText } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { ResponsiveTable } from '../../app/ui/responsive-table.tsx';

export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const q = useQuery({
    queryKey: ['law', 'review-list'],
    queryFn: () => api.get<LawReviewListResponse>('/api/law/review-list'),
  });
  return (
    <Page title={t('law.review.title')}>
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Typography.Paragraph type="secondary">{t('law.review.hint')}</Typography.Paragraph>
      <ResponsiveTable<LawReviewItem>
        rowKey={(r) => `${r.decisionId}|${r.offence}`}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('law.review.empty')} /> }}
        cardTitle="docNo"
        columns={[
          {
            key: 'docNo',
            title: t('law.review.docNo'),
            render: (_: unknown, r: LawReviewItem) => <Link to={`/cases/${r.caseId}`}>{r.docNo}</Link>,
          },
          { key: 'caseNo', title: t('law.review.caseNo'), dataIndex: 'caseNo' },
          { key: 'decidedOn', title: t('law.review.decidedOn'), dataIndex: 'decidedOn', width: 110 },
          { key: 'actDate', title: t('law.review.actDate'), dataIndex: 'actDate', width: 110 },
          { key: 'offence', title: t('law.review.offence'), dataIndex: 'offence' },
          { key: 'cited', title: t('law.review.cited'), dataIndex: 'cited' },
          {
            key: 'applied',
            title: t('law.review.applied'),
            render: (_: unknown, r: LawReviewItem) =>
              r.applied ? (
                <Space direction="vertical" size={2}>
                  <span>{r.applied.article}</span>
                  <Tag>{t(`law.review.reason.${r.applied.reason}`)}</Tag>
                </Space>
              ) : null,
          },
          {
            key: 'newLaw',
            title: t('law.review.newLaw'),
            render: (_: unknown, r: LawReviewItem) =>
              r.newLaw ? (
                <Space direction="vertical" size={2}>
                  <strong>{r.newLaw.article}</strong>
                  {r.newLaw.range.map((tier) => (
                    <span key={tier.tier}>
                      {tier.label ?? TIER_NAMES[tier.tier][lang === 'en-US' ? 'en' : 'zh']}：
                      {tierText(tier, lang)}
                    </span>
                  ))}
                </Space>
              ) : null,
          },
          {
            key: 'problems',
            title: t('law.review.problems'),
            render: (_: unknown, r: LawReviewItem) =>
              r.violations.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {r.violations.map((v) => (
                    <li key={v.rule + v.message}>{v.message}</li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">{t('law.review.none')}</Typography.Text>
              ),
          },
        ]}
      />
    </Page>
  );
}
