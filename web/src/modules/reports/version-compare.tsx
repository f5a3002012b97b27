/**
 * A saved version against the current text, as track changes: per block its status (修改 / 新增 /
 * 删除), paragraphs kept in grey, dropped ones struck through in red, new ones in green, and an
 * edited paragraph shown once with only the edited span marked. Figures stay {{id}} references:
 * the comparison is of the wording.
 */
import { Alert, Space, Switch, Tag, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffBlock, DiffParagraph, ReportCompare } from './types.ts';

const DEL: CSSProperties = { background: '#ffccc7', color: '#a8071a', textDecoration: 'line-through' };
const INS: CSSProperties = { background: '#d9f7be', color: '#135200', textDecoration: 'none' };
const PARA: CSSProperties = { margin: '0 0 6px', lineHeight: '26px', whiteSpace: 'pre-wrap' };
const STATUS_COLOR: Record<DiffBlock['status'], string> = {
  changed: 'gold',
  added: 'green',
  removed: 'red',
  unchanged: 'default',
};
const BAR: Record<DiffBlock['status'], string> = {
  changed: '#faad14',
  added: '#52c41a',
  removed: '#ff4d4f',
  unchanged: '#d9d9d9',
};

/** Text with its {{metric.id}} references set off, so they read as figures, not words. */
function Refs({ text }: { text: string }) {
  const parts = text.split(/(\{\{[^{}]*\}\})/);
  let at = 0;
  return (
    <>
      {parts.map((p) => {
        const key = at;
        at += p.length;
        if (!p) return null;
        return /^\{\{[^{}]*\}\}$/.test(p) ? (
          <code key={key} style={{ fontSize: '0.85em', padding: '0 2px', background: 'rgba(0,0,0,.04)' }}>
            {p}
          </code>
        ) : (
          <span key={key}>{p}</span>
        );
      })}
    </>
  );
}

function Paragraph({ p, index }: { p: DiffParagraph; index: number }) {
  if (p.kind === 'changed') {
    const oldMid = p.old.slice(p.prefix, p.old.length - p.suffix);
    const newMid = p.new.slice(p.prefix, p.new.length - p.suffix);
    return (
      <p style={PARA} data-diff="changed" data-index={index}>
        <Refs text={p.new.slice(0, p.prefix)} />
        {oldMid && (
          <del style={DEL}>
            <Refs text={oldMid} />
          </del>
        )}
        {newMid && (
          <ins style={INS}>
            <Refs text={newMid} />
          </ins>
        )}
        <Refs text={p.new.slice(p.new.length - p.suffix)} />
      </p>
    );
  }
  const style: CSSProperties =
    p.kind === 'same'
      ? { ...PARA, color: 'rgba(0,0,0,.55)' }
      : { ...PARA, ...(p.kind === 'added' ? INS : DEL) };
  return (
    <p style={style} data-diff={p.kind} data-index={index}>
      <Refs text={p.text} />
    </p>
  );
}

function ChangedField({ label, field }: { label: string; field: { old: string; new: string } }) {
  return (
    <p style={PARA}>
      <Typography.Text strong>{label}：</Typography.Text>
      <del style={DEL}>
        <Refs text={field.old} />
      </del>{' '}
      <ins style={INS}>
        <Refs text={field.new} />
      </ins>
    </p>
  );
}

function BlockDiffView({ block }: { block: DiffBlock }) {
  const { t } = useTranslation();
  const heading = block.newHeading ?? block.oldHeading ?? '';
  const headingChanged =
    block.status === 'changed' && block.oldHeading !== null && block.oldHeading !== block.newHeading;
  let body: ReactNode;
  if (block.status === 'unchanged')
    body = (
      <p style={{ ...PARA, color: 'rgba(0,0,0,.55)' }}>
        <Refs text={block.newText ?? ''} />
      </p>
    );
  else {
    // Keyed by offset in the block: stable while the paragraphs before are.
    let at = 0;
    body = block.paragraphs.map((p, i) => {
      const key = `${p.kind}:${at}`;
      at += p.kind === 'changed' ? p.old.length + p.new.length : p.text.length;
      return <Paragraph key={key} p={p} index={i} />;
    });
  }
  return (
    <div
      data-diff-block={block.id}
      data-diff-status={block.status}
      style={{
        borderLeft: `3px solid ${BAR[block.status]}`,
        padding: '6px 12px',
        marginBottom: 12,
        background: '#fff',
      }}
    >
      <Space size={8} style={{ marginBottom: 4 }} wrap>
        <Typography.Text strong>{heading || t('reports.versions.untitled')}</Typography.Text>
        {block.status !== 'unchanged' && (
          <Tag color={STATUS_COLOR[block.status]}>{t(`reports.versions.status.${block.status}`)}</Tag>
        )}
      </Space>
      {headingChanged && (
        <p style={PARA}>
          <Typography.Text type="secondary">
            {t('reports.versions.headingChanged', { old: block.oldHeading, new: block.newHeading })}
          </Typography.Text>
        </p>
      )}
      {body}
    </div>
  );
}

export function VersionCompare({ diff }: { diff: ReportCompare }) {
  const { t } = useTranslation();
  const [onlyChanges, setOnlyChanges] = useState(true);
  const { changed, added, removed } = diff.counts;
  const same = changed + added + removed === 0 && !diff.title && !diff.signature;
  const shown = diff.blocks.filter((b) => !onlyChanges || b.status !== 'unchanged');
  return (
    <div data-testid="version-compare">
      <Alert
        type={same ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          same
            ? t('reports.versions.sameAsCurrent', { n: diff.currentVersion })
            : t('reports.versions.compareSummary', { n: diff.currentVersion, changed, added, removed })
        }
        description={same ? undefined : t('reports.versions.compareHint')}
      />
      {diff.title && <ChangedField label={t('reports.versions.titleChanged')} field={diff.title} />}
      {diff.signature && (
        <ChangedField label={t('reports.versions.signatureChanged')} field={diff.signature} />
      )}
      <Space style={{ margin: '8px 0 12px' }}>
        <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} />
        {t('reports.versions.onlyChanges')}
      </Space>
      {shown.map((b) => (
        <BlockDiffView key={`${b.status}:${b.id}`} block={b} />
      ))}
    </div>
  );
}
