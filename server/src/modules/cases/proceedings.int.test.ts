/**
 * The clocks of the side proceedings: the procuratorate's 不捕 / 不诉 / 通知立案 with our 复议 and
 * 复核, the complainant's 复核 window counted from receipt of the 复议决定书, the extension of a
 * 复议 for a major case, late applications, the 撤销案件 notice, and rules chosen by the day a
 * clock starts. Dates are in 2021, whose holiday notice ships with Fazhi.
 */
import { chinaToday } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSteps, legalRules, proceedings } from '../../db/schema/index.ts';
import { applyDataSteps } from '../../seed/reference-data.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { ClockBook, clockDue } from '../platform/clocks.ts';
import { act, approvedFiling, checklist, createCase, newIncident, signInAll } from './case-fixtures.ts';
import { caseClockKeeper } from './clock.ts';

let t: TestApp;
let officer: TestClient;
let unitlegal: TestClient;
let unithead: TestClient;
let legal: TestClient;
let head: TestClient;

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

interface Proc {
  id: number;
  kind: string;
  status: string;
  startedOn: string;
  clock: { rule: string | null; due: string | null };
  detail: Record<string, unknown>;
  availableSteps: string[];
}
const open = (c: { proceedings: Proc[] }, kind: string) =>
  c.proceedings.find((p) => p.kind === kind && p.status === 'open');
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

/** A criminal case approved at every gate and output to the procuratorate (两统一). */
async function withProcuratorate(kind = 'arrest_request', decidedOn?: string) {
  const c = await createCase(officer, {
    caseType: 'criminal',
    title: '张某盗窃案',
    receivedAt: '2021-05-10T09:00:00+08:00',
  });
  expect((await approvedFiling(officer, head, c.id, 'file', { filedOn: '2021-05-11' })).status).toBe(200);
  await officer.put(`/api/cases/${c.id}/offences`, { codes: ['XF-264'] });
  const sub = await act(officer, c.id, 'submit', {
    proposal: {
      kind,
      penaltyItemCodes: ['XF-264'],
      facts: '张某多次入室盗窃，数额较大。',
      revokeGround: kind === 'case_revoked' ? 'no_crime' : null,
    },
  });
  expect(sub.status).toBe(200);
  for (const who of [unitlegal, unithead, legal, head]) {
    const r = await act(who, c.id, 'approve', { checklist: checklist() });
    expect(r.status).toBe(200);
  }
  const decided = await act(legal, c.id, 'decide', decidedOn ? { decidedOn } : {});
  expect(decided.status).toBe(200);
  return decided.body;
}

async function feedback(caseId: number, feedbackKind: string, receivedOn: string) {
  const r = await act(legal, caseId, 'record_feedback', {
    feedbackKind,
    receivedOn,
    docNo: '渝州检〔2021〕1号',
    content: '检察机关决定',
  });
  expect(r.status).toBe(200);
  return r.body.proceedings.find(
    (p: Proc) => p.kind === 'procuratorate_feedback' && p.startedOn === receivedOn && p.status === 'open',
  ) as Proc;
}

