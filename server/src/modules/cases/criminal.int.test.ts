import { chinaToday } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publications } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { clockDue } from '../platform/clocks.ts';
import {
  act,
  approvedFiling,
  auditCount,
  backdateReviews,
  checklist,
  createCase,
  newIncident,
  signInAll,
} from './case-fixtures.ts';

let t: TestApp;
let officer: TestClient;
let unitlegal: TestClient;
let unithead: TestClient;
let legal: TestClient;
let head: TestClient;
const today = chinaToday();
const due = async (rule: string, start: string) => (await clockDue(t.database.db, rule, start)).due;

beforeAll(async () => {
  t = await testApp();
  [officer, unitlegal, unithead, legal, head] = await signInAll(t, [
    'officer',
    'unitlegal',
    'unithead',
    'legal',
    'head',
  ] as const);
}, 120_000);
afterAll(() => t.close());

async function refusedFiling() {
  const incidentId = await newIncident(t);
  const c = await createCase(officer, { caseType: 'criminal', title: '王某被骗案', incidentId });
  const withParty = await read(
    await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'complainant', name: '王小明' }),
  );
  const partyId = withParty.parties[0].id;
  const r = await approvedFiling(officer, head, c.id, 'refuse_filing', {
    reason: '没有犯罪事实',
    complainantPartyId: partyId,
  });
  expect(r.status).toBe(200);
  // As the handling officer sees it (the branch head who approved serves nothing).
  return read(await officer.get(`/api/cases/${c.id}`));
}

const step = async (
  who: TestClient,
  caseId: number,
  pid: number,
  s: string,
  body: Record<string, unknown>,
) => {
  const res = await who.post(`/api/cases/${caseId}/proceedings/${pid}/${s}`, body);
  return { status: res.status, body: await read(res) };
};
const open = (c: { proceedings: { kind: string; status: string }[] }, kind: string) =>
  c.proceedings.find((p) => p.kind === kind && p.status === 'open') as
    | { id: number; clock: { rule: string; due: string | null }; availableSteps: string[] }
    | undefined;

describe('立案 / 不予立案 only with the approval of the 县级公安机关负责人 (程序规定 art.178)', () => {
  it('the officer proposes, only the branch head approves, and the notice is made on approval', async () => {
    const c = await createCase(officer, { caseType: 'criminal', title: '李某被骗案' });
    // 移送 too is asked of the branch head (程序规定 art.175), not done by the officer.
    expect(c.availableActions).toEqual(['request_filing']);
    expect((await act(officer, c.id, 'file', {})).status).toBe(409);
    expect((await act(officer, c.id, 'refuse_filing', { reason: '没有犯罪事实' })).status).toBe(409);
    const asked = await act(officer, c.id, 'request_filing', {
      proposed: 'refuse_filing',
      reason: '没有犯罪事实',
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'filing_approval', availableActions: [], decisions: [] });
    expect(asked.body.proceedings).toEqual([]);
    for (const who of [officer, unitlegal, unithead, legal])
      expect((await act(who, c.id, 'refuse_filing', { reason: '没有犯罪事实' })).status).toBe(403);
    const seen = await read(await head.get(`/api/cases/${c.id}`));
    expect(seen.availableActions).toEqual(['file', 'refuse_filing', 'transfer', 'extend_review']);
    const refused = await act(head, c.id, 'refuse_filing', { reason: '没有犯罪事实' });
    expect(refused.body).toMatchObject({ status: 'not_filed' });
    expect(refused.body.decisions.map((d: { kind: string }) => d.kind)).toEqual(['not_filed']);
    expect(await auditCount(t, c.id, 'case.request_filing')).toBe(1);
    expect(await auditCount(t, c.id, 'case.refuse_filing')).toBe(1);
  });

  it('the branch head may approve 立案 against a proposal not to file', async () => {
    const c = await createCase(officer, { caseType: 'criminal', title: '赵某被盗案' });
    await act(officer, c.id, 'request_filing', { proposed: 'refuse_filing', reason: '证据不足' });
    const filed = await act(head, c.id, 'file', { note: '有犯罪事实，应当立案' });
    expect(filed.body).toMatchObject({ status: 'investigating', clock: { rule: null } });
  });
});

