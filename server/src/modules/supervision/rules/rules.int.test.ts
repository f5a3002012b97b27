/**
 * Each rule kind with records that must and records that must not make a finding. Records are
 * written straight into the tables (dates under control) and a full scan runs as of NOW.
 */
import { closedReasonText } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officers, units } from '../../../db/schema/index.ts';
import { type TestApp, testApp } from '../../../test-support/test-app.ts';
import { scanOn } from '../scan.service.ts';
import { at, daysBefore, Fixtures, findingsOf, flagged, hoursBefore } from './fixtures.ts';

const NOW = at('2025-06-10', '12:00');
let t: TestApp;
let f: Fixtures;

const scan = () => scanOn(t.database.db, t.orgId, { mode: 'full', now: NOW });
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

beforeAll(async () => {
  t = await testApp();
  f = await Fixtures.of(t);
});
afterAll(() => t.close());

describe('incident_without_case (有警无案)', () => {
  it('flags needs-case incidents without a case after 24 hours, not the exempt or the young', async () => {
    const late = await f.incident({ receivedAt: hoursBefore(NOW, 30) });
    const pending = await f.incident({ receivedAt: hoursBefore(NOW, 48), disposal: 'pending' });
    const young = await f.incident({ receivedAt: hoursBefore(NOW, 10) });
    const withCase = await f.incident({ receivedAt: hoursBefore(NOW, 72), disposal: 'case_opened' });
    await f.case({ receivedAt: hoursBefore(NOW, 71), incidentId: withCase });
    const transferred = await f.incident({ receivedAt: hoursBefore(NOW, 72), disposal: 'transferred' });
    const dispute = await f.incident({ receivedAt: hoursBefore(NOW, 72), category: 'JF-LL' });
    const beforeRules = await f.incident({ receivedAt: at('2020-12-01') });
    await scan();
    const all = [late, pending, young, withCase, transferred, dispute, beforeRules];
    expect(sorted(await flagged(t.database.db, 'incident_without_case', all))).toEqual(
      sorted([late, pending]),
    );
    const [finding] = await findingsOf(t.database.db, 'incident_without_case', [late]);
    expect(finding).toMatchObject({
      subject_type: 'incident',
      problem_key: `incident:${late}`,
      occurred_on: '2025-06-09',
      unit_id: f.unitId,
      officer_id: f.officerId,
      rectify_due_on: '2025-06-20',
      source: 'scan',
    });
    expect(finding!.detail).toMatchObject({ hours: 24, category: '殴打他人', disposal: 'handled_on_scene' });
  });
});

describe('case_idle (立而不侦)', () => {
  it('flags an investigating case untouched for 30 days, not one with a recent review or evidence', async () => {
    const idle = await f.case({ receivedAt: daysBefore(NOW, 60), updatedAt: daysBefore(NOW, 40) });
    const reviewed = await f.case({ receivedAt: daysBefore(NOW, 60), updatedAt: daysBefore(NOW, 40) });
    await f.review(reviewed, {
      round: 1,
      gate: 'unit_legal',
      outcome: 'send_back',
      actedAt: daysBefore(NOW, 5),
    });
    const withEvidence = await f.case({ receivedAt: daysBefore(NOW, 60), updatedAt: daysBefore(NOW, 40) });
    await f.evidence(withEvidence, daysBefore(NOW, 3));
    const closed = await f.case({
      receivedAt: daysBefore(NOW, 90),
      updatedAt: daysBefore(NOW, 80),
      status: 'closed',
    });
    const fresh = await f.case({ receivedAt: daysBefore(NOW, 20), updatedAt: daysBefore(NOW, 20) });
    await scan();
    const all = [idle, reviewed, withEvidence, closed, fresh];
    expect(await flagged(t.database.db, 'case_idle', all)).toEqual([idle]);
    const [finding] = await findingsOf(t.database.db, 'case_idle', [idle]);
    expect(finding!.problem_key).toBe(`case:${idle}:idle:2025-05-01`);
    expect(finding!.occurred_on).toBe('2025-05-31');
    expect(finding!.detail).toMatchObject({ days: 40, lastActivityOn: '2025-05-01', threshold: 30 });
  });
});