describe('不批准逮捕: our 复议 within 5 days, the procuratorate 7; 复核 within 5, the higher one 15', () => {
  it('runs each clock from its receipt and refuses a late application with its due date', async () => {
    const c = await withProcuratorate();
    // Received Monday 2021-06-07: five days end on 06-12, inside 端午 (06-12..14), so 06-15.
    const fb = await feedback(c.id, 'no_arrest', '2021-06-07');
    expect(fb.clock).toMatchObject({ rule: 'no_arrest_reconsideration_apply', due: '2021-06-15' });

    const late = await step(legal, c.id, fb.id, 'apply', { on: '2021-06-16', note: '要求复议' });
    expect(late.status).toBe(409);
    expect(late.body.error.fields.on).toContain('2021-06-15');
    expect(late.body.error.fields.on).toContain('不批准逮捕：要求复议期限');
    legal.language = 'en-US';
    const lateEn = await step(legal, c.id, fb.id, 'apply', { on: '2021-06-16', note: '要求复议' });
    legal.language = 'zh-CN';
    expect(lateEn.body.error.fields.on).toBe(
      'Too late: the period (Arrest not approved: ask for reconsideration) ended on 2021-06-15; a late application is refused',
    );

    // On the last day it is in time; the procuratorate has 7 days from receipt: 06-22.
    const applied = await step(legal, c.id, fb.id, 'apply', { on: '2021-06-15', note: '要求复议' });
    expect(applied.status).toBe(200);
    const recon = open(applied.body, 'procuratorate_reconsideration')!;
    expect(recon.clock).toMatchObject({ rule: 'no_arrest_reconsideration_decide', due: '2021-06-22' });
    expect(recon.detail.feedbackKind).toBe('no_arrest');

    // The 复议决定书 upholding the 不捕 arrives Friday 06-25: 提请复核 by Wednesday 06-30.
    const upheld = await step(legal, c.id, recon.id, 'conclude', { on: '2021-06-25', outcome: 'upheld' });
    const win = open(upheld.body, 'procuratorate_review_window')!;
    expect(win).toMatchObject({ startedOn: '2021-06-25', availableSteps: ['apply', 'conclude'] });
    expect(win.clock).toMatchObject({ rule: 'no_arrest_review_apply', due: '2021-06-30' });
    expect((await step(officer, c.id, win.id, 'apply', { on: '2021-06-28' })).status).toBe(403);
    const lateReview = await step(legal, c.id, win.id, 'apply', { on: '2021-07-01' });
    expect(lateReview.status).toBe(409);
    expect(lateReview.body.error.fields.on).toContain('2021-06-30');

    const review = await step(legal, c.id, win.id, 'apply', { on: '2021-06-28', note: '提请复核' });
    // 15 days from 06-28: Tuesday 07-13.
    expect(open(review.body, 'procuratorate_review')!.clock).toMatchObject({
      rule: 'no_arrest_review_decide',
      due: '2021-07-13',
    });
  });

  it('lets a 复核 window lapse only once it has closed', async () => {
    const c = await withProcuratorate();
    const fb = await feedback(c.id, 'no_arrest', '2021-03-01');
    const applied = await step(legal, c.id, fb.id, 'apply', { on: '2021-03-02' });
    const recon = open(applied.body, 'procuratorate_reconsideration')!;
    const upheld = await step(legal, c.id, recon.id, 'conclude', { on: '2021-03-08', outcome: 'upheld' });
    const win = open(upheld.body, 'procuratorate_review_window')!;
    expect(win.clock.due).toBe('2021-03-15'); // 03-13 is a Saturday
    expect((await step(legal, c.id, win.id, 'conclude', { on: '2021-03-15' })).status).toBe(409);
    const lapsed = await step(legal, c.id, win.id, 'conclude', { on: '2021-03-16' });
    expect(lapsed.body.proceedings.find((p: Proc) => p.id === win.id)).toMatchObject({
      status: 'done',
      outcome: 'lapsed',
    });
  });
});

describe('不起诉: our 复议 within 7 days, the procuratorate 30; 复核 within 7, the higher one 30', () => {
  it('counts each period and rolls an end inside National Day to 10-08', async () => {
    const c = await withProcuratorate('prosecution_transfer');
    // Received 2021-09-24: seven days end on 10-01.
    const fb = await feedback(c.id, 'no_prosecution', '2021-09-24');
    expect(fb.clock).toMatchObject({ rule: 'no_prosecution_reconsideration_apply', due: '2021-10-08' });
    const applied = await step(legal, c.id, fb.id, 'apply', { on: '2021-10-08', note: '要求复议' });
    const recon = open(applied.body, 'procuratorate_reconsideration')!;
    // 30 days from 10-08: Sunday 11-07, so Monday 11-08.
    expect(recon.clock).toMatchObject({ rule: 'no_prosecution_reconsideration_decide', due: '2021-11-08' });
    const upheld = await step(legal, c.id, recon.id, 'conclude', { on: '2021-11-01', outcome: 'upheld' });
    const win = open(upheld.body, 'procuratorate_review_window')!;
    expect(win.clock).toMatchObject({ rule: 'no_prosecution_review_apply', due: '2021-11-08' });
    const review = await step(legal, c.id, win.id, 'apply', { on: '2021-11-05' });
    // 30 days from 11-05: Sunday 12-05, so Monday 12-06.
    expect(open(review.body, 'procuratorate_review')!.clock).toMatchObject({
      rule: 'no_prosecution_review_decide',
      due: '2021-12-06',
    });
  });

  it('refuses a 复议 of a 不诉 recorded under the old 30-day reply clock once its 7 days are over', async () => {
    const c = await withProcuratorate('prosecution_transfer');
    const fb = await feedback(c.id, 'no_prosecution', '2021-03-02');
    // A feedback recorded before the window had its own rule: the 30-day reply clock.
    await t.database.db
      .update(proceedings)
      .set({ clockRule: 'procuratorate_reply', dueOn: '2021-04-01' })
      .where(eq(proceedings.id, fb.id));
    const late = await step(legal, c.id, fb.id, 'apply', { on: '2021-03-10' });
    expect(late.status).toBe(409);
    expect(late.body.error.fields.on).toContain('2021-03-09');
  });
});

