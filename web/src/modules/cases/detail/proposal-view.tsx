import {
  type CaseResponse,
  COERCIVE_MEASURE_NAMES,
  type CoerciveMeasure,
  type OffencePenalties,
  PENALTY_TYPE_NAMES,
  type ProposedDecision,
  REVOKE_GROUND_NAMES,
} from '@fazhi/common';
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

/** One offence's penalties in a phrase: 行政拘留 5 日、罚款 200 元（一般情节）. */
export function useOffencePenaltyText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  return (o: Pick<OffencePenalties, 'tier' | 'penalties'>) => {
    const parts = o.penalties.map((x) => {
      const name = PENALTY_TYPE_NAMES[x.type][lang];
      if (x.type === 'fine') return t('cases.proposal.fineText', { name, n: x.amount ?? 0 });
      if (x.type === 'detention') return t('cases.proposal.detentionText', { name, n: x.days ?? 0 });
      return name;
    });
    return `${parts.join(lang === 'zh' ? '、' : ', ') || EMPTY}（${t(`cases.proposal.tiers.${o.tier}`)}）`;
  };
}

/** 强制措施 in a line: 李四 2026-03-02 刑事拘留（现羁押于渝州区看守所）；… */
export function measuresText(
  measures: readonly CoerciveMeasure[],
  parties: readonly Pick<CaseResponse['parties'][number], 'id' | 'name'>[],
  lang: 'zh' | 'en',
): string {
  return measures
    .map((m) => {
      const who = parties.find((p) => p.id === m.partyId)?.name;
      return `${who ? `${who} ` : ''}${m.on} ${COERCIVE_MEASURE_NAMES[m.kind][lang]}${m.place ? `（${m.place}）` : ''}`;
    })
    .join('；');
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  const penalty = usePenaltyText();
  const offencePenalty = useOffencePenaltyText();
  const party = c.parties.find((p) => p.id === proposal.partyId);
  const each = new Map((proposal.offences ?? []).map((o) => [o.code, o]));
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
            const own = each.get(code);
            return (
              <Tag key={code}>
                {o ? `${o.name}（${o.law}${o.article}）` : code}
                {own ? `：${offencePenalty(own)}` : ''}
              </Tag>
            );
          })}
        </Space>
      </Descriptions.Item>
      {proposal.measures?.length ? (
        <Descriptions.Item label={t('cases.proposal.measures')} span={compact ? 1 : 2}>
          {measuresText(proposal.measures, c.parties, lang)}
        </Descriptions.Item>
      ) : null}
      {proposal.revokeGround ? (
        <Descriptions.Item label={t('cases.proposal.revokeGround')} span={compact ? 1 : 2}>
          {REVOKE_GROUND_NAMES[proposal.revokeGround][lang]}
        </Descriptions.Item>
      ) : null}
      {proposal.guiltyPlea ? (
        <Descriptions.Item label={t('cases.proposal.guiltyPlea')} span={compact ? 1 : 2}>
          {proposal.guiltyPlea}
        </Descriptions.Item>
      ) : null}
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
