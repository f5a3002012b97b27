/**
 * The report as it will print (GB/T 9704 look): the title in 小标宋, 一、 headings in 黑体,
 * （一） in 楷体, body in 仿宋 with a two-character indent. Every embedded figure is a highlighted
 * button that opens its drawer; a figure without a value is shown red.
 */
import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
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

export function Segments({
  segments,
  onFigure,
}: {
  segments: PreviewSegment[];
  onFigure?: (metricId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {keyed(segments).map(({ s, key }) => {
        if (!isFigure(s)) return <span key={key}>{s.text}</span>;
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

export function BlockView({ block, onFigure }: { block: PreviewBlock; onFigure?: (id: string) => void }) {
  const level = Math.min(3, Math.max(0, block.level));
  const para = (segments: PreviewSegment[], i: number, lead?: string) => (
    <p key={i} style={{ ...BODY, textIndent: '2em', margin: 0 }}>
      {lead && <span style={HEADING[3]}>{lead}</span>}
      <Segments segments={segments} onFigure={onFigure} />
    </p>
  );
  // A 1. heading runs on into its first paragraph, as the document prints it; higher ones stand alone.
  if (level === 3) {
    const [first = [], ...rest] = block.paragraphs;
    return (
      <div data-block={block.id}>
        {para(first, 0, block.heading)}
        {rest.map((p, i) => para(p, i + 1))}
      </div>
    );
  }
  return (
    <div data-block={block.id}>
      {block.heading.trim() !== '' && (
        <p style={{ ...BODY, ...(HEADING[level] ?? { fontWeight: 700 }), textIndent: '2em', margin: 0 }}>
          {block.heading}
        </p>
      )}
      {block.paragraphs.map((p, i) => para(p, i))}
    </div>
  );
}

export function ReportView({ report, onFigure }: { report: AnnualPreview; onFigure?: (id: string) => void }) {
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
        <BlockView key={b.id} block={b} onFigure={onFigure} />
      ))}
      <div style={{ ...BODY, textAlign: 'right', marginTop: 48, paddingRight: '4em' }}>
        <div>{report.signature}</div>
        {report.signedOn && <div>{isoDateZh(report.signedOn)}</div>}
      </div>
    </div>
  );
}