describe('clock_overdue and clock_due_soon (法定期限)', () => {
  it('flags a case clock past due and open proceedings past due, not today or done ones', async () => {
    const overdue = await f.case({ receivedAt: daysBefore(NOW, 40), clockDue: '2025-06-08', updatedAt: NOW });
    const dueToday = await f.case({
      receivedAt: daysBefore(NOW, 30),
      clockDue: '2025-06-10',
      updatedAt: NOW,
    });
    const soon = await f.case({
      receivedAt: daysBefore(NOW, 30),
      clockStart: '2025-05-13',
      clockDue: '2025-06-12',
      updatedAt: NOW,
    });
    const later = await f.case({ receivedAt: daysBefore(NOW, 30), clockDue: '2025-06-20', updatedAt: NOW });
    const host = await f.case({ receivedAt: daysBefore(NOW, 60), caseType: 'criminal', status: 'not_filed' });
    const window = await f.proceeding(host, {
      kind: 'reconsideration',
      startedOn: '2025-05-01',
      dueOn: '2025-06-01',
    });
    const done = await f.proceeding(host, {
      kind: 'reconsideration_window',
      startedOn: '2025-04-20',
      dueOn: '2025-04-27',
      status: 'done',
      closedOn: '2025-04-25',
    });
    const notice = await f.proceeding(host, {
      kind: 'not_filed_notice',
      startedOn: '2025-04-01',
      dueOn: '2025-04-04',
    });
    await scan();
    const db = t.database.db;
    expect(await flagged(db, 'clock_overdue', [overdue, dueToday, soon, later], 'case')).toEqual([overdue]);
    expect(await flagged(db, 'clock_overdue', [window, done, notice], 'proceeding')).toEqual([window]);
    const [o] = await findingsOf(db, 'clock_overdue', [overdue], 'case');
    expect(o).toMatchObject({
      problem_key: `case:${overdue}:clock:admin_case_period:2025-06-08`,
      occurred_on: '2025-06-09',
    });
    expect(o!.detail).toMatchObject({ clockName: '行政案件办案期限', dueOn: '2025-06-08', daysLate: 2 });

    expect(sorted(await flagged(db, 'clock_due_soon', [overdue, dueToday, soon, later], 'case'))).toEqual(
      sorted([dueToday, soon]),
    );
    const [s] = await findingsOf(db, 'clock_due_soon', [soon], 'case');
    expect(s!.occurred_on).toBe('2025-06-09');
  });
});

describe('camera_not_recorded (执法记录仪)', () => {
  it('flags disposed camera-required incidents with the camera off or unknown, and bad spot checks', async () => {
    const off = await f.incident({ receivedAt: hoursBefore(NOW, 30), cameraRecorded: false });
    const unknown = await f.incident({ receivedAt: hoursBefore(NOW, 50), cameraRecorded: null });
    const on = await f.incident({ receivedAt: hoursBefore(NOW, 30), cameraRecorded: true });
    const grace = await f.incident({ receivedAt: hoursBefore(NOW, 3), cameraRecorded: null });
    const notRequired = await f.incident({
      receivedAt: hoursBefore(NOW, 30),
      category: 'QZ-KS',
      cameraRecorded: false,
    });
    const pendingDisposal = await f.incident({
      receivedAt: hoursBefore(NOW, 30),
      disposal: 'pending',
      cameraRecorded: false,
    });
    const checkedBad = await f.incident({ receivedAt: at('2025-06-08', '10:00'), cameraRecorded: true });
    const bad = await f.cameraCheck(checkedBad, { sampleDay: '2025-06-08', result: 'partial' });
    const checkedOk = await f.incident({ receivedAt: at('2025-06-08', '11:00'), cameraRecorded: false });
    const ok = await f.cameraCheck(checkedOk, { sampleDay: '2025-06-08', result: 'recorded' });
    const unchecked = await f.incident({ receivedAt: at('2025-06-08', '12:00'), cameraRecorded: true });
    const pending = await f.cameraCheck(unchecked, { sampleDay: '2025-06-08', result: 'pending' });
    await scan();
    const db = t.database.db;
    const incidents = [
      off,
      unknown,
      on,
      grace,
      notRequired,
      pendingDisposal,
      checkedBad,
      checkedOk,
      unchecked,
    ];
    expect(sorted(await flagged(db, 'camera_not_recorded', incidents, 'incident'))).toEqual(
      sorted([off, unknown]),
    );
    expect(await flagged(db, 'camera_not_recorded', [bad, ok, pending], 'camera_check')).toEqual([bad]);
    const [spot] = await findingsOf(db, 'camera_not_recorded', [bad], 'camera_check');
    expect(spot).toMatchObject({ source: 'spot_check', occurred_on: '2025-06-08' });
    expect(spot!.detail).toMatchObject({ via: 'spot_check', result: 'partial' });
    const [u] = await findingsOf(db, 'camera_not_recorded', [unknown], 'incident');
    expect(u!.detail).toMatchObject({ via: 'incident', result: 'unknown' });
  });
});

