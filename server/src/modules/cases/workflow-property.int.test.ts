/**
 * The workflow against the server, by property: random action sequences by random users. Every
 * successful action writes exactly one audit record on the case and lands where the pure state
 * machine says; every refused one changes nothing (case row, reviews, decisions, audit).
 */
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  chinaToday,
  DEFAULT_GATES,
  type DecisionKind,
  type Gate,
  seededRandom,
} from '@fazhi/common';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, decisions, proceedings, reviews } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { act, auditCount, checklist, createCase, proposal } from './case-fixtures.ts';
import { nextState } from './state.ts';

const USERS = ['officer', 'unitlegal', 'unithead', 'legal', 'head', 'officer2'] as const;
const ENDING: readonly CaseAction[] = ['refuse', 'refuse_filing', 'transfer', 'mediate', 'close'];
let t: TestApp;
const clients: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await testApp();
  for (const u of USERS) clients[u] = await t.signIn(u);
}, 120_000);
afterAll(() => t.close());

function bodyFor(action: CaseAction, type: CaseType, partyId: number, pick: <T>(xs: readonly T[]) => T) {
  switch (action) {
    case 'accept':
      return { acceptedOn: '2021-09-28' };
    case 'request_filing':
      return { proposed: pick(['file', 'refuse_filing'] as const), reason: '理由' };
    case 'file':
      return { filedOn: '2021-09-28' };
    case 'submit': {
      const kind: DecisionKind =
        type === 'admin'
          ? pick(['warning', 'fine', 'detention'] as const)
          : pick(['arrest_request', 'prosecution_transfer'] as const);
      const p = proposal(kind, type === 'admin' ? partyId : null);
      return { proposal: type === 'admin' ? p : { ...p, penaltyItemCodes: ['XF-264'] } };
    }
    case 'approve':
      return { checklist: checklist() };
    case 'send_back':
    case 'disagree':
      return { checklist: checklist(false), reasons: '证据不足' };
    case 'inform':
      return { informedOn: chinaToday(), statement: 'waived', hearing: 'waived' };
    case 'decide':
      return {}; // today: a decision is never dated before its last approval
    case 'record_feedback':
      return { feedbackKind: 'procuratorial_suggestion', receivedOn: '2021-10-10', content: '建议' };
    case 'transfer':
      return { reason: '移送', transferTo: '市场监管局' };
    case 'close':
      return { note: null };
    default:
      return { reason: '理由' };
  }
}

async function snapshot(id: number) {
  const [c] = await t.database.db.select().from(cases).where(eq(cases.id, id));
  const n = async (table: typeof reviews | typeof decisions | typeof proceedings) =>
    (await t.database.db.select({ n: count() }).from(table).where(eq(table.caseId, id)))[0]!.n;
  return {
    row: JSON.stringify(c),
    status: c!.status as CaseStatus,
    gate: c!.currentGate as Gate | null,
    round: c!.reviewRound,
    proposed: c!.proposedDecision as DecisionKind | null,
    reviews: await n(reviews),
    decisions: await n(decisions),
    proceedings: await n(proceedings),
    audits: await auditCount(t, id),
  };
}

describe('random action sequences against the server', () => {
  it('never leave the table, and audit every transition exactly once', async () => {
    const random = seededRandom(20211028);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    let ok = 0;
    let refused = 0;
    for (let s = 0; s < 14; s++) {
      const type: CaseType = s % 2 === 0 ? 'admin' : 'criminal';
      const officer = clients.officer!;
      const c = await createCase(officer, { caseType: type });
      const party = await read(
        await officer.post(`/api/cases/${c.id}/parties`, { kind: 'person', role: 'offender', name: '张三' }),
      );
      await officer.put(`/api/cases/${c.id}/offences`, {
        codes: type === 'admin' ? ['ZA-43-1', 'ZA-23'] : ['XF-264'],
      });
      const partyId = party.parties[0].id as number;
      for (let step = 0; step < 18; step++) {
        // Mostly an action someone may take now (rarely one that ends the case), so sequences get
        // deep into the review chain; otherwise anything by anyone.
        let user: (typeof USERS)[number] = pick(USERS);
        let action: CaseAction = pick(CASE_ACTIONS);
        if (random() < 0.75) {
          for (const u of [...USERS].sort(() => random() - 0.5)) {
            const view = await clients[u]!.get(`/api/cases/${c.id}`);
            if (view.status !== 200) continue;
            const allowed = (await read(view)).availableActions as CaseAction[];
            const lasting = allowed.filter((a) => !ENDING.includes(a));
            const choice = lasting.length && random() < 0.85 ? lasting : allowed;
            if (choice.length) {
              user = u;
              action = pick(choice);
              break;
            }
          }
        }
        const before = await snapshot(c.id);
        const body = bodyFor(action, type, partyId, pick);
        const res = await act(clients[user]!, c.id, action, body);
        const after = await snapshot(c.id);
        const label = `${type} ${before.status}/${before.gate} ${user} ${action} → ${res.status}`;
        if (res.status === 200) {
          ok++;
          expect(after.audits, label).toBe(before.audits + 1);
          const kind =
            action === 'submit'
              ? (body as { proposal: { kind: DecisionKind } }).proposal.kind
              : before.proposed;
          const expected = nextState(
            { caseType: type, status: before.status, currentGate: before.gate, reviewRound: before.round },
            action,
            kind ? DEFAULT_GATES[kind] : [],
          );
          expect(expected, label).not.toBeNull();
          expect({ status: after.status, gate: after.gate, round: after.round }, label).toEqual({
            status: expected!.status,
            gate: expected!.currentGate,
            round: expected!.reviewRound,
          });
        } else {
          refused++;
          expect([400, 403, 404, 409], label).toContain(res.status);
          if (user === 'officer2') expect(res.status, label).toBe(404);
          expect(after, label).toEqual(before);
        }
      }
    }
    console.info(`workflow property: ${ok} transitions, ${refused} refusals`);
    // The sequences exercised both sides.
    expect(ok).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(40);
  }, 300_000);
});
