/**
 * 处罚前告知, 陈述申辩, 听证 and the service of the 决定书 (行政处罚法 arts.44–45, 61, 63–64, 85;
 * 治安管理处罚法 2025 arts.112, 116, 117): a penalty is decided only after the party was told of
 * it, any hearing settled, and its 决定书 is then served on its own clock.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties, officers, proceedings } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import {
  act,
  backdateReviews,
  checklist,
  createCase,
  inform,
  proposal,
  signInAll,
  validId,
} from './case-fixtures.ts';

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

/**
 * A 2026 殴打他人 by a 15-year-old (2025 law 第五十一条: detention 5–10 and a fine of 500–1000),
 * proposed as 5 days with 500 yuan and approved by every gate on 2026-03-02.
 */
async function approvedMinorDetention() {
  const c = await createCase(officer, { receivedAt: '2026-03-01T10:00:00+08:00' });
  expect((await act(officer, c.id, 'accept', { acceptedOn: '2026-03-01' })).status).toBe(200);
  const party = await read(
    await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'offender', name: '小张' }),
  );
  const partyId = party.parties[0].id as number;
  await t.database.db
    .update(caseParties)
    .set({ idNumber: validId('11010520100601123') })
    .where(eq(caseParties.id, partyId));
  await officer.put(`/api/cases/${c.id}/offences`, { codes: ['ZA-43-1'] });
  const p = proposal('detention', partyId, { fineAmount: 500, actDate: '2026-03-01' });
  const submitted = await act(officer, c.id, 'submit', { proposal: p });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  for (const who of [unitlegal, unithead, legal, head])
    expect((await act(who, c.id, 'approve', { checklist: checklist() })).status).toBe(200);
  await backdateReviews(t, c.id, '2026-03-02');
  return { id: c.id as number, partyId };
}

const proceedingsOf = (caseId: number) =>
  t.database.db.select().from(proceedings).where(eq(proceedings.caseId, caseId)).orderBy(proceedings.id);