describe('not_in_centre (执法办案管理中心)', () => {
  it('flags criminal cases with a suspect and detention cases outside the centre', async () => {
    const received = daysBefore(NOW, 10);
    const criminal = await f.case({ receivedAt: received, caseType: 'criminal', party: 'suspect' });
    const unsolved = await f.case({ receivedAt: received, caseType: 'criminal', party: 'victim' });
    const inCentre = await f.case({
      receivedAt: received,
      caseType: 'criminal',
      party: 'suspect',
      inCentre: true,
    });
    const notFiled = await f.case({
      receivedAt: received,
      caseType: 'criminal',
      party: 'suspect',
      status: 'not_filed',
    });
    const detention = await f.case({
      receivedAt: received,
      party: 'offender',
      proposedDecision: 'detention',
    });
    const fine = await f.case({ receivedAt: received, party: 'offender', proposedDecision: 'fine' });
    await scan();
    const all = [criminal, unsolved, inCentre, notFiled, detention, fine];
    expect(sorted(await flagged(t.database.db, 'not_in_centre', all))).toEqual(sorted([criminal, detention]));
  });
});

describe('publicity_late (执法公示)', () => {
  it('flags pending publications past due and late publications, not those on time', async () => {
    const overdue = await f.publication({ dueOn: '2025-06-01' });
    const lateOnes = await f.publication({ dueOn: '2025-06-01', publishedAt: at('2025-06-05') });
    const notDue = await f.publication({ dueOn: '2025-06-12' });
    const onTime = await f.publication({ dueOn: '2025-06-01', publishedAt: at('2025-06-01', '18:00') });
    await scan();
    const all = [overdue, lateOnes, notDue, onTime];
    expect(sorted(await flagged(t.database.db, 'publicity_late', all))).toEqual(sorted([overdue, lateOnes]));
    const [late] = await findingsOf(t.database.db, 'publicity_late', [lateOnes]);
    expect(late!.detail).toMatchObject({ publishedOn: '2025-06-05', daysLate: 4, dueOn: '2025-06-01' });
    expect(late!.occurred_on).toBe('2025-06-02');
  });
});

describe('decision_without_item (处罚事项)', () => {
  it('flags a penalty decision citing no penalty item, not one with items or a non-penalty decision', async () => {
    const bare = await f.case({ receivedAt: daysBefore(NOW, 10), status: 'decided' });
    await f.decision(bare, { kind: 'fine', decidedAt: daysBefore(NOW, 2), items: [] });
    const cited = await f.case({ receivedAt: daysBefore(NOW, 10), status: 'decided' });
    await f.decision(cited, { kind: 'fine', decidedAt: daysBefore(NOW, 2) });
    const noPenalty = await f.case({ receivedAt: daysBefore(NOW, 10), status: 'decided' });
    await f.decision(noPenalty, { kind: 'no_penalty', decidedAt: daysBefore(NOW, 2), items: [] });
    await scan();
    expect(await flagged(t.database.db, 'decision_without_item', [bare, cited, noPenalty])).toEqual([bare]);
  });
});

describe('unqualified_reviewer (执法资格)', () => {
  it('flags reviews by officers below the gate level or qualified only after the act', async () => {
    const fz = await t.database.db
      .select({ id: officers.id })
      .from(officers)
      .innerJoin(units, eq(units.id, officers.unitId))
      .where(eq(units.code, 'DET-FZ'))
      .orderBy(officers.id)
      .limit(3);
    const [basic, advanced, lateQualified] = fz.map((o) => o.id) as [number, number, number];
    const level = (id: number, qualificationLevel: string, qualificationDate: string) =>
      t.database.db
        .update(officers)
        .set({ qualificationLevel, qualificationDate })
        .where(eq(officers.id, id));
    await level(basic, 'basic', '2015-01-01');
    await level(advanced, 'advanced', '2015-01-01');
    await level(lateQualified, 'intermediate', '2025-06-01');
    const c = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'closed' });
    const byBasic = await f.review(c, {
      round: 1,
      gate: 'legal',
      outcome: 'approve',
      actedAt: daysBefore(NOW, 20),
      reviewerId: basic,
    });
    const byAdvanced = await f.review(c, {
      round: 1,
      gate: 'branch_head',
      outcome: 'approve',
      actedAt: daysBefore(NOW, 19),
      reviewerId: advanced,
    });
    const beforeQualified = await f.review(c, {
      round: 1,
      gate: 'unit_legal',
      outcome: 'approve',
      actedAt: daysBefore(NOW, 21),
      reviewerId: lateQualified,
    });
    const submit = await f.review(c, {
      round: 1,
      gate: 'officer',
      outcome: 'submit',
      actedAt: daysBefore(NOW, 22),
      reviewerId: basic,
    });
    const c2 = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'closed' });
    const afterQualified = await f.review(c2, {
      round: 1,
      gate: 'legal',
      outcome: 'approve',
      actedAt: daysBefore(NOW, 2),
      reviewerId: lateQualified,
    });
    await scan();
    const all = [byBasic, byAdvanced, beforeQualified, submit, afterQualified];
    expect(sorted(await flagged(t.database.db, 'unqualified_reviewer', all))).toEqual(
      sorted([byBasic, beforeQualified]),
    );
    const [b] = await findingsOf(t.database.db, 'unqualified_reviewer', [byBasic]);
    expect(b!.detail).toMatchObject({ gate: 'legal', level: 'basic', required: 'intermediate' });
    expect(b!.officer_id).toBe(basic);
  });
});