describe('通知立案 and other feedback', () => {
  it('gives 15 days to file after a 通知立案 and keeps the reply clock for the rest', async () => {
    const c = await withProcuratorate();
    const filing = await feedback(c.id, 'notify_filing', '2021-03-02');
    expect(filing.clock).toMatchObject({ rule: 'procuratorate_filing_notice', due: '2021-03-17' });
    expect(filing.availableSteps).toEqual(['reply']);
    const suggestion = await feedback(c.id, 'procuratorial_suggestion', '2021-03-03');
    expect(suggestion.clock.rule).toBe('procuratorate_reply');
  });
});

describe('撤销案件: the parties are told within 3 days', () => {
  it('opens the notice on the decision and lets the unit record it', async () => {
    const c = await withProcuratorate('case_revoked');
    const decidedOn = chinaToday();
    const notice = open(c, 'case_revoked_notice')!;
    expect(notice).toMatchObject({ startedOn: decidedOn, availableSteps: ['serve'] });
    expect(notice.clock).toMatchObject({
      rule: 'case_revoked_notice',
      due: (await clockDue(t.database.db, 'case_revoked_notice', notice.startedOn)).due,
    });
    expect(notice.detail.docNo).toBe(c.decisions[0].docNo);
    const view = await read(await officer.get(`/api/cases/${c.id}`));
    expect(open(view, 'case_revoked_notice')!.availableSteps).toEqual(['serve']);
    const served = await step(officer, c.id, notice.id, 'serve', {
      on: notice.startedOn,
      note: '已告知被害人',
    });
    expect(served.body.proceedings.find((p: Proc) => p.id === notice.id)).toMatchObject({
      status: 'done',
      outcome: 'served',
    });
  });
});

/** A refused filing whose notice is dated `decidedOn` (the notice is made today; moved back here). */
async function refusedFiling(decidedOn: string) {
  const incidentId = await newIncident(t);
  const c = await createCase(officer, { caseType: 'criminal', title: '王某被骗案', incidentId });
  const withParty = await read(
    await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'complainant', name: '王小明' }),
  );
  const r = await approvedFiling(officer, head, c.id, 'refuse_filing', {
    reason: '没有犯罪事实',
    complainantPartyId: withParty.parties[0].id,
  });
  expect(r.status).toBe(200);
  const notice = open(r.body, 'not_filed_notice')!;
  await t.database.db.update(proceedings).set({ startedOn: decidedOn }).where(eq(proceedings.id, notice.id));
  return { caseId: c.id as number, notice };
}

