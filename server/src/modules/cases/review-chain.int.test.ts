import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officers, publications, settings, units } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import {
  act,
  auditCount,
  backdateReviews,
  checklist,
  ID_1,
  inform,
  proposal,
  readyAdminCase,
  signInAll,
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

describe('三级五关 review chain', () => {
  it('carries a detention case officer → unit legal → unit head → legal → head, with a send-back', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    // The officer cannot approve; the unit legal officer cannot submit.
    expect((await act(unitlegal, id, 'approve', { checklist: checklist() })).status).toBe(409);
    const sub = await act(officer, id, 'submit', { proposal: proposal('detention', partyId) });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ status: 'in_review', currentGate: 'unit_legal', reviewRound: 1 });
    expect(sub.body.gates).toEqual(['officer', 'unit_legal', 'unit_head', 'legal', 'branch_head']);
    expect(sub.body.availableActions).toEqual([]);
    // What the reviewers approve cannot change under them.
    const late = await officer.put(`/api/cases/${id}/offences`, { codes: [] });
    expect(late.status).toBe(409);
    expect((await read(late)).error.fields.case).toContain('不能再修改');

    const read1 = await read(await unitlegal.get(`/api/cases/${id}`));
    expect(read1.availableActions).toEqual(['approve', 'send_back', 'disagree']);
    // Reasons are required for a send-back.
    const noReason = await act(unitlegal, id, 'send_back', { checklist: checklist(false) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reasons).toBeTruthy();
    // The wrong gate: the unit head may not act while the case waits at the unit legal officer.
    const early = await act(unithead, id, 'approve', { checklist: checklist() });
    expect(early.status).toBe(403);
    expect(early.body.error.fields.action).toBeTruthy();

    const back = await act(unitlegal, id, 'send_back', {
      checklist: { ...checklist(), evidence: { ok: false, note: '缺少伤情鉴定' } },
      reasons: '请补充伤情鉴定意见书',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'investigating', currentGate: null });
    const mine = await read(await officer.get(`/api/cases/${id}`));
    expect(mine.returnedReasons).toBe('请补充伤情鉴定意见书');
    expect(mine.availableActions).toContain('submit');
    const tasks = await read(await officer.get('/api/tasks'));
    const returned = tasks.items.find((x: { id: string }) => x.id === `case.handler.${id}`);
    expect(returned).toMatchObject({ severity: expect.stringMatching(/warning|overdue/) });
    expect(returned.detail).toContain('请补充伤情鉴定意见书');

    expect(
      (await act(officer, id, 'submit', { proposal: proposal('detention', partyId) })).body.reviewRound,
    ).toBe(2);
    const gateTasks = await read(await unitlegal.get('/api/tasks'));
    expect(gateTasks.items.some((x: { id: string; link: string }) => x.link === `/cases/${id}`)).toBe(true);
    const atMyGate = await read(await unitlegal.get('/api/cases?atMyGate=1'));
    expect(atMyGate.items.map((c: { id: number }) => c.id)).toContain(id);

    for (const [who, next] of [
      [unitlegal, 'unit_head'],
      [unithead, 'legal'],
      [legal, 'branch_head'],
    ] as const) {
      const r = await act(who, id, 'approve', { checklist: checklist() });
      expect(r.status).toBe(200);
      expect(r.body.currentGate).toBe(next);
    }
    const last = await act(head, id, 'approve', { checklist: checklist() });
    expect(last.body).toMatchObject({ status: 'approved', currentGate: null });
    expect(last.body.reviews.map((r: { gate: string; outcome: string }) => `${r.gate}:${r.outcome}`)).toEqual(
      [
        'officer:submit',
        'unit_legal:send_back',
        'officer:submit',
        'unit_legal:approve',
        'unit_head:approve',
        'legal:approve',
        'branch_head:approve',
      ],
    );
    expect(last.body.reviews[1].checklist.evidence).toEqual({ ok: false, note: '缺少伤情鉴定' });
    expect(await auditCount(t, id, 'case.approve')).toBe(4);

    // The party is told of the intended penalty first (告知, by the officer): no decision before.
    expect(last.body.status).toBe('approved');
    expect(last.body.availableActions).toEqual([]);
    expect((await read(await officer.get(`/api/cases/${id}`))).availableActions).toEqual([
      'inform',
      'withdraw',
    ]);
    const uninformed = await act(head, id, 'decide', { decidedOn: '2021-09-30' });
    expect(uninformed.status).toBe(409);
    expect(uninformed.body.error.fields.action).toContain('告知');
    await backdateReviews(t, id, '2021-09-30');
    expect((await inform(officer, id, '2021-09-30')).body.status).toBe('informed');
    // 行政拘留 is then decided by the head of the 县级 organ, never by the officer.
    expect((await read(await head.get(`/api/cases/${id}`))).availableActions).toEqual(['decide']);
    expect((await read(await officer.get(`/api/cases/${id}`))).availableActions).toEqual([
      'inform',
      'withdraw',
    ]);
    expect((await act(officer, id, 'decide', { decidedOn: '2021-09-30' })).status).toBe(403);
    expect((await act(legal, id, 'decide', { decidedOn: '2021-09-30' })).status).toBe(403);
    // The decision: numbered per branch and year; a penalty is published within 7 working days.
    const decided = await act(head, id, 'decide', { decidedOn: '2021-09-30' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('decided');
    const d = decided.body.decisions[0];
    expect(d.docNo).toMatch(/^渝州公（治）行罚决字〔2021〕第\d{5}号$/);
    expect(d).toMatchObject({ kind: 'detention', detentionDays: 5, partyId });
    const [pub] = await t.database.db.select().from(publications).where(eq(publications.decisionId, d.id));
    // 2021-09-30 + 7 working days over the National Day holiday and the 10-09 make-up day.
    expect(pub).toMatchObject({ status: 'pending', clockRule: 'publicity_penalty', dueOn: '2021-10-15' });

    // The document: .docx in official layout with the number and the whole name for the officer.
    const res = await officer.get(`/api/decisions/${d.id}/document`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(d.docNo);
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('张三丰');
    expect(text).toContain(ID_1);
    expect(text).toContain('处行政拘留五日');
    expect(text).toContain('二〇二一年九月三十日');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f));
    const footerXml = await zip.file(footers[0]!)!.async('string');
    expect(footerXml).toContain('— ');
    expect(footerXml).toContain('PAGE');
    // A copy for someone else: the name and ID number masked.
    const masked = await JSZip.loadAsync(
      await (await officer.get(`/api/decisions/${d.id}/document?masked=1`)).arrayBuffer(),
    );
    const maskedText = (await masked.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(maskedText).toContain('张**');
    expect(maskedText).not.toContain('张三丰');
    expect(maskedText).not.toContain(ID_1);

    // Revoking the decision withdraws the pending publicity task at once.
    expect(
      (await officer.post(`/api/decisions/${d.id}/change`, { status: 'revoked', reason: 'x' })).status,
    ).toBe(403);
    const revoked = await read(
      await legal.post(`/api/decisions/${d.id}/change`, { status: 'revoked', reason: '复议撤销' }),
    );
    expect(revoked.status).toBe('revoked');
    const [after] = await t.database.db.select().from(publications).where(eq(publications.decisionId, d.id));
    expect(after!.status).toBe('withdrawn');
  });

  it('refuses a review whose checklist leaves a point unanswered, naming it, and changes nothing', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    await act(officer, id, 'submit', { proposal: proposal('warning', partyId) });
    const before = await read(await unitlegal.get(`/api/cases/${id}`));
    const { facts: _, ...withoutFacts } = checklist();
    const bodies = {
      approve: { checklist: withoutFacts },
      send_back: { checklist: { ...withoutFacts, evidence: { ok: null, note: null } }, reasons: '请补充' },
      disagree: { reasons: '不同意' },
    };
    for (const [action, body] of Object.entries(bodies)) {
      const r = await act(unitlegal, id, action, body);
      expect(r.status).toBe(400);
      expect(r.body.error.fields['checklist.facts']).toBe('请对“事实认定”作答：符合或存在问题');
      expect(r.body.error.fields.checklist).toContain('事实认定');
    }
    expect(
      (await act(unitlegal, id, 'send_back', { checklist: bodies.send_back.checklist, reasons: '请补充' }))
        .body.error.fields.checklist,
    ).toBe('审核要点须逐项作答，尚未作答：事实认定、证据');
    // 存在问题 must say what the problem is.
    const noNote = await act(unitlegal, id, 'send_back', {
      checklist: { ...checklist(), procedure: { ok: false, note: null } },
      reasons: '请补充',
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toEqual({ 'checklist.procedure.note': '“程序”存在问题，请写明问题' });

    const after = await read(await unitlegal.get(`/api/cases/${id}`));
    expect(after).toMatchObject({ status: 'in_review', currentGate: 'unit_legal', version: before.version });
    expect(after.reviews).toEqual(before.reviews);
    for (const a of ['case.approve', 'case.send_back', 'case.disagree'])
      expect(await auditCount(t, id, a)).toBe(0);
    // Answered in full, the same review goes through.
    expect((await act(unitlegal, id, 'approve', { checklist: checklist() })).status).toBe(200);
  });

  it('a warning stops at the unit head; a branch setting can add the legal gate', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    await act(officer, id, 'submit', { proposal: proposal('warning', partyId) });
    await act(unitlegal, id, 'approve', { checklist: checklist() });
    const done = await act(unithead, id, 'approve', { checklist: checklist() });
    expect(done.body.status).toBe('approved');

    await t.database.db.insert(settings).values({
      orgId: t.orgId,
      key: 'review_gates',
      value: { warning: ['officer', 'unit_legal', 'unit_head', 'legal'] },
    });
    try {
      const b = await readyAdminCase(t, officer);
      const sub = await act(officer, b.id, 'submit', { proposal: proposal('warning', b.partyId) });
      expect(sub.body.gates).toEqual(['officer', 'unit_legal', 'unit_head', 'legal']);
    } finally {
      await t.database.db.delete(settings).where(eq(settings.key, 'review_gates'));
    }
  });

  it('refuses the legal gate to a legal-detachment officer below the qualification', async () => {
    const [fz] = await t.database.db.select().from(units).where(eq(units.code, 'DET-FZ'));
    const staff = await t.database.db.select().from(officers).where(eq(officers.unitId, fz!.id));
    const junior = staff.find((o) => o.username !== 'legal')!;
    await t.database.db
      .update(officers)
      .set({ qualificationLevel: 'basic' })
      .where(eq(officers.id, junior.id));
    const low = await t.signIn(junior.username);

    const { id, partyId } = await readyAdminCase(t, officer);
    await act(officer, id, 'submit', { proposal: proposal('fine', partyId) });
    await act(unitlegal, id, 'approve', { checklist: checklist() });
    await act(unithead, id, 'approve', { checklist: checklist() });
    const view = await read(await low.get(`/api/cases/${id}`));
    expect(view.currentGate).toBe('legal');
    expect(view.availableActions).toEqual([]);
    const refused = await act(low, id, 'approve', { checklist: checklist() });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields.action).toContain('中级');
    expect(await auditCount(t, id, 'case.approve')).toBe(2);
    // Raised to intermediate (the default floor), the same officer may act.
    await t.database.db
      .update(officers)
      .set({ qualificationLevel: 'intermediate' })
      .where(eq(officers.id, junior.id));
    expect((await act(low, id, 'approve', { checklist: checklist() })).body.status).toBe('approved');
  });

  it('two reviewers approving one gate at once: one 200, one 409, nothing else changes', async () => {
    const [fz] = await t.database.db.select().from(units).where(eq(units.code, 'DET-FZ'));
    const staff = await t.database.db.select().from(officers).where(eq(officers.unitId, fz!.id));
    const other = staff.find((o) => o.username !== 'legal' && o.qualificationLevel === 'advanced')!;
    const legal2 = await t.signIn(other.username);

    const { id, partyId } = await readyAdminCase(t, officer);
    await act(officer, id, 'submit', { proposal: proposal('detention', partyId) });
    await act(unitlegal, id, 'approve', { checklist: checklist() });
    const before = await act(unithead, id, 'approve', { checklist: checklist() });
    expect(before.body.currentGate).toBe('legal');
    const audits = await auditCount(t, id);

    const [a, b] = await Promise.all([
      act(legal, id, 'approve', { checklist: checklist(), version: before.body.version }),
      act(legal2, id, 'approve', { checklist: checklist(), version: before.body.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('CONFLICT');
    const now = await read(await legal.get(`/api/cases/${id}`));
    expect(now.currentGate).toBe('branch_head');
    expect(now.version).toBe(before.body.version + 1);
    expect(now.reviews.filter((r: { gate: string }) => r.gate === 'legal')).toHaveLength(1);
    expect(await auditCount(t, id)).toBe(audits + 1);

    // Without a version the late reviewer still gets a conflict, not a silent second approval.
    const late = await act(legal2, id, 'approve', { checklist: checklist() });
    expect(late.status).toBe(409);
  });

  it('a major case needs a collective discussion before submission', async () => {
    const { id, partyId } = await readyAdminCase(t, officer, { major: true });
    const refused = await act(officer, id, 'submit', { proposal: proposal('fine', partyId) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields.action).toBeTruthy();
    const me = await read(await officer.get('/api/auth/me'));
    const talk = await officer.post(`/api/cases/${id}/discussions`, {
      heldAt: '2021-10-08T15:00:00+08:00',
      chairId: me.user?.id ?? me.id,
      opinions: [
        { name: '李建军', opinion: '同意罚款五百元' },
        { name: '王晓丽', opinion: '应当行政拘留，情节较重' },
      ],
      conclusion: '多数意见同意罚款五百元',
      dissent: '王晓丽：应当行政拘留，情节较重',
    });
    expect(talk.status).toBe(200);
    const body = await read(talk);
    expect(body.discussions[0].dissent).toBe('王晓丽：应当行政拘留，情节较重');
    expect((await act(officer, id, 'submit', { proposal: proposal('fine', partyId) })).status).toBe(200);
  });

  it('rejects a proposal that does not fit the case', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    const criminalKind = await act(officer, id, 'submit', { proposal: proposal('arrest_request', partyId) });
    expect(criminalKind.status).toBe(400);
    expect(criminalKind.body.error.fields['proposal.kind']).toBeTruthy();
    const noAmount = await act(officer, id, 'submit', {
      proposal: proposal('fine', partyId, { fineAmount: null }),
    });
    expect(noAmount.body.error.fields['proposal.fineAmount']).toBeTruthy();
    const noOffence = await act(officer, id, 'submit', {
      proposal: proposal('fine', partyId, { penaltyItemCodes: [] }),
    });
    expect(noOffence.body.error.fields['proposal.penaltyItemCodes']).toBeTruthy();
    const unlinked = await act(officer, id, 'submit', {
      proposal: proposal('fine', partyId, { penaltyItemCodes: ['ZA-70'] }),
    });
    expect(unlinked.body.error.fields['proposal.penaltyItemCodes']).toBeTruthy();
    expect(await auditCount(t, id, 'case.submit')).toBe(0);
  });
});