describe('不予立案 with its notice, 复议 and 复核 on their clocks', () => {
  it('serves the notice, opens 复议 then 复核, and an overturning review lets the legal detachment reopen', async () => {
    const c = await refusedFiling();
    expect(c.status).toBe('not_filed');
    const notice = c.decisions[0];
    expect(notice.kind).toBe('not_filed');
    expect(notice.docNo).toMatch(new RegExp(`^渝州公（刑）不立字〔${today.slice(0, 4)}〕第\\d{5}号$`));
    const serve = open(c, 'not_filed_notice')!;
    expect(serve.clock).toMatchObject({
      rule: 'not_filed_notice_service',
      due: await due('not_filed_notice_service', today),
    });
    expect(serve.availableSteps).toEqual(['serve']);

    const doc = await officer.get(`/api/decisions/${notice.id}/document`);
    const xml = await (await JSZip.loadAsync(await doc.arrayBuffer()))
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('不予立案通知书');
    expect(text).toContain(notice.docNo);
    expect(text).toContain('王小明：');
    expect(text).toContain('七日内');

    const served = await step(officer, c.id, serve.id, 'serve', { on: today });
    expect(served.status).toBe(200);
    const window = open(served.body, 'reconsideration_window')!;
    expect(window.clock).toMatchObject({
      rule: 'reconsideration_apply',
      due: await due('reconsideration_apply', today),
    });
    // Lapse cannot be declared before the window closes; the officer cannot declare it at all.
    expect((await step(officer, c.id, window.id, 'conclude', { on: today })).status).toBe(403);
    expect((await step(legal, c.id, window.id, 'conclude', { on: today })).status).toBe(409);

    const applied = await step(officer, c.id, window.id, 'apply', {
      on: today,
      note: '控告人王小明申请复议',
    });
    const recon = open(applied.body, 'reconsideration')!;
    expect(recon.clock).toMatchObject({
      rule: 'reconsideration_decide',
      due: await due('reconsideration_decide', today),
    });
    expect(recon.availableSteps).toEqual([]);
    // Not yet overturned: no reopening.
    const early = await act(legal, c.id, 'reopen', { reason: '重新审查' });
    expect(early.status).toBe(409);
    expect(early.body.error.fields.action).toBeTruthy();

    const upheld = await step(legal, c.id, recon.id, 'conclude', {
      on: today,
      outcome: 'upheld',
      note: '维持原决定',
    });
    // The 复核 window runs from the complainant's receipt of the 复议决定书.
    const decision = open(upheld.body, 'reconsideration_notice')!;
    const received = await step(officer, c.id, decision.id, 'serve', { on: today });
    const reviewWindow = open(received.body, 'review_window')!;
    expect(reviewWindow.clock).toMatchObject({ rule: 'review_apply', due: await due('review_apply', today) });
    const reviewApplied = await step(officer, c.id, reviewWindow.id, 'apply', {
      on: today,
      note: '申请复核',
    });
    const review = open(reviewApplied.body, 'review')!;
    expect(review.clock).toMatchObject({ rule: 'review_decide', due: await due('review_decide', today) });
    const overturned = await step(legal, c.id, review.id, 'conclude', { on: today, outcome: 'overturned' });
    expect(overturned.body.proceedings.every((p: { status: string }) => p.status === 'done')).toBe(true);

    expect((await act(officer, c.id, 'reopen', { reason: '重新办理' })).status).toBe(403);
    const reopened = await act(legal, c.id, 'reopen', { reason: '复核决定撤销不予立案决定' });
    expect(reopened.body.status).toBe('investigating');
    // A finished proceeding takes no more steps.
    expect((await step(legal, c.id, review.id, 'conclude', { on: today, outcome: 'upheld' })).status).toBe(
      409,
    );
  });
});

