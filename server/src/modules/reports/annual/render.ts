/**
 * A report's text rendered for a year: every {{metric.id}} replaced by the metric's value for
 * that year (computed from the records, or taken from the accepted submission), with the list of
 * metrics that have no value yet. The preview, the .docx, the Markdown and the checker all read
 * this one rendering, so they print the same numbers.
 */
import {
  type FigureValue,
  metricById,
  type PreviewBlock,
  type RenderedReport,
  renderBlock,
  renderSegments,
  segmentsText,
  templateRefs,
} from '@fazhi/common';
import type { Queryable } from '../../../db/index.ts';
import { metricValues } from '../metrics/values.ts';
import type { ReportContent } from './store.ts';
import { ADDRESSEE } from './template.ts';

export interface YearOnYear {
  id: string;
  nameZh: string;
  unit: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface Rendered extends RenderedReport {
  year: number;
  /** Figure references printed (every occurrence). */
  figures: number;
  /** Metric ids referenced but without a value for the year. */
  missing: string[];
  /** 同比 of a few key computed figures, for the table at the end of the document. */
  yearOnYear: YearOnYear[];
}

/** Key enforcement figures whose 同比 the document shows as a table (all computed from records). */
export const YEAR_ON_YEAR_IDS = [
  'cases.admin_penalty_persons',
  'publicity.admin_penalty_published_persons',
  'review.criminal_cases_reviewed',
  'review.admin_cases_reviewed',
  'evaluation.cases_evaluated',
  'supervision.irregular_acceptance_found',
] as const;

function referencedIds(content: ReportContent): string[] {
  const ids = new Set<string>();
  for (const t of [content.title, ...content.blocks.flatMap((b) => [b.heading, b.text])])
    for (const id of templateRefs(t)) if (metricById(id)) ids.add(id);
  return [...ids];
}

export async function renderReport(
  db: Queryable,
  orgId: number,
  year: number,
  content: ReportContent,
): Promise<Rendered> {
  const ids = referencedIds(content);
  const wanted = [...new Set([...ids, ...YEAR_ON_YEAR_IDS.filter((id) => metricById(id))])];
  const values = await metricValues(db, orgId, String(year), wanted);
  const byId = new Map(values.map((v) => [v.id, v]));
  const figureValues = new Map<string, FigureValue>();
  for (const v of values) {
    const def = metricById(v.id);
    if (def) figureValues.set(v.id, { value: v.value, status: v.status, unit: def.unit });
  }
  const blocks: PreviewBlock[] = content.blocks.map((b) => renderBlock(b, year, figureValues));
  let figures = 0;
  const missing = new Set<string>();
  for (const b of blocks)
    for (const p of b.paragraphs)
      for (const s of p) {
        if (!('metricId' in s)) continue;
        figures++;
        if (s.status === 'missing') missing.add(s.metricId);
      }
  const yearOnYear: YearOnYear[] = YEAR_ON_YEAR_IDS.flatMap((id) => {
    const def = metricById(id);
    const v = byId.get(id);
    if (!def || !v) return [];
    return [
      { id, nameZh: def.nameZh, unit: def.unit, value: v.value, previous: v.previous, change: v.change },
    ];
  });
  return {
    year,
    title: segmentsText(renderSegments(content.title, year, figureValues)),
    addressee: ADDRESSEE,
    signature: content.signature,
    signedOn: content.signedOn,
    blocks,
    figures,
    missing: [...missing].sort(),
    yearOnYear,
  };
}
