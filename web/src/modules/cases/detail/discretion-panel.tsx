import { type CaseResponse, LAW_RULE_NAMES, type PenaltyCheckResponse, tierText } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';

/** The value settled for a moment (the officer is still typing an amount otherwise). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/**
 * 裁量 helper beside the proposal: the law version that applies (从旧兼从轻), the legal range of
 * the chosen tier, and what the penalty check would refuse — the same check every gate runs.
 */
export function DiscretionPanel({
  c,
  draft,
}: {
  c: CaseResponse;
  draft: Record<string, unknown> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const settled = useSettled(draft);
  const ready =
    c.caseType === 'admin' &&
    settled &&
    typeof settled.kind === 'string' &&
    Array.isArray(settled.penaltyItemCodes) &&
    settled.penaltyItemCodes.length > 0 &&
    // the amount the kind needs is there (the form asks for it; no check of a half-filled draft)
    !(settled.kind === 'fine' && settled.fineAmount == null) &&
    !(settled.kind === 'detention' && settled.detentionDays == null);
  const check = useQuery({
    queryKey: ['cases', c.id, 'penalty-check', settled],
    enabled: Boolean(ready),
    queryFn: () =>
      api.post<PenaltyCheckResponse>(`/api/cases/${c.id}/penalty-check`, {
        ...settled,
        facts: (settled?.facts as string) || '—',
      }),
    staleTime: 60_000,
  });
  if (!ready || !check.data) return null;
  const r = check.data;

  return (
    <div data-testid="discretion" style={{ marginBottom: 16 }}>
      {r.applied.map((a) => {
        const range = a.range.find((x) => x.tier === a.tier);
        return (
          <Alert
            key={a.offence}
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={
              <Space wrap size={4}>
                <span>
                  {t('cases.discretion.applied', { offence: a.offence, law: a.law, article: a.article })}
                </span>
                <Tag>{t(`cases.discretion.reason.${a.reason}`)}</Tag>
                {a.unconfirmed && <Tag color="orange">{t('cases.discretion.unconfirmed')}</Tag>}
              </Space>
            }
            description={
              range ? (
                <Typography.Text>
                  {t('cases.discretion.range', { range: tierText(range, lang) })}
                </Typography.Text>
              ) : undefined
            }
          />
        );
      })}
      {r.violations.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('cases.discretion.unlawful')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {r.violations.map((v) => (
                <li key={v.rule + v.message}>
                  <strong>
                    {LAW_RULE_NAMES[v.rule]?.[lang === 'en-US' ? 'en' : 'zh'] ?? t('cases.discretion.rule')}
                  </strong>
                  ：{v.message}
                  {v.basis && <Typography.Text type="secondary">（{v.basis}）</Typography.Text>}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {r.notices.map((n) => (
        <Alert
          key={n.rule + n.message}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={LAW_RULE_NAMES[n.rule]?.[lang === 'en-US' ? 'en' : 'zh'] ?? t('cases.discretion.rule')}
          description={`${n.message}${n.basis ? `（${n.basis}）` : ''}`}
        />
      ))}
    </div>
  );
}
