/**
 * 需改写：描述其他年度的事件 — the headings and paragraphs of a report that tell another year's
 * events: where each is, what ties it to another year, and, for the legal detachment, 确认仍属实
 * (saved as a new version and audited). The report cannot be signed (成文日期) while one is open.
 */
import { AimOutlined, CheckOutlined, EditOutlined } from '@ant-design/icons';
import {
  type AnnualReportResponse,
  type DatedFlag,
  type DatedSpanItem,
  renderSegments,
  segmentsText,
} from '@fazhi/common';
import { Button, List, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/ui/action.ts';
import { formatDateTime } from '../../app/ui/format.ts';
import { REPORTS_KEY } from './api.ts';
import type { ReportBlock } from './types.ts';

const years = (s: Pick<DatedSpanItem, 'from' | 'to'>) =>
  s.from === s.to ? `${s.from}` : `${s.from}—${s.to}`;

/** "2020年1月23日（2020年）", "7月24日（沿用自2024年报告，未注年份）", "建党100周年（庆祝建党100周年，2021年）". */
export function spanLabel(t: TFunction, s: DatedSpanItem): string {
  if (s.kind === 'carried') return t('reports.dated.span.carried', { text: s.text, year: s.from });
  if (s.kind === 'event')
    return s.event && s.event !== s.text
      ? t('reports.dated.span.event', { text: s.text, event: s.event, years: years(s) })
      : t('reports.dated.span.eventSelf', { text: s.text, years: years(s) });
  return t('reports.dated.span.year', { text: s.text, years: years(s) });
}

/** The paragraph as printed, figures as ×× (the list says where, the preview shows the numbers). */
const excerpt = (text: string, year: number) =>
  renderSegments(text, year, new Map())
    .map((s) => ('text' in s ? s.text : '××'))
    .join('');

/** Where a flag sits: its block's heading as printed, and 标题 / 第N段. */
function placeOf(
  t: TFunction,
  f: DatedFlag,
  blocks: readonly Pick<ReportBlock, 'id' | 'heading'>[],
  year: number,
) {
  const heading = blocks.find((b) => b.id === f.blockId)?.heading ?? '';
  const printed = segmentsText(renderSegments(heading, year, new Map()));
  const where =
    f.field === 'heading'
      ? t('reports.dated.heading')
      : t('reports.dated.paragraphN', { n: f.paragraph + 1 });
  return printed ? `${printed} · ${where}` : where;
}

/** 确认仍属实 on the report's current version; answers the report as saved. */
export function useConfirmFlag(year: number, version: number, onDone?: (r: AnnualReportResponse) => void) {
  const { t } = useTranslation();
  return useAction(
    (f: DatedFlag) =>
      api.post<AnnualReportResponse>(`/api/reports/annual/${year}/confirmations`, {
        version,
        blockId: f.blockId,
        field: f.field,
        text: f.text,
      }),
    {
      success: (r) => t('reports.dated.confirmDone', { version: r.version }),
      invalidate: [REPORTS_KEY],
      onSuccess: onDone,
    },
  );
}

export function FlagTag({ flag }: { flag: DatedFlag }) {
  const { t } = useTranslation();
  if (!flag.confirmed) return <Tag color="warning">{t('reports.dated.reason')}</Tag>;
  return (
    <Tooltip
      title={t('reports.dated.confirmedBy', {
        name: flag.confirmed.by,
        at: formatDateTime(flag.confirmed.at),
      })}
    >
      <Tag color="success" icon={<CheckOutlined />}>
        {t('reports.dated.confirmed')}
      </Tag>
    </Tooltip>
  );
}

export interface FlagListProps {
  year: number;
  flags: readonly DatedFlag[];
  blocks: readonly Pick<ReportBlock, 'id' | 'heading'>[];
  /** Scroll to the paragraph in the preview. */
  onLocate?: (f: DatedFlag) => void;
  /** Open the editor at the paragraph. */
  onRewrite?: (f: DatedFlag) => void;
  /** 确认仍属实; undefined hides the button (no report.manage). */
  onConfirm?: (f: DatedFlag) => Promise<void>;
  /** Why a flag cannot be confirmed now (the paragraph changed since the last save), if so. */
  confirmBlocked?: (f: DatedFlag) => string | undefined;
  /** Hide the place (the editor lists each block's flags under the block). */
  compact?: boolean;
}

export function FlagList({
  year,
  flags,
  blocks,
  onLocate,
  onRewrite,
  onConfirm,
  confirmBlocked,
  compact,
}: FlagListProps) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      data-testid="dated-flags"
      dataSource={[...flags]}
      rowKey={(f) => `${f.blockId}:${f.field}:${f.paragraph}`}
      renderItem={(f) => {
        const blocked = confirmBlocked?.(f);
        return (
          <List.Item
            data-dated-flag={f.confirmed ? 'confirmed' : 'open'}
            actions={[
              onLocate && (
                <Button
                  key="locate"
                  size="small"
                  type="link"
                  icon={<AimOutlined />}
                  onClick={() => onLocate(f)}
                >
                  {t('reports.dated.locate')}
                </Button>
              ),
              onRewrite && !f.confirmed && (
                <Button
                  key="rewrite"
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => onRewrite(f)}
                >
                  {t('reports.dated.rewrite')}
                </Button>
              ),
              onConfirm && !f.confirmed && (
                <Popconfirm
                  key="confirm"
                  title={t('reports.dated.confirmTitle')}
                  description={<div style={{ maxWidth: 320 }}>{t('reports.dated.confirmHint')}</div>}
                  onConfirm={() => onConfirm(f)}
                  disabled={!!blocked}
                >
                  <Tooltip title={blocked}>
                    <Button size="small" data-action="confirm-dated" disabled={!!blocked}>
                      {t('reports.dated.confirm')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <FlagTag flag={f} />
                {!compact && <Typography.Text strong>{placeOf(t, f, blocks, year)}</Typography.Text>}
                {compact && <Typography.Text type="secondary">{placeOf(t, f, [], year)}</Typography.Text>}
              </Space>
              <Space wrap size={4}>
                {[...new Set(f.spans.map((s) => spanLabel(t, s)))].map((label) => (
                  <Tag key={label} color={f.confirmed ? 'default' : 'orange'} bordered={false}>
                    {label}
                  </Tag>
                ))}
              </Space>
              {!compact && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {excerpt(f.text, year)}
                </Typography.Paragraph>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
