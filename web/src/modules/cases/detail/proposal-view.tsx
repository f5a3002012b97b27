import type { CaseResponse, ProposedDecision } from '@fazhi/common';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY } from '../../../app/ui/format.ts';
import { TWO_COLUMNS } from '../../../app/ui/responsive.tsx';
import { decisionName } from '../names.ts';

/** The penalty in one phrase: 罚款 500 元, 行政拘留 10 日, 没收 …, 警告. */
export function usePenaltyText() {
  const { t } = useTranslation();
  return (
    p: {
      kind: string;
      fineAmount: number | null;
      detentionDays: number | null;
      confiscation: string | null;
    } | null,
  ) => {
    if (!p) return EMPTY;
    const name = decisionName(p.kind);
    if (p.kind === 'fine' && p.fineAmount != null)
      return t('cases.proposal.fineText', { name, n: p.fineAmount });
    // 并处罚款: a fine decided with detention or confiscation is part of the penalty.
    const withFine = (text: string) =>
      p.fineAmount != null && p.kind !== 'fine'
        ? `${text}${t('cases.proposal.withFine', { n: p.fineAmount })}`
        : text;
    if (p.kind === 'detention' && p.detentionDays != null)
      return withFine(t('cases.proposal.detentionText', { name, n: p.detentionDays }));
    if (p.kind === 'confiscation' && p.confiscation) return withFine(`${name}：${p.confiscation}`);
    return name;
  };
}

/** The decision a round reviews, read-only: what every gate and the decider see. */
export function ProposalView({
  proposal,
  c,
  compact,
}: {
  proposal: ProposedDecision;
  c: Pick<CaseResponse, 'parties' | 'offences'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const penalty = usePenaltyText();
  const party = c.parties.find((p) => p.id === proposal.partyId);
  const offence = (code: string) => c.offences.find((o) => o.code === code);
  return (
    <Descriptions size="small" column={compact ? 1 : TWO_COLUMNS} bordered={!compact}>
      <Descriptions.Item label={t('cases.proposal.kind')}>
        <Typography.Text strong>{penalty(proposal)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.proposal.party')}>{party?.name ?? EMPTY}</Descriptions.Item>
      <Descriptions.Item label={t('cases.proposal.offences')} span={compact ? 1 : 2}>
        <Space size={[4, 4]} wrap>
          {proposal.penaltyItemCodes.map((code) => {
            const o = offence(code);
            return <Tag key={code}>{o ? `${o.name}（${o.law}${o.article}）` : code}</Tag>;
          })}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.proposal.facts')} span={compact ? 1 : 2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {proposal.facts}
        </Typography.Paragraph>
      </Descriptions.Item>
      {proposal.reasoning ? (
        <Descriptions.Item label={t('cases.proposal.reasoning')} span={compact ? 1 : 2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {proposal.reasoning}
          </Typography.Paragraph>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
