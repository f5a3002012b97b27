import { CASE_ACTIONS } from '@fazhi/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import {
  act,
  auditCount,
  backdateReviews,
  checklist,
  inform,
  proposal,
  readyAdminCase,
  signInAll,
} from './case-fixtures.ts';

let t: TestApp;
let officer: TestClient;
let officer2: TestClient;

beforeAll(async () => {
  t = await testApp();
  [officer, officer2] = await signInAll(t, ['officer', 'officer2'] as const);
}, 120_000);
afterAll(() => t.close());

describe('a user of another unit', () => {
  it('gets 404 on every case route for a PS-01 case and changes nothing', async () => {
    const [legal, unitlegal, unithead, head] = await signInAll(t, [
      'legal',
      'unitlegal',
      'unithead',
      'head',
    ] as const);
    const { id, partyId } = await readyAdminCase(t, officer);
    const form = new FormData();
    form.append('file', new File(['x'], 'a.txt', { type: 'text/plain' }));
    const ev = await read(await officer.request('POST', `/api/cases/${id}/evidence`, form));
    await act(officer, id, 'submit', { proposal: proposal('fine', partyId) });
    for (const who of [unitlegal, unithead, legal]) await act(who, id, 'approve', { checklist: checklist() });
    await backdateReviews(t, id, '2021-09-30');
    await inform(officer, id, '2021-09-30');
    const decided = await act(officer, id, 'decide', { decidedOn: '2021-09-30' });
    const decisionId = decided.body.decisions[0].id;
    void head;
    const before = await read(await officer.get(`/api/cases/${id}`));
    const audits = await auditCount(t, id);

    const calls: [string, string, unknown?][] = [
      ['GET', `/api/cases/${id}`],
      ['GET', `/api/cases/${id}?reveal=1`],
      ['PATCH', `/api/cases/${id}`, { version: before.version, title: '改名' }],
      ['POST', `/api/cases/${id}/parties`, { kind: 'person', role: 'witness', name: '李四' }],
      ['PUT', `/api/cases/${id}/parties/${partyId}`, { kind: 'person', role: 'witness', name: '李四' }],
      ['DELETE', `/api/cases/${id}/parties/${partyId}`],
      ['PUT', `/api/cases/${id}/offences`, { codes: [] }],
      ['POST', `/api/cases/${id}/evidence`, form],
      ['GET', `/api/evidence/${ev.id}/download`],
      [
        'POST',
        `/api/cases/${id}/discussions`,
        {
          heldAt: '2021-10-01T10:00:00+08:00',
          chairId: 1,
          opinions: [
            { name: 'a', opinion: 'b' },
            { name: 'c', opinion: 'd' },
          ],
          conclusion: 'e',
        },
      ],
      [
        'POST',
        `/api/cases/${id}/extend-period`,
        {
          reason: 'x',
          approvingOrgan: '市公安局',
          approverName: '陈某',
          approvedOn: '2021-10-01',
          approvalRef: '1',
        },
      ],
      ['POST', `/api/cases/${id}/appraisals`, { from: '2021-10-01', to: '2021-10-02' }],
      ['POST', `/api/cases/${id}/proceedings/1/serve`, { on: '2021-10-01' }],
      ['GET', `/api/decisions/${decisionId}`],
      ['GET', `/api/decisions/${decisionId}/document`],
      ['POST', `/api/decisions/${decisionId}/change`, { status: 'revoked', reason: 'x' }],
      ...CASE_ACTIONS.map(
        (a) => ['POST', `/api/cases/${id}/actions/${a}`, { reason: 'x' }] as [string, string, unknown],
      ),
    ];
    for (const [method, path, body] of calls) {
      const res = await officer2.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const list = await read(await officer2.get(`/api/cases?q=${before.caseNo}`));
    expect(list.items).toHaveLength(0);
    const after = await read(await officer.get(`/api/cases/${id}`));
    expect(after.version).toBe(before.version);
    expect(after.title).toBe(before.title);
    expect(await auditCount(t, id)).toBe(audits);
  });
});