describe('处罚前告知 and 听证', () => {
  it('asks for the hearing answer where the law gives the right, and waits out the 5 working days', async () => {
    const { id } = await approvedMinorDetention();
    // A 2026 act: the case cites the 2025 law's article, not the dictionary's 2012 one (第四十三条).
    const seen = await read(await officer.get(`/api/cases/${id}`));
    expect(seen.offences[0]).toMatchObject({ name: '殴打他人', article: '第五十一条第一款' });
    // No decision before the 告知.
    const uninformed = await act(head, id, 'decide', { decidedOn: '2026-03-10' });
    expect(uninformed.status).toBe(409);
    expect(uninformed.body.error.fields.action).toContain('告知');

    // A statement must be reviewed; a 告知 cannot precede the last approval.
    const unreviewed = await act(officer, id, 'inform', {
      informedOn: '2026-03-02',
      statement: 'stated',
      statementText: '我只是推了一下',
      hearing: 'undecided',
    });
    expect(unreviewed.status).toBe(400);
    expect(unreviewed.body.error.fields.statementReview).toBeTruthy();
    const early = await act(officer, id, 'inform', { informedOn: '2026-03-01', statement: 'waived' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.informedOn).toContain('审批');

    // A minor proposed for detention under the 2025 law must be told of the right to a hearing.
    const noAnswer = await act(officer, id, 'inform', { informedOn: '2026-03-02', statement: 'waived' });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.fields.hearing).toContain('第一百一十七条');

    const told = await inform(officer, id, '2026-03-02', {
      statement: 'stated',
      statementText: '我只是推了一下，没有打他',
      statementReview: '经复核，监控视频和证人证言证实其用拳击打被侵害人面部，申辩不成立，不予采纳。',
      hearing: 'undecided',
    });
    expect(told.body.status).toBe('informed');
    const [notice, window] = await proceedingsOf(id);
    expect(notice).toMatchObject({ kind: 'penalty_notice', status: 'done', outcome: 'informed' });
    expect(notice!.detail).toMatchObject({ statement: 'stated', hearing: 'undecided' });
    // 5 working days from Monday 2026-03-02 (行政处罚法 arts.64, 85).
    expect(window).toMatchObject({ kind: 'hearing_window', status: 'open', clockRule: 'hearing_request' });
    expect(window!.dueOn).toBe('2026-03-09');

    const tooSoon = await act(head, id, 'decide', { decidedOn: '2026-03-09' });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.error.fields.action).toContain('2026-03-09');
    const beforeInform = await act(head, id, 'decide', { decidedOn: '2026-03-01' });
    expect(beforeInform.status).toBe(400);

    // After the window the decision is made; the window is closed as lapsed.
    const decided = await act(head, id, 'decide', { decidedOn: '2026-03-10' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // The 决定书 says when the party was told, what they said and how it was reviewed.
    const doc = await officer.get(`/api/decisions/${decided.body.decisions[0].id}/document`);
    const zip = await JSZip.loadAsync(await doc.arrayBuffer());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('本机关于2026年3月2日依法告知');
    expect(text).toContain('陈述、申辩和要求听证的权利');
    expect(text).toContain('其提出了陈述、申辩，经复核，监控视频');
    expect(text).toContain('在法定期限内未要求听证');
    const after = await proceedingsOf(id);
    expect(after.find((p) => p.id === window!.id)).toMatchObject({ status: 'done', outcome: 'lapsed' });

    // The 决定书 is served within 2 days (治安管理处罚法 2025 art.116), recorded by the unit.
    const service = after.find((p) => p.kind === 'decision_notice')!;
    expect(service).toMatchObject({
      status: 'open',
      clockRule: 'zhian_decision_service',
      dueOn: '2026-03-12',
    });
    const served = await officer.post(`/api/cases/${id}/proceedings/${service.id}/serve`, {
      on: '2026-03-11',
      note: '当场宣告并交付',
    });
    expect(served.status).toBe(200);
    const [row] = await t.database.db.select().from(proceedings).where(eq(proceedings.id, service.id));
    expect(row).toMatchObject({ status: 'done', outcome: 'served', closedOn: '2026-03-11' });
  });

  it('holds the decision while a hearing is pending, and a hearing against the proposal sends it back', async () => {
    const { id } = await approvedMinorDetention();
    await inform(officer, id, '2026-03-02', { hearing: 'requested' });
    const hearing = (await proceedingsOf(id)).find((p) => p.kind === 'hearing')!;
    expect(hearing).toMatchObject({ status: 'open', clockRule: null });

    const pending = await act(head, id, 'decide', { decidedOn: '2026-03-10' });
    expect(pending.status).toBe(409);
    expect(pending.body.error.fields.action).toContain('听证');
    // The hearing is the legal detachment's (程序规定 art.124), not the unit's.
    const byUnit = await officer.post(`/api/cases/${id}/proceedings/${hearing.id}/schedule`, {
      on: '2026-03-02',
      heldOn: '2026-03-09',
      place: '派出所会议室',
    });
    expect(byUnit.status).toBe(403);
    // Not concluded before it was scheduled and held (行政处罚法 arts.64–65).
    const unscheduled = await legal.post(`/api/cases/${id}/proceedings/${hearing.id}/conclude`, {
      on: '2026-03-09',
      outcome: 'overturned',
      note: '听证认为被侵害人伤情证据不足',
    });
    expect(unscheduled.status).toBe(409);
    const officerId = async (username: string) =>
      (await t.database.db.select().from(officers).where(eq(officers.username, username)))[0]!.id;
    const step = async (name: string, body: Record<string, unknown>) => {
      const res = await legal.post(`/api/cases/${id}/proceedings/${hearing.id}/${name}`, body);
      return { status: res.status, body: await read(res) };
    };
    const schedule = (body: Record<string, unknown>) =>
      step('schedule', {
        on: '2026-03-02',
        heldOn: '2026-03-09',
        place: '渝州区公安分局听证室',
        hostId: null,
        ...body,
      });
    // Told 6 days ahead: too late; the earliest lawful date is named.
    const short = await schedule({ heldOn: '2026-03-08', hostId: await officerId('legal') });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.heldOn).toContain('2026-03-09');
    // The investigating officer may not chair it.
    const own = await schedule({ hostId: await officerId('officer') });
    expect(own.status).toBe(400);
    expect(own.body.error.fields.hostId).toContain('非本案调查人员');
    const scheduled = await schedule({ hostId: await officerId('legal') });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const early = await step('conclude', {
      on: '2026-03-08',
      outcome: 'overturned',
      note: '听证认为被侵害人伤情证据不足',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.on).toContain('2026-03-09');
    const noRecord = await step('conclude', {
      on: '2026-03-09',
      outcome: 'overturned',
    });
    expect(noRecord.status).toBe(400);
    expect(noRecord.body.error.fields.note).toBeTruthy();
    const held = await legal.post(`/api/cases/${id}/proceedings/${hearing.id}/conclude`, {
      on: '2026-03-09',
      outcome: 'overturned',
      note: '听证认为被侵害人伤情证据不足',
    });
    expect(held.status).toBe(200);
    const against = await act(head, id, 'decide', { decidedOn: '2026-03-10' });
    expect(against.status).toBe(409);
    expect(against.body.error.fields.action).toContain('撤回');

    // The hearing's 8 days (03-02 to 03-09) are not counted in the case period (2025 law art.118).
    const view = await read(await officer.get(`/api/cases/${id}`));
    expect(view.appraisalDays).toBe(8);
    expect(view.clock.due > '2026-03-31').toBe(true);
    const back = await act(officer, id, 'withdraw', { reason: '听证认为证据不足，补充伤情鉴定' });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('investigating');
  });

  it('tells a party who fled by public notice and decides only after its 7 days; a response calls for a new 告知', async () => {
    const { id } = await approvedMinorDetention();
    // A public notice has no answer yet: a statement or a hearing answer is refused.
    const answered = await act(officer, id, 'inform', {
      informedOn: '2026-03-02',
      method: 'public_notice',
      noticeReason: '违法行为人逃跑，下落不明',
      statement: 'waived',
      hearing: 'waived',
    });
    expect(answered.status).toBe(400);
    expect(answered.body.error.fields.hearing).toContain('公告');
    const noReason = await act(officer, id, 'inform', {
      informedOn: '2026-03-02',
      method: 'public_notice',
      statement: 'waived',
      hearing: 'undecided',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.noticeReason).toBeTruthy();
    const told = await act(officer, id, 'inform', {
      informedOn: '2026-03-02',
      method: 'public_notice',
      noticeReason: '违法行为人逃跑，下落不明',
      statement: 'waived',
      hearing: 'undecided',
    });
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    const window = (await proceedingsOf(id)).find((p) => p.kind === 'statement_window')!;
    // Seven calendar days from Monday 03-02 end on Monday 03-09 (程序规定 arts.35, 168).
    expect(window).toMatchObject({
      status: 'open',
      clockRule: 'public_notice_statement',
      dueOn: '2026-03-09',
    });
    const early = await act(head, id, 'decide', { decidedOn: '2026-03-09' });
    expect(early.status).toBe(409);
    // The hearing window (5 working days, to 03-09) and the statement window both bar it.
    expect(early.body.error.fields.action).toMatch(/2026-03-09/);

    // The party turns up on 03-05 and states a case: the unit records it; no decision on the old 告知.
    const came = await officer.post(`/api/cases/${id}/proceedings/${window.id}/apply`, {
      on: '2026-03-05',
      note: '当事人到案，称系对方先动手',
    });
    expect(came.status).toBe(200);
    const stated = await act(head, id, 'decide', { decidedOn: '2026-03-10' });
    expect(stated.status).toBe(409);
    expect(stated.body.error.fields.action).toContain('重新告知');
    // Told again in person, the statement reviewed and the hearing waived: the earlier windows end.
    const again = await act(officer, id, 'inform', {
      informedOn: '2026-03-05',
      statement: 'stated',
      statementText: '系对方先动手',
      statementReview: '经复核，监控视频显示其先动手，申辩不成立。',
      hearing: 'waived',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const after = await proceedingsOf(id);
    expect(after.find((p) => p.kind === 'hearing_window')).toMatchObject({
      status: 'done',
      detail: expect.objectContaining({ informedAgain: true }),
    });
    const decided = await act(head, id, 'decide', { decidedOn: '2026-03-06' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });

  it('asks no hearing answer for a small fine, and no 告知 at all for 不予处罚', async () => {
    const approved = async (kind: 'fine' | 'no_penalty', gates: TestClient[], victim = false) => {
      const c = await createCase(officer, {});
      await act(officer, c.id, 'accept', { acceptedOn: '2021-09-28' });
      const party = await read(
        await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'offender', name: '李四' }),
      );
      if (victim)
        await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'victim', name: '王某' });
      await officer.put(`/api/cases/${c.id}/offences`, { codes: ['ZA-43-1'] });
      const pid = party.parties[0].id as number;
      expect((await act(officer, c.id, 'submit', { proposal: proposal(kind, pid) })).status).toBe(200);
      for (const who of gates)
        expect((await act(who, c.id, 'approve', { checklist: checklist() })).status).toBe(200);
      await backdateReviews(t, c.id, '2021-09-30');
      return c.id as number;
    };
    const fine = await approved('fine', [unitlegal, unithead, legal], true);
    // A 500-yuan fine under the 2012 law (threshold 2000): no hearing right, so none is asked for.
    const told = await act(officer, fine, 'inform', { informedOn: '2021-09-30', statement: 'waived' });
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    expect((await act(officer, fine, 'decide', { decidedOn: '2021-09-30' })).status).toBe(200);
    // Two days from 09-30 end inside the National Day holiday: due the first day after it.
    const services = (await proceedingsOf(fine)).filter((p) => p.kind === 'decision_notice');
    expect(services[0]).toMatchObject({ clockRule: 'zhian_decision_service', dueOn: '2021-10-08' });
    // the victim is served too (no period of its own)
    expect(services[1]).toMatchObject({
      status: 'open',
      clockRule: null,
      detail: expect.objectContaining({ victim: true }),
    });

    const none = await approved('no_penalty', [unitlegal, unithead]);
    const view = await read(await officer.get(`/api/cases/${none}`));
    expect(view.availableActions).toEqual(['decide', 'withdraw']);
    expect((await act(officer, none, 'decide', { decidedOn: '2021-09-30' })).status).toBe(200);
    expect((await proceedingsOf(none)).map((p) => p.kind)).toEqual([]);
  });
});

describe('the case period under the 2025 治安管理处罚法 (art.118)', () => {
  const extend = (id: number, approvedOn: string) =>
    legal.post(`/api/cases/${id}/extend-period`, {
      reason: '案情重大、复杂',
      approvingOrgan: '渝州市公安局',
      approverName: '王局长',
      approvedOn,
      approvalRef: `渝公延〔${approvedOn.slice(0, 4)}〕1号`,
    });

  it('may be extended twice for a case accepted in 2026, once for one accepted before', async () => {
    const c = await createCase(officer, { receivedAt: '2026-03-01T10:00:00+08:00' });
    await act(officer, c.id, 'accept', { acceptedOn: '2026-03-01' });
    let view = await read(await officer.get(`/api/cases/${c.id}`));
    expect(view.periodExtensionsLeft).toBe(2);
    const due0 = view.clock.due as string;
    expect((await extend(c.id, '2026-03-20')).status).toBe(200);
    expect((await extend(c.id, '2026-04-20')).status).toBe(200);
    view = await read(await officer.get(`/api/cases/${c.id}`));
    expect(view.periodExtensionsLeft).toBe(0);
    expect(view.periodExtendedDays).toBe(60);
    expect(view.clock.due > due0).toBe(true);
    const third = await extend(c.id, '2026-05-20');
    expect(third.status).toBe(409);
    expect((await read(third)).error.fields.action).toContain('2 次');

    const old = await createCase(officer, {});
    await act(officer, old.id, 'accept', { acceptedOn: '2021-09-28' });
    expect((await read(await officer.get(`/api/cases/${old.id}`))).periodExtensionsLeft).toBe(1);
    expect((await extend(old.id, '2021-10-20')).status).toBe(200);
    const again = await extend(old.id, '2021-10-21');
    expect(again.status).toBe(409);
    expect((await read(again)).error.fields.action).toContain('1 次');
  });
});
