/**
 * The report as it will print (GB/T 9704 look): the title in 小标宋, 一、 headings in 黑体,
 * （一） in 楷体, body in 仿宋 with a two-character indent. Every embedded figure is a highlighted
 * button that opens its drawer; a figure without a value is shown red. A heading or paragraph
 * that tells another year's events is shaded with its reason, the words that date it marked.
 */
import type { DatedFlag } from '@fazhi/common';
import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FlagTag, spanLabel } from './dated-flags.tsx';
import { isoDateZh } from './format.ts';
import type { AnnualPreview, PreviewBlock, PreviewSegment } from './types.ts';
import { isFigure } from './types.ts';

const BODY: CSSProperties = {
  fontFamily: '"FangSong_GB2312", "FangSong", "仿宋", "STFangsong", serif',
  fontSize: 16,
  lineHeight: '30px',
  color: '#000',
};
const HEADING: Record<number, CSSProperties> = {
  1: { fontFamily: '"SimHei", "黑体", "Heiti SC", sans-serif', fontWeight: 600, fontSize: 17 },
  2: { fontFamily: '"KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", serif', fontWeight: 600, fontSize: 16 },
  3: { ...BODY, fontWeight: 700 },
};

/** Segments keyed by their offset in the paragraph: stable while the text before them is. */
function keyed(segments: PreviewSegment[]) {
  let at = 0;
  return segments.map((s) => {
    const key = at;
    at += isFigure(s) ? s.display.length + 1 : s.text.length;
    return { s, key };
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with each of `marks` (the words that date a paragraph) highlighted. */
function marked(text: string, marks: readonly string[]): ReactNode {
  const found = marks.filter((m) => m && text.includes(m));
  if (!found.length) return text;
  const pattern = new RegExp(`(${found.map(escapeRegExp).join('|')})`);
  return text.split(pattern).map((part, i) =>
    found.includes(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
      <mark key={i} data-dated-span="" style={{ background: '#ffd591', padding: 0 }}>
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

export function Segments({
  segments,
  onFigure,
  marks = [],
}: {
  segments: PreviewSegment[];
  onFigure?: (metricId: string) => void;
  marks?: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {keyed(segments).map(({ s, key }) => {
        if (!isFigure(s)) return <span key={key}>{marked(s.text, marks)}</span>;
        const missing = s.status === 'missing' || s.value === null;
        return (
          <button
            key={key}
            type="button"
            data-figure={s.metricId}
            data-status={s.status}
            data-value={s.value ?? ''}
            title={missing ? t('reports.preview.missingFigure', { id: s.metricId }) : s.metricId}
            onClick={() => onFigure?.(s.metricId)}
            style={{
              font: 'inherit',
              border: 0,
              margin: '0 1px',
              padding: '0 3px',
              borderRadius: 3,
              cursor: 'pointer',
              background: missing ? '#fff1f0' : s.status === 'submitted' ? '#f9f0ff' : '#e6f4ff',
              color: missing ? '#cf1322' : '#0b3a75',
              borderBottom: `1px dashed ${missing ? '#cf1322' : '#1d4f91'}`,
            }}
          >
            {missing ? `【${s.display || s.metricId}】` : s.display}
          </button>
        );
      })}
    </>
  );
}

const FLAGGED: CSSProperties = { background: '#fffbe6', boxShadow: 'inset 3px 0 0 #fa8c16' };
const CONFIRMED: CSSProperties = { boxShadow: 'inset 3px 0 0 #95de64' };

/** A flagged heading or paragraph: shaded while open, a green edge once confirmed. */
function flagStyle(f: DatedFlag | undefined): CSSProperties {
  if (!f) return {};
  return f.confirmed ? CONFIRMED : FLAGGED;
}

function FlagNote({ flag }: { flag?: DatedFlag }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <span
      title={flag.spans.map((s) => spanLabel(t, s)).join('；')}
      style={{ textIndent: 0, display: 'inline-block', marginLeft: 8, lineHeight: '20px' }}
    >
      <FlagTag flag={flag} />
    </span>
  );
}

export function BlockView({
  block,
  onFigure,
  flags = [],
}: {
  block: PreviewBlock;
  onFigure?: (id: string) => void;
  /** This block's flags (other blocks' are ignored). */
  flags?: readonly DatedFlag[];
}) {
  const level = Math.min(3, Math.max(0, block.level));
  const own = flags.filter((f) => f.blockId === block.id);
  const headingFlag = own.find((f) => f.field === 'heading');
  const paraFlag = (i: number) => own.find((f) => f.field === 'text' && f.paragraph === i);
  const marksOf = (f?: DatedFlag) => f?.spans.map((s) => s.text) ?? [];
  const attrs = (f?: DatedFlag) =>
    f ? { 'data-dated': f.confirmed ? 'confirmed' : 'open', 'data-paragraph': f.paragraph } : {};
  const para = (segments: PreviewSegment[], i: number, lead?: ReactNode) => {
    const f = paraFlag(i);
    return (
      <p key={i} style={{ ...BODY, textIndent: '2em', margin: 0, ...flagStyle(f) }} {...attrs(f)}>
        {lead}
        <Segments segments={segments} onFigure={onFigure} marks={marksOf(f)} />
        <FlagNote flag={f} />
      </p>
    );
  };
  const heading = (
    <>
      {marked(block.heading, marksOf(headingFlag))}
      <FlagNote flag={headingFlag} />
    </>
  );
  // A 1. heading runs on into its first paragraph, as the document prints it; higher ones stand alone.
  if (level === 3) {
    const [first = [], ...rest] = block.paragraphs;
    return (
      <div data-block={block.id}>
        {para(first, 0, <span style={{ ...HEADING[3], ...flagStyle(headingFlag) }}>{heading}</span>)}
        {rest.map((p, i) => para(p, i + 1))}
      </div>
    );
  }
  return (
    <div data-block={block.id}>
      {block.heading.trim() !== '' && (
        <p
          style={{
            ...BODY,
            ...(HEADING[level] ?? { fontWeight: 700 }),
            textIndent: '2em',
            margin: 0,
            ...flagStyle(headingFlag),
          }}
          {...attrs(headingFlag)}
        >
          {heading}
        </p>
      )}
      {block.paragraphs.map((p, i) => para(p, i))}
    </div>
  );
}

export function ReportView({ report, onFigure }: { report: AnnualPreview; onFigure?: (id: string) => void }) {
  const flags = report.flags ?? [];
  return (
    <div
      data-testid="report-preview"
      style={{
        background: '#fff',
        maxWidth: 794,
        margin: '0 auto',
        padding: '72px 64px',
        boxShadow: '0 1px 6px rgba(0,0,0,.12)',
      }}
    >
      <Typography.Title
        level={2}
        style={{
          textAlign: 'center',
          fontFamily: '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", serif',
          fontWeight: 400,
          fontSize: 22,
          lineHeight: '36px',
          marginBottom: 30,
        }}
      >
        {report.title}
      </Typography.Title>
      {report.blocks.map((b) => (
        <BlockView key={b.id} block={b} onFigure={onFigure} flags={flags} />
      ))}
      <div style={{ ...BODY, textAlign: 'right', marginTop: 48, paddingRight: '4em' }}>
        <div>{report.signature}</div>
        {report.signedOn && <div>{isoDateZh(report.signedOn)}</div>}
      </div>
    </div>
  );
}
