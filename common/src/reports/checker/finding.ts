/** Building findings with excerpts cut from the input, so every quote is verbatim. */
import { lineOf, type NormalizedText, rawRange, rawSlice } from './normalize.ts';
import type { CheckFinding, CheckSeverity, FindingKind } from './types.ts';

export interface SpanRef {
  start: number;
  end: number;
}

export function makeFinding(
  n: NormalizedText,
  kind: FindingKind,
  severity: CheckSeverity,
  message: string,
  messageEn: string,
  spans: SpanRef[],
  extra: { arithmetic?: string; metricId?: string } = {},
): CheckFinding {
  const excerpts: string[] = [];
  const locations: CheckFinding['locations'] = [];
  for (const s of spans) {
    // Excerpts never carry the paragraph break the normaliser kept, only the text around it.
    let { start, end } = s;
    while (start < end && /[\s，、；：。]/.test(n.text[start]!)) start++;
    while (end > start && /[\s，、；：]/.test(n.text[end - 1]!)) end--;
    const r = rawRange(n, start, end);
    excerpts.push(rawSlice(n, start, end));
    locations.push({ line: lineOf(n, r.start), start: r.start, end: r.end });
  }
  return { kind, severity, message, messageEn, excerpts, locations, ...extra };
}

/** 1764 → "1764", 0.8807 → "88.07%": how numbers appear in messages. */
export const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100));
export const pct = (x: number) => `${(Math.round(x * 10000) / 100).toFixed(2)}%`;
