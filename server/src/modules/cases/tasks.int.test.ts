/**
 * 待办 from the workflow table: for every case type and every status in which a case waits for
 * someone (`waitingFor`), a case in that status is in that person's 待办, linked to the case.
 */
import {
  type Actor,
  CASE_STATUSES,
  CASE_TYPES,
  chinaToday,
  type TaskResponse,
  waitingFor,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { act, checklist, createCase, inform, proposal, readyAdminCase, signInAll } from './case-fixtures.ts';

let t: TestApp;
let users: Record<Actor, TestClient>;
let others: TestClient[];

beforeAll(async () => {
  t = await testApp();
  const [officer, unitlegal, legal, head, officer2, command] = await signInAll(t, [
    'officer',
    'unitlegal',
    'legal',
    'head',
    'officer2',
    'command',
  ] as const);
  // The reviewer stands at the unit legal officer's gate.
  users = { handler: officer, gate: unitlegal, legal, branch_head: head };
  others = [officer2, command];
});
afterAll(() => t.close());

const tasksOf = async (c: TestClient) => (await read(await c.get('/api/tasks'))).items as TaskResponse[];
const forCase = (items: TaskResponse[], id: number) => items.filter((x) => x.link === `/cases/${id}`);

const waiting = CASE_TYPES.flatMap((type) =>
  CASE_STATUSES.flatMap((status) => waitingFor(type, status).map((actor) => ({ type, status, actor }))),
);

describe('every status that waits for a person is in that person’s 待办', () => {
  it('covers both workflows', () => expect(waiting.length).toBeGreaterThanOrEqual(10));

  it.each(waiting)('$type $status → $actor', async ({ type, status, actor }) => {
    const c = await createCase(users.handler, {
      caseType: type,
      ...(type === 'criminal' ? { filingClock: 'filing_review' } : {}),
    });
    await t.database.db
      .update(cases)
      .set({
        status,
        currentGate: status === 'in_review' ? 'unit_legal' : null,
        // An approved case always has its proposal; the ordinary one is decided by its own actor.
        proposedDecision:
          status === 'approved' || status === 'informed'
            ? type === 'admin'
              ? 'warning'
              : 'arrest_request'
            : null,
      })
      .where(eq(cases.id, c.id));
    const mine = forCase(await tasksOf(users[actor]), c.id);
    expect(mine, `${type} ${status} in the ${actor}'s 待办`).toHaveLength(1);
    expect(mine[0]!.title).toContain(c.caseNo);
    // Nobody outside the case's unit and roles is asked to act on it.
    for (const other of others) expect(forCase(await tasksOf(other), c.id)).toEqual([]);
  });

  it('puts a case that has ended in nobody’s 待办', async () => {
    const c = await createCase(users.handler, { caseType: 'admin' });
    expect((await act(users.handler, c.id, 'refuse', { reason: '不属于公安机关管辖' })).status).toBe(200);
    for (const u of [...Object.values(users), ...others]) expect(forCase(await tasksOf(u), c.id)).toEqual([]);
  });
});

describe('the approvals of the 县级公安机关负责人', () => {
  it('puts a 呈请立案 in the branch head’s 待办, not the officer’s', async () => {
    const c = await createCase(users.handler, { caseType: 'criminal', filingClock: 'filing_review' });
    const asked = await act(users.handler, c.id, 'request_filing', {
      proposed: 'file',
      reason: '有犯罪事实',
    });
    expect(asked.body.status).toBe('filing_approval');
    const [task] = forCase(await tasksOf(users.branch_head), c.id);
    expect(task).toMatchObject({ id: `case.branch_head.${c.id}` });
    expect(task!.detail).toContain('批准立案');
    expect(task!.due).toBe(c.clock.due); // the 立案审查 clock still runs
    expect(forCase(await tasksOf(users.handler), c.id)).toEqual([]);
  });

  it('puts an informed 行政拘留 in the branch head’s 待办 to decide, a warning in the officer’s', async () => {
    const d = await createCase(users.handler, { caseType: 'admin' });
    const w = await createCase(users.handler, { caseType: 'admin' });
    const a = await createCase(users.handler, { caseType: 'admin' });
    await t.database.db
      .update(cases)
      .set({ status: 'informed', proposedDecision: 'detention' })
      .where(eq(cases.id, d.id));
    await t.database.db
      .update(cases)
      .set({ status: 'informed', proposedDecision: 'warning' })
      .where(eq(cases.id, w.id));
    // Approved but not yet told to the party: the officer's 告知 first, nothing for the head.
    await t.database.db
      .update(cases)
      .set({ status: 'approved', proposedDecision: 'detention' })
      .where(eq(cases.id, a.id));
    expect(forCase(await tasksOf(users.branch_head), a.id)).toEqual([]);
    expect(forCase(await tasksOf(users.handler), a.id).map((x) => x.detail)).toEqual([
      expect.stringContaining('处罚前告知'),
    ]);
    const head = await tasksOf(users.branch_head);
    expect(forCase(head, d.id).map((x) => x.id)).toEqual([`case.branch_head.${d.id}`]);
    expect(forCase(head, w.id)).toEqual([]);
    const officer = await tasksOf(users.handler);
    expect(forCase(officer, d.id)).toEqual([]);
    expect(forCase(officer, w.id).map((x) => x.id)).toEqual([`case.handler.${w.id}`]);
  });
});

describe('after the last approval', () => {
  it('the officer has 作出决定 in 待办, with its clock', async () => {
    const officer = users.handler;
    const c = await readyAdminCase(t, officer);
    // A warning stops at the unit head: officer → unit legal officer → unit head.
    expect((await act(officer, c.id, 'submit', { proposal: proposal('warning', c.partyId) })).status).toBe(
      200,
    );
    const [unitlegal, unithead] = await signInAll(t, ['unitlegal', 'unithead'] as const);
    for (const reviewer of [unitlegal, unithead]) {
      const task = forCase(await tasksOf(reviewer), c.id);
      expect(task.map((x) => x.id)).toEqual([`case.gate.${c.id}`]);
      expect((await act(reviewer, c.id, 'approve', { checklist: checklist() })).status).toBe(200);
    }
    const [told] = forCase(await tasksOf(officer), c.id);
    expect(told).toMatchObject({ id: `case.handler.${c.id}`, module: 'cases' });
    expect(told!.detail).toContain('处罚前告知');
    await inform(officer, c.id, chinaToday());
    const [decide] = forCase(await tasksOf(officer), c.id);
    expect(decide).toMatchObject({ id: `case.handler.${c.id}`, module: 'cases' });
    expect(decide!.detail).toContain('作出决定');
    expect(decide!.due).toBeTruthy();
    expect(typeof decide!.dueProvisional).toBe('boolean');
  });
});
