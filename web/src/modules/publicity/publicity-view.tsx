import {
  conclusionText,
  type DecisionKind,
  offenceBasis,
  PUBLICITY_CATEGORY_NAMES,
  PUBLICITY_DECISION_NAMES,
  type PublicityCategory,
  type PublicityContent,
  type PublicityObject,
} from '@fazhi/common';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bilingual, currentLanguage } from '../../app/i18n/index.ts';
import { EMPTY, formatDate } from '../../app/ui/format.ts';
import { TWO_COLUMNS } from '../../app/ui/responsive.tsx';

export const categoryName = (c: PublicityCategory) => bilingual(PUBLICITY_CATEGORY_NAMES[c]);
export const decisionName = (k: DecisionKind) => bilingual(PUBLICITY_DECISION_NAMES[k]);
export const conclusionOf = (c: PublicityContent) => conclusionText(c.conclusion, currentLanguage());

/** 执法对象 in one line: the (masked) name, and the credit code of an organisation. */
export function ObjectLabel({
  object,
  withheld,
}: {
  object: PublicityObject | null;
  withheld?: PublicityContent['objectWithheld'];
}) {
  const { t } = useTranslation();
  if (withheld) return <Typography.Text type="secondary">{t('publicPortal.objectWithheld')}</Typography.Text>;
  if (!object) return <>{EMPTY}</>;
  return (
    <span>
      {object.name}
      {object.creditCode && (
        <Typography.Text type="secondary" className="fz-mono" style={{ fontSize: 12, marginLeft: 6 }}>
          {object.creditCode}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * The published snapshot as the public sees it. The portal's detail and the internal preview
 * both draw it with this component, so the preview is exactly what goes out.
 */
export function PublicityView({
  content,
  publishedAt,
}: {
  content: PublicityContent;
  publishedAt?: string | null;
}) {
  const { t } = useTranslation();
  const o = content.object;
  const items = [
    { key: 'authority', label: t('publicPortal.authority'), children: content.authority },
    { key: 'unit', label: t('publicPortal.unit'), children: content.unit || EMPTY },
    {
      key: 'docNo',
      label: t('publicPortal.docNo'),
      span: 2,
      children: content.docNo,
    },
    { key: 'category', label: t('publicPortal.category'), children: categoryName(content.category) },
    { key: 'decidedOn', label: t('publicPortal.decidedOn'), children: content.decidedOn },
    {
      key: 'object',
      label: t('publicPortal.object'),
      span: 2,
      children: o ? (
        <span>
          {o.name}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            · {t(`publicPortal.objectKind.${o.kind}`)}
          </Typography.Text>
        </span>
      ) : (
        <ObjectLabel object={null} withheld={content.objectWithheld} />
      ),
    },
    ...(o?.creditCode
      ? [
          {
            key: 'creditCode',
            label: t('publicPortal.creditCode'),
            span: 2,
            children: <span className="fz-mono">{o.creditCode}</span>,
          },
        ]
      : []),
    ...(o?.idNumber
      ? [
          {
            key: 'idNumber',
            label: t('publicPortal.idNumber'),
            span: 2,
            children: <span className="fz-mono">{o.idNumber}</span>,
          },
        ]
      : []),
    ...(o?.address
      ? [{ key: 'address', label: t('publicPortal.address'), span: 2, children: o.address }]
      : []),
    {
      key: 'decision',
      label: t('publicPortal.decision'),
      children: decisionName(content.conclusion.decision),
    },
    {
      key: 'conclusion',
      label: t('publicPortal.conclusion'),
      children: <Typography.Text strong>{conclusionOf(content)}</Typography.Text>,
    },
    {
      key: 'basis',
      label: t('publicPortal.basis'),
      span: 2,
      children: content.conclusion.offences.length
        ? content.conclusion.offences.map((x) => (
            <div key={x.code}>
              {x.name}：{offenceBasis(x)}
            </div>
          ))
        : EMPTY,
    },
    ...(publishedAt
      ? [
          {
            key: 'publishedAt',
            label: t('publicPortal.publishedAt'),
            span: 2,
            children: formatDate(publishedAt),
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={TWO_COLUMNS}
      items={items}
      styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
    />
  );
}