describe('立案监督 on a case not filed (程序规定 art.182)', () => {
  it('explains within 7 days when asked, files within 15 when told to, and reopens on the notice', async () => {
    const c = await refusedFiling();
    expect((await read(await legal.get(`/api/cases/${c.id}`))).availableActions).toEqual([
      'reopen',
      'record_feedback',
    ]);
    // Without an overturned 复议 / 复核 or a 通知立案, the case stays refused.
    expect((await act(legal, c.id, 'reopen', { reason: '重新办理' })).status).toBe(409);
    // A case not filed gets only the 立案监督 kinds.
    const wrong = await act(legal, c.id, 'record_feedback', {
      feedbackKind: 'procuratorial_suggestion',
      receivedOn: today,
      content: '建议',
    });
    expect(wrong.status).toBe(400);
    const asked = await act(legal, c.id, 'record_feedback', {
      feedbackKind: 'explain_not_filing',
      receivedOn: today,
      docNo: '渝州检侦监〔2026〕1号',
      content: '要求说明不立案理由',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.status).toBe('not_filed');
    const why = open(asked.body, 'procuratorate_feedback')!;
    expect(why.clock).toMatchObject({
      rule: 'not_filing_reasons',
      due: await due('not_filing_reasons', today),
    });
    expect((await step(legal, c.id, why.id, 'reply', { on: today, note: '书面说明不立案理由' })).status).toBe(
      200,
    );
    const told = await act(legal, c.id, 'record_feedback', {
      feedbackKind: 'notify_filing',
      receivedOn: today,
      content: '通知立案',
    });
    expect(open(told.body, 'procuratorate_feedback')!.clock.rule).toBe('procuratorate_filing_notice');
    const reopened = await act(legal, c.id, 'reopen', { reason: '检察机关通知立案' });
    expect(reopened.body.status).toBe('investigating');
  });
});

describe('两统一: the legal detachment decides and outputs criminal cases', () => {
  it('runs every gate, lets only the legal detachment decide, and records the procuratorate feedback', async () => {
    const c = await createCase(officer, {
      caseType: 'criminal',
      title: '张某盗窃案',
      receivedAt: '2021-05-10T09:00:00+08:00',
    });
    expect((await approvedFiling(officer, head, c.id, 'file', { filedOn: '2021-05-11' })).status).toBe(200);
    await officer.put(`/api/cases/${c.id}/offences`, { codes: ['XF-264'] });
    const sub = await act(officer, c.id, 'submit', {
      proposal: {
        kind: 'arrest_request',
        penaltyItemCodes: ['XF-264'],
        facts: '张某多次入室盗窃，数额较大。',
      },
    });
    expect(sub.body.gates).toEqual(['officer', 'unit_legal', 'unit_head', 'legal', 'branch_head']);
    for (const who of [unitlegal, unithead, legal, head])
      await act(who, c.id, 'approve', { checklist: checklist() });
    const approved = await read(await officer.get(`/api/cases/${c.id}`));
    expect(approved.status).toBe('approved');
    expect(approved.availableActions).toEqual([]);
    expect((await act(officer, c.id, 'decide', {})).status).toBe(403);
    const legalTasks = await read(await legal.get('/api/tasks'));
    expect(legalTasks.items.some((x: { id: string }) => x.id === `case.legal.${c.id}`)).toBe(true);

    await backdateReviews(t, c.id, '2021-06-01');
    const decided = await act(legal, c.id, 'decide', { decidedOn: '2021-06-01' });
    expect(decided.body.status).toBe('with_procuratorate');
    const d = decided.body.decisions[0];
    expect(d.docNo).toMatch(/^渝州公（刑）提捕字〔2021〕第\d{5}号$/);
    expect(
      await t.database.db.select().from(publications).where(eq(publications.decisionId, d.id)),
    ).toHaveLength(0);

    const fb = await act(legal, c.id, 'record_feedback', {
      feedbackKind: 'no_arrest',
      receivedOn: '2021-06-08',
      docNo: '渝州检不捕〔2021〕5号',
      content: '证据不足，不批准逮捕',
    });
    expect(fb.status).toBe(200);
    expect(fb.body.status).toBe('with_procuratorate');
    const feedback = open(fb.body, 'procuratorate_feedback')!;
    // A 不捕: our 复议 within 5 days of receipt (程序规定 art.141).
    expect(feedback.clock).toMatchObject({
      rule: 'no_arrest_reconsideration_apply',
      due: await due('no_arrest_reconsideration_apply', '2021-06-08'),
    });
    expect(feedback.availableSteps).toEqual(['reply', 'apply']);
    const recon = await step(legal, c.id, feedback.id, 'apply', { on: '2021-06-10', note: '要求复议' });
    const pr = open(recon.body, 'procuratorate_reconsideration')!;
    expect(pr).toBeTruthy();

    const note = await act(legal, c.id, 'record_feedback', {
      feedbackKind: 'procuratorial_suggestion',
      receivedOn: '2021-06-09',
      content: '建议规范取证',
    });
    const sug = note.body.proceedings.find(
      (p: { kind: string; detail: { feedbackKind?: string } }) =>
        p.detail.feedbackKind === 'procuratorial_suggestion',
    );
    expect(sug.availableSteps).toEqual(['reply']);
    const replied = await step(legal, c.id, sug.id, 'reply', { on: '2021-06-20', note: '已整改' });
    expect(replied.status).toBe(200);
    expect(
      (
        await act(officer, c.id, 'record_feedback', {
          feedbackKind: 'no_prosecution',
          receivedOn: '2021-06-09',
          content: 'x',
        })
      ).status,
    ).toBe(403);
    const closed = await act(legal, c.id, 'close', {});
    expect(closed.body.status).toBe('closed');
  });
});

describe('线下办理 and 待办', () => {
  it('records offline reports and lists them by quarter', async () => {
    for (const [caseType, reason, on] of [
      ['admin', 'system_failure', '2021-07-05'],
      ['admin', 'network_outage', '2021-08-15'],
      ['criminal', 'classified', '2021-09-30'],
      ['admin', 'other', '2021-10-01'],
    ] as const) {
      const r = await officer.post('/api/cases/offline-reports', {
        caseType,
        title: '线下办理案件',
        reason,
        reasonDetail: reason === 'other' ? '停电' : null,
        reportedOn: on,
      });
      expect(r.status).toBe(200);
    }
    const list = await read(await officer.get('/api/cases/offline-reports?year=2021&quarter=3'));
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({ unitName: '城关派出所', reportedByName: '李建军' });
    const bad = await officer.post('/api/cases/offline-reports', {
      caseType: 'admin',
      title: 'x',
      reason: 'bored',
    });
    expect(bad.status).toBe(400);
  });

  it('lists my overdue cases in 待办', async () => {
    const c = await createCase(officer, { receivedAt: '2021-09-27T10:00:00+08:00' });
    const tasks = await read(await officer.get('/api/tasks'));
    const mine = tasks.items.find((x: { id: string }) => x.id === `case.handler.${c.id}`);
    expect(mine).toMatchObject({ severity: 'overdue', link: `/cases/${c.id}`, due: '2021-09-28' });
  });
});