describe('major_without_discussion (集体讨论)', () => {
  it('flags a major case decided with no discussion on or before the decision day', async () => {
    const decided = daysBefore(NOW, 9);
    const none = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'decided', major: true });
    await f.decision(none, { kind: 'detention', decidedAt: decided });
    const after = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'decided', major: true });
    await f.decision(after, { kind: 'detention', decidedAt: decided });
    await f.discussion(after, daysBefore(NOW, 5));
    const before = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'decided', major: true });
    await f.discussion(before, daysBefore(NOW, 12));
    await f.decision(before, { kind: 'detention', decidedAt: decided });
    const ordinary = await f.case({ receivedAt: daysBefore(NOW, 30), status: 'decided' });
    await f.decision(ordinary, { kind: 'detention', decidedAt: decided });
    await scan();
    const all = [none, after, before, ordinary];
    expect(sorted(await flagged(t.database.db, 'major_without_discussion', all))).toEqual(
      sorted([none, after]),
    );
  });
});

describe('repeated_send_backs (反复退回)', () => {
  it('flags a case sent back twice, not one sent back once and disagreed once', async () => {
    const twice = await f.case({ receivedAt: daysBefore(NOW, 30) });
    await f.review(twice, {
      round: 1,
      gate: 'unit_legal',
      outcome: 'send_back',
      actedAt: daysBefore(NOW, 20),
    });
    await f.review(twice, { round: 2, gate: 'legal', outcome: 'send_back', actedAt: daysBefore(NOW, 10) });
    const mixed = await f.case({ receivedAt: daysBefore(NOW, 30) });
    await f.review(mixed, {
      round: 1,
      gate: 'unit_legal',
      outcome: 'send_back',
      actedAt: daysBefore(NOW, 20),
    });
    await f.review(mixed, { round: 2, gate: 'legal', outcome: 'disagree', actedAt: daysBefore(NOW, 10) });
    await scan();
    expect(await flagged(t.database.db, 'repeated_send_backs', [twice, mixed])).toEqual([twice]);
    const [s] = await findingsOf(t.database.db, 'repeated_send_backs', [twice]);
    expect(s!.occurred_on).toBe('2025-05-31');
    expect(s!.detail).toMatchObject({ sendBacks: 2, threshold: 2 });
  });
});

describe('notice_not_served (不予立案通知书)', () => {
  it('flags a notice unserved after 3 days or served late, not one served in time or still in time', async () => {
    const host = await f.case({ receivedAt: daysBefore(NOW, 60), caseType: 'criminal', status: 'not_filed' });
    const unserved = await f.proceeding(host, { kind: 'not_filed_notice', startedOn: '2025-06-01' });
    const servedLate = await f.proceeding(host, {
      kind: 'not_filed_notice',
      startedOn: '2025-05-01',
      status: 'done',
      closedOn: '2025-05-10',
    });
    const servedInTime = await f.proceeding(host, {
      kind: 'not_filed_notice',
      startedOn: '2025-05-01',
      status: 'done',
      closedOn: '2025-05-02',
    });
    const stillInTime = await f.proceeding(host, { kind: 'not_filed_notice', startedOn: '2025-06-09' });
    await scan();
    const all = [unserved, servedLate, servedInTime, stillInTime];
    expect(sorted(await flagged(t.database.db, 'notice_not_served', all))).toEqual(
      sorted([unserved, servedLate]),
    );
    const [late] = await findingsOf(t.database.db, 'notice_not_served', [servedLate]);
    expect(late!.detail).toMatchObject({ dueOn: '2025-05-04', servedOn: '2025-05-10', daysLate: 6 });
  });
});

describe('resolution reasons', () => {
  it('closes an incident finding once a case is opened, saying when, in both languages', async () => {
    const inc = await f.incident({ receivedAt: hoursBefore(NOW, 30) });
    await scan();
    expect(await flagged(t.database.db, 'incident_without_case', [inc])).toEqual([inc]);
    await f.case({ receivedAt: at('2025-06-10', '09:00'), incidentId: inc });
    await scan();
    const [finding] = await findingsOf(t.database.db, 'incident_without_case', [inc]);
    expect(finding!.status).toBe('resolved');
    expect(closedReasonText(finding!.closed_reason, 'zh-CN')).toBe('已于 2025-06-10 受案立案');
    expect(closedReasonText(finding!.closed_reason, 'en-US')).toBe('Case opened on 2025-06-10');
  });
});
