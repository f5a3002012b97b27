import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../platform/field-messages.ts';
import { Checklist, unansweredPoints } from './checklist.ts';
import { CASE_ACTION_BODIES } from './contracts.ts';
import { REVIEW_CHECKLIST } from './workflow.ts';

const all = (ok: boolean, note: string | null = null) =>
  Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, { ok, note }]));

/** The issues as the server reports them: field name → message in `locale`. */
function fields(input: unknown, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const r = CASE_ACTION_BODIES.approve.safeParse({ checklist: input });
  const out: Record<string, string> = {};
  for (const i of r.error?.issues ?? []) {
    const params = (i as { params?: Record<string, string> }).params;
    out[i.path.join('.')] ??= fieldMessage(i.message, locale, params);
  }
  return out;
}

describe('review checklist', () => {
  it('accepts every point answered, a problem with its note', () => {
    const ok = Checklist.safeParse({ ...all(true), evidence: { ok: false, note: '缺少伤情鉴定' } });
    expect(ok.success).toBe(true);
    expect(ok.data?.evidence).toEqual({ ok: false, note: '缺少伤情鉴定' });
    expect(ok.data?.facts).toEqual({ ok: true, note: null });
  });

  it('takes nothing as answered: each missing point is named, in the reader language', () => {
    const { facts: _, evidence: __, ...rest } = all(true);
    const f = fields({ ...rest, evidence: { ok: null, note: null } });
    expect(f.checklist).toBe('审核要点须逐项作答，尚未作答：事实认定、证据');
    expect(f['checklist.facts']).toBe('请对“事实认定”作答：符合或存在问题');
    expect(f['checklist.evidence']).toBe('请对“证据”作答：符合或存在问题');
    expect(Object.keys(f).sort()).toEqual(['checklist', 'checklist.evidence', 'checklist.facts']);
    expect(fields({ ...rest }, 'en-US').checklist).toBe(
      'Answer every checklist point; not answered: Facts, Evidence',
    );
  });

  it('names all eight points when the checklist is left out', () => {
    const f = fields(undefined);
    expect(f.checklist).toContain('执法主体、管辖、事实认定、证据、程序、法律手续、处理适当、时效');
    expect(Object.keys(f)).toHaveLength(1 + REVIEW_CHECKLIST.length);
  });

  it('asks what is wrong with a point marked as a problem', () => {
    const f = fields({ ...all(true), procedure: { ok: false, note: '  ' } });
    expect(f).toEqual({ 'checklist.procedure.note': '“程序”存在问题，请写明问题' });
  });

  it('lists the unanswered points in checklist order', () => {
    expect(unansweredPoints({ time_limits: { ok: null }, subject: { ok: true } })).toEqual(
      REVIEW_CHECKLIST.filter((k) => k !== 'subject'),
    );
  });
});