describe('the complainant’s 复议 and 复核 of a 不予立案', () => {
  it('counts the 复核 window from receipt of the 复议决定书, not from the decision', async () => {
    const { caseId, notice } = await refusedFiling('2021-06-01');
    const served = await step(officer, caseId, notice.id, 'serve', { on: '2021-06-02' });
    const win = open(served.body, 'reconsideration_window')!;
    // Served Wednesday 06-02: seven days end on 06-09.
    expect(win.clock).toMatchObject({ rule: 'reconsideration_apply', due: '2021-06-09' });
    expect(win.detail.receivedOn).toBe('2021-06-02');
    const late = await step(officer, caseId, win.id, 'apply', { on: '2021-06-10', note: '申请复议' });
    expect(late.status).toBe(409);
    expect(late.body.error.fields.on).toBe(
      '已超过申请期限（控告人申请复议期限），期限已于 2021-06-09 届满，逾期申请不予受理',
    );
    const applied = await step(officer, caseId, win.id, 'apply', { on: '2021-06-09', note: '申请复议' });
    const recon = open(applied.body, 'reconsideration')!;
    expect(recon.clock).toMatchObject({ rule: 'reconsideration_decide', due: '2021-07-09' });

    // Decided 07-01, received by the complainant 07-06: the 复核 window runs to 07-13.
    const upheld = await step(legal, caseId, recon.id, 'conclude', { on: '2021-07-01', outcome: 'upheld' });
    expect(open(upheld.body, 'review_window')).toBeUndefined();
    const service = open(upheld.body, 'reconsideration_notice')!;
    expect(service).toMatchObject({ startedOn: '2021-07-01', clock: { rule: null, due: null } });
    expect(service.availableSteps).toEqual(['serve']);
    expect((await step(officer, caseId, service.id, 'serve', { on: '2021-06-30' })).status).toBe(400);
    const received = await step(officer, caseId, service.id, 'serve', { on: '2021-07-06' });
    const reviewWindow = open(received.body, 'review_window')!;
    expect(reviewWindow).toMatchObject({ startedOn: '2021-07-06', detail: { receivedOn: '2021-07-06' } });
    expect(reviewWindow.clock).toMatchObject({ rule: 'review_apply', due: '2021-07-13' });
    // 07-12 is inside the window counted from receipt, though past 7 days from the decision.
    const review = await step(officer, caseId, reviewWindow.id, 'apply', { on: '2021-07-12' });
    expect(open(review.body, 'review')!.clock).toMatchObject({ rule: 'review_decide', due: '2021-08-11' });
  });

  it('extends a 复议 of a major case once, by up to 30 days, recording who approved it and when', async () => {
    const { caseId, notice } = await refusedFiling('2021-07-28');
    const served = await step(officer, caseId, notice.id, 'serve', { on: '2021-07-29' });
    const win = open(served.body, 'reconsideration_window')!;
    const applied = await step(officer, caseId, win.id, 'apply', { on: '2021-08-02' });
    const recon = open(applied.body, 'reconsideration')!;
    expect(recon.clock.due).toBe('2021-09-01');
    expect(recon.availableSteps).toEqual([]);
    expect(
      open(await read(await legal.get(`/api/cases/${caseId}`)), 'reconsideration')!.availableSteps,
    ).toEqual(['conclude', 'extend']);
    const body = { on: '2021-08-20', note: '案情重大复杂', approvalRef: '渝州公法〔2021〕8号' };
    expect((await step(officer, caseId, recon.id, 'extend', body)).status).toBe(403);
    const tooLong = await step(legal, caseId, recon.id, 'extend', { ...body, days: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.days).toBe('延长不得超过 30 日');
    const expired = await step(legal, caseId, recon.id, 'extend', { ...body, on: '2021-09-02' });
    expect(expired.status).toBe(409);
    expect(expired.body.error.fields.on).toContain('2021-09-01');

    // +30: sixty days from 08-02 end on 10-01, inside National Day.
    const extended = await step(legal, caseId, recon.id, 'extend', body);
    expect(extended.status).toBe(200);
    const after = extended.body.proceedings.find((p: Proc) => p.id === recon.id) as Proc;
    expect(after).toMatchObject({
      status: 'open',
      clock: { rule: 'reconsideration_decide', due: '2021-10-08' },
    });
    expect(after.detail.extension).toMatchObject({
      days: 30,
      approvedOn: '2021-08-20',
      approvedByName: '周法明',
      approvalRef: '渝州公法〔2021〕8号',
      reason: '案情重大复杂',
      dueBefore: '2021-09-01',
      dueAfter: '2021-10-08',
    });
    expect(after.availableSteps).toEqual(['conclude']);
    const again = await step(legal, caseId, recon.id, 'extend', body);
    expect(again.status).toBe(409);
    expect(again.body.error.fields.step).toBe('该期限已经延长，不能再次延长');

    // Recounting the year's clocks (a holiday notice loaded) keeps the extension.
    const moved = await t.database.db.transaction(async (tx) =>
      caseClockKeeper.recount(tx, await ClockBook.fresh(tx), 2021),
    );
    expect(moved.find((m) => m.targetId === recon.id)).toBeUndefined();
    const [row] = await t.database.db.select().from(proceedings).where(eq(proceedings.id, recon.id));
    expect(row!.dueOn).toBe('2021-10-08');

    // A shorter extension counts only its days: +10 from 08-02 ends Saturday 09-11, so 09-13.
    const other = await refusedFiling('2021-07-28');
    const w2 = open(
      (await step(officer, other.caseId, other.notice.id, 'serve', { on: '2021-07-29' })).body,
      'reconsideration_window',
    )!;
    const r2 = open(
      (await step(officer, other.caseId, w2.id, 'apply', { on: '2021-08-02' })).body,
      'reconsideration',
    )!;
    const short = await step(legal, other.caseId, r2.id, 'extend', { ...body, days: 10 });
    expect(short.body.proceedings.find((p: Proc) => p.id === r2.id).clock.due).toBe('2021-09-13');
  });

  it('does not extend a procuratorate’s 复议', async () => {
    const c = await withProcuratorate();
    const fb = await feedback(c.id, 'no_arrest', '2021-04-06');
    const applied = await step(legal, c.id, fb.id, 'apply', { on: '2021-04-07' });
    const recon = open(applied.body, 'procuratorate_reconsideration')!;
    expect(recon.availableSteps).toEqual(['conclude']);
    expect((await step(legal, c.id, recon.id, 'extend', { on: '2021-04-08' })).status).toBe(409);
  });
});

describe('a clock runs on the rule in force the day it starts', () => {
  it('keeps an extended administrative period on its starting version when the count is pushed past a new one', async () => {
    const c = await createCase(officer, {});
    const accepted = await act(officer, c.id, 'accept', { acceptedOn: '2021-09-28' });
    expect(accepted.body.clock).toMatchObject({ rule: 'admin_case_period', due: '2021-10-28' });
    // A revised law from 2021-10-15 (test data) would give 60 days to periods starting from then.
    await t.database.db.insert(legalRules).values({
      code: 'admin_case_period',
      nameZh: '行政案件办案期限',
      nameEn: 'Administrative case period',
      amount: 60,
      unit: 'calendar_days',
      effectiveFrom: '2021-10-15',
      citation: '测试用修订版本',
    });
    try {
      const ext = await read(
        await legal.post(`/api/cases/${c.id}/extend-period`, {
          reason: '案情复杂',
          approvingOrgan: '渝州市公安局',
          approverName: '陈局长',
          approvedOn: '2021-10-20',
          approvalRef: '渝州公法审〔2021〕12号',
        }),
      );
      // The count starts 30 days later (10-28) but the clock started on 09-28: 30 + 30 days,
      // 11-27 is a Saturday, so Monday 11-29 — not 10-28 + 60 under the later version.
      expect(ext.clock.due).toBe('2021-11-29');
    } finally {
      await t.database.db
        .delete(legalRules)
        .where(and(eq(legalRules.code, 'admin_case_period'), eq(legalRules.effectiveFrom, '2021-10-15')));
    }
  });

  it('brings new rules and versions to a database seeded before them, keeping edited ones', async () => {
    const db = t.database.db;
    // A database from before this data step: the new rules and the 2021 version missing, and
    // the old version of publicity_withdraw corrected by an administrator.
    await db.delete(legalRules).where(eq(legalRules.code, 'no_arrest_reconsideration_apply'));
    await db
      .delete(legalRules)
      .where(and(eq(legalRules.code, 'publicity_withdraw'), eq(legalRules.effectiveFrom, '2021-07-15')));
    await db
      .update(legalRules)
      .set({ citation: '管理员更正' })
      .where(eq(legalRules.code, 'publicity_withdraw'));
    await db.delete(dataSteps).where(eq(dataSteps.id, '2026-12-procuratorate-clocks'));
    expect(await applyDataSteps(db)).toContain('2026-12-procuratorate-clocks');
    const rows = await db.select().from(legalRules).where(eq(legalRules.code, 'publicity_withdraw'));
    expect(rows.map((r) => [r.effectiveFrom, r.unit, r.citation]).sort()).toEqual([
      ['2019-01-03', 'calendar_days', '管理员更正'],
      ['2021-07-15', 'working_days', '行政处罚法（2021）第48条第2款、第85条'],
    ]);
    expect((await clockDue(db, 'no_arrest_reconsideration_apply', '2021-06-07')).due).toBe('2021-06-15');
    // Started before the 2021 law, a withdrawal keeps 3 calendar days; after it, 3 working days.
    expect((await clockDue(db, 'publicity_withdraw', '2021-07-08')).due).toBe('2021-07-12');
    expect((await clockDue(db, 'publicity_withdraw', '2021-07-15')).due).toBe('2021-07-20');
  });
});
