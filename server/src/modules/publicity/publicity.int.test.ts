import { chinaToday, type DecisionKind } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  caseParties,
  cases,
  decisions,
  officers,
  penaltyItems,
  publications,
  units,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { clockDue } from '../platform/clocks.ts';
import { openPublication, requireWithdrawal } from './open-publication.ts';

let t: TestApp;
let ctx: Ctx;
let unitlegal: TestClient;
let officer: TestClient;
let officer2: TestClient;
const unitIds: Record<string, number> = {};
let officerId = 0;
let seq = 0;

const PERSON = {
  name: '张三丰',
  idNumber: '50011219850315231X',
  phone: '13812345678',
  address: '重庆市渝北区龙溪街道松石北路128号3单元',
};

/** An offence of another law than the 治安管理处罚法, whose records are not sealed. */
const FIRE = {
  code: 'FIRE-60',
  name: '占用、堵塞消防车通道',
  law: '消防法',
  article: '第六十条第一款第五项',
};

interface Made {
  caseId: number;
  decisionId: number;
  publicationId: number | null;
  docNo: string;
}

/** A case with a party and a decision, as the cases module leaves them, then its publicity task. */
async function decide(opts: {
  unit?: string;
  kind?: DecisionKind;
  decidedOn?: string;
  party?: Partial<typeof PERSON> & { kind?: string; creditCode?: string | null };
  offences?: string[];
  fineAmount?: string | null;
  detentionDays?: number | null;
}): Promise<Made> {
  const n = ++seq;
  const unitId = unitIds[opts.unit ?? 'PS-01']!;
  const decidedOn = opts.decidedOn ?? chinaToday();
  const kind = opts.kind ?? 'fine';
  const docNo = `渝州公（测试）行罚决字〔${decidedOn.slice(0, 4)}〕${n}号`;
  return t.database.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(cases)
      .values({
        orgId: t.orgId,
        caseNo: `TEST-${n}`,
        caseType: kind === 'arrest_request' ? 'criminal' : 'admin',
        unitId,
        leadOfficerId: officerId,
        title: `${PERSON.name}殴打他人案 ${n}`,
        status: 'decided',
        receivedAt: new Date(`${decidedOn}T09:00:00+08:00`),
      })
      .returning({ id: cases.id });
    const p = { ...PERSON, kind: 'person', creditCode: null, ...opts.party };
    const [party] = await tx
      .insert(caseParties)
      .values({
        orgId: t.orgId,
        caseId: c!.id,
        kind: p.kind,
        role: 'offender',
        name: p.name,
        idNumber: p.kind === 'person' ? p.idNumber : null,
        creditCode: p.creditCode,
        phone: p.phone,
        address: p.address,
      })
      .returning({ id: caseParties.id });
    const [d] = await tx
      .insert(decisions)
      .values({
        orgId: t.orgId,
        caseId: c!.id,
        kind,
        docNo,
        fineAmount: opts.fineAmount === undefined ? (kind === 'fine' ? '500.00' : null) : opts.fineAmount,
        detentionDays: opts.detentionDays ?? null,
        // From 2026-01-01 every 治安 decision is sealed (2025 law 第一百三十六条) and never published:
        // the tests that publish today use an offence of another law.
        penaltyItemCodes: opts.offences ?? (decidedOn < '2026-01-01' ? ['ZA-43-1'] : [FIRE.code]),
        partyId: party!.id,
        facts: `${PERSON.name}（身份证号${PERSON.idNumber}，电话${PERSON.phone}）殴打他人`,
        decidedAt: new Date(`${decidedOn}T10:00:00+08:00`),
        decidedBy: officerId,
      })
      .returning({ id: decisions.id });
    const publicationId = await openPublication(tx, ctx, {
      decisionId: d!.id,
      caseId: c!.id,
      unitId,
      kind,
      decidedOn,
    });
    return { caseId: c!.id, decisionId: d!.id, publicationId, docNo };
  });
}

const publicationRow = async (id: number) =>
  (await t.database.db.select().from(publications).where(eq(publications.id, id)))[0]!;

beforeAll(async () => {
  t = await testApp();
  ctx = { db: t.database.db, orgId: t.orgId, locale: 'zh-CN', clientIp: null, actor: null };
  for (const u of await t.database.db.select().from(units).where(eq(units.orgId, t.orgId)))
    unitIds[u.code] = u.id;
  const [o] = await t.database.db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.orgId, t.orgId), eq(officers.username, 'officer')));
  officerId = o!.id;
  await t.database.db
    .insert(penaltyItems)
    .values({ orgId: t.orgId, caseType: 'admin', penalties: ['warning', 'fine'], ...FIRE });
  [unitlegal, officer, officer2] = await Promise.all([
    t.signIn('unitlegal'),
    t.signIn('officer'),
    t.signIn('officer2'),
  ]);
});
afterAll(() => t.close());

describe('publicity deadlines on the working-day calendar', () => {
  it('gives a penalty 7 working days and another decision 20, across National Day 2021', async () => {
    // From Tue 2021-09-28: 09-29, 09-30 (2), National Day 10-01..07 off, 10-08 (3), Saturday
    // 10-09 a make-up working day (4), 10-11, 10-12, 10-13 (7).
    const fine = await decide({ decidedOn: '2021-09-28' });
    expect((await publicationRow(fine.publicationId!)).dueOn).toBe('2021-10-13');
    expect((await publicationRow(fine.publicationId!)).clockRule).toBe('publicity_penalty');
    // … then 10-14 … 10-29 (19), Monday 11-01 (20).
    const other = await decide({ decidedOn: '2021-09-28', kind: 'no_penalty' });
    const row = await publicationRow(other.publicationId!);
    expect(row).toMatchObject({ dueOn: '2021-11-01', clockRule: 'publicity_other', status: 'pending' });
    const [opened] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'publicity.open'), eq(auditLog.targetId, String(row.id))));
    expect(opened).toBeDefined();
  });

  it('opens no task for a criminal decision', async () => {
    expect((await decide({ kind: 'arrest_request' })).publicationId).toBeNull();
  });
});

describe('publishing', () => {
  let late: Made;
  let onTime: Made;
  beforeAll(async () => {
    late = await decide({ decidedOn: '2021-09-28' });
    onTime = await decide({});
  });

  it('previews exactly what it then publishes, with personal data masked', async () => {
    const before = await read(await unitlegal.get(`/api/publicity/${onTime.publicationId}`));
    expect(before.status).toBe('pending');
    expect(before.content.object).toEqual({
      kind: 'person',
      name: '张**',
      idNumber: null,
      creditCode: null,
      address: '重庆市渝北区龙溪街道***',
    });
    const res = await unitlegal.post(`/api/publicity/${onTime.publicationId}/publish`);
    expect(res.status).toBe(200);
    const after = await read(res);
    expect(after).toMatchObject({ status: 'published', late: false, publishedBy: '王晓丽' });
    expect(after.content).toEqual(before.content);
    expect(after.content).toMatchObject({
      authority: '渝州区公安分局',
      unit: '城关派出所',
      category: 'penalty',
      conclusion: {
        decision: 'fine',
        fineAmount: '500.00',
        offences: [FIRE],
      },
    });
    const row = await publicationRow(onTime.publicationId!);
    const stored = JSON.stringify(row.content) + row.searchText;
    for (const secret of [PERSON.name, PERSON.idNumber, PERSON.phone, '松石北路'])
      expect(stored).not.toContain(secret);
    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'publicity.publish'), eq(auditLog.targetId, String(row.id))));
    expect(audited?.summary).toMatchObject({ late: false });
  });

  it('records a publication after the due date as late', async () => {
    const res = await read(await unitlegal.post(`/api/publicity/${late.publicationId}/publish`));
    expect(res).toMatchObject({ status: 'published', dueOn: '2021-10-13', late: true });
    expect(res.publishedAt.slice(0, 10) > res.dueOn).toBe(true);
    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'publicity.publish'), eq(auditLog.targetId, String(late.publicationId))),
      );
    expect(audited?.summary).toMatchObject({ late: true, dueOn: '2021-10-13' });
  });

  it('publishes once: a second publish conflicts', async () => {
    const res = await unitlegal.post(`/api/publicity/${late.publicationId}/publish`);
    expect(res.status).toBe(409);
  });

  it('serves the masked snapshot to the public, without a session', async () => {
    const anonymous = t.client();
    const list = await anonymous.get(`/api/public/publicity?q=${encodeURIComponent(onTime.docNo)}`);
    expect(list.status).toBe(200);
    const text = await list.text();
    const body = JSON.parse(text);
    expect(body.total).toBe(1);
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([onTime.publicationId]);
    const one = await anonymous.get(`/api/public/publicity/${onTime.publicationId}`);
    expect(one.status).toBe(200);
    const oneText = await one.text();
    for (const t of [text, oneText]) {
      for (const secret of [PERSON.name, PERSON.idNumber, PERSON.phone, '松石北路', 'TEST-'])
        expect(t).not.toContain(secret);
      expect(t).toContain('张**');
      expect(t).not.toContain('500112');
      expect(t).not.toContain('231X');
    }
    expect(JSON.parse(oneText)).toMatchObject({ id: onTime.publicationId, object: { name: '张**' } });
    expect(await read(await anonymous.get('/api/public/publicity/about'))).toEqual({
      authority: '渝州区公安分局',
    });
  });

  it('keeps pending tasks off the portal', async () => {
    const pending = await decide({});
    expect((await t.client().get(`/api/public/publicity/${pending.publicationId}`)).status).toBe(404);
  });
});

describe('the public list', () => {
  const ids: number[] = [];
  // An offence of its own, so the demo branch's published decisions do not match the searches.
  const OFFENCE = '公示测试违法行为';
  const FIRM = '重庆公示测试网吧有限公司';
  const search = async (q: string, more = '') =>
    read(await t.client().get(`/api/public/publicity?q=${encodeURIComponent(q)}${more}`));
  beforeAll(async () => {
    await t.database.db.insert(penaltyItems).values({
      orgId: t.orgId,
      code: 'TEST-PUB',
      caseType: 'admin',
      name: OFFENCE,
      law: '测试条例',
      article: '第九十九条',
      penalties: ['detention', 'warning'],
    });
    // Three decisions, published oldest first.
    for (const [i, name] of ['王五', '赵六', '孙七'].entries()) {
      const m = await decide({
        kind: 'detention',
        fineAmount: null,
        detentionDays: 5 + i,
        offences: ['TEST-PUB'],
        party: { name, idNumber: '500103199001011232' },
      });
      await unitlegal.post(`/api/publicity/${m.publicationId}/publish`);
      ids.push(m.publicationId!);
    }
    const org = await decide({
      kind: 'warning',
      offences: ['TEST-PUB'],
      party: { kind: 'organisation', name: FIRM, creditCode: '91500112MA5U123456' },
    });
    await unitlegal.post(`/api/publicity/${org.publicationId}/publish`);
    ids.push(org.publicationId!);
  });

  it('searches Chinese substrings of the snapshot, newest first', async () => {
    const found = await search(OFFENCE);
    expect(found.total).toBe(4);
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(found.items[1]).toMatchObject({
      object: { name: '孙*' },
      conclusion: { decision: 'detention', detentionDays: 7 },
    });
    // part of the legal basis, part of the conclusion, part of an organisation's name
    expect((await search('测试条例》第九十九')).total).toBe(4);
    const byDays = (await search('行政拘留6日')).items.map((i: { id: number }) => i.id);
    expect(byDays).toContain(ids[1]);
    expect(byDays).not.toContain(ids[0]);
    expect(byDays).not.toContain(ids[2]);
    const firm = await search('公示测试网吧');
    expect(firm.items.map((i: { id: number }) => i.id)).toEqual([ids[3]]);
    expect(firm.items[0]).toMatchObject({ object: { name: FIRM, creditCode: '91500112MA5U123456' } });
    // The full name is not in the snapshot, so it finds nothing; a wildcard is only a character.
    for (const q of ['赵六', '%', '_']) expect((await search(q)).total).toBe(0);
  });

  it('pages', async () => {
    const p1 = await search(OFFENCE, '&page=1&pageSize=3');
    const p2 = await search(OFFENCE, '&page=2&pageSize=3');
    expect([p1.total, p2.total]).toEqual([4, 4]);
    expect(p1.items.map((i: { id: number }) => i.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(p2.items.map((i: { id: number }) => i.id)).toEqual([ids[0]]);
    expect((await search(OFFENCE, '&page=3&pageSize=3')).items).toEqual([]);
  });

  it('answers bad parameters with 400 naming the field', async () => {
    const anonymous = t.client();
    for (const [query, field] of [
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['page=abc', 'page'],
      [`q=${'长'.repeat(51)}`, 'q'],
    ] as const) {
      const res = await anonymous.get(`/api/public/publicity?${encodeURI(query)}`);
      expect(res.status).toBe(400);
      const body = await read(res);
      expect(body.error.code).toBe('VALIDATION');
      expect(Object.keys(body.error.fields)).toContain(field);
    }
    expect((await anonymous.get('/api/public/publicity/abc')).status).toBe(400);
  });
});

describe('withdrawal', () => {
  it('flags a changed decision, takes it off the portal when withdrawn, and audits it', async () => {
    const m = await decide({});
    await unitlegal.post(`/api/publicity/${m.publicationId}/publish`);
    await t.database.db.transaction(async (tx) => {
      await tx.update(decisions).set({ status: 'revoked' }).where(eq(decisions.id, m.decisionId));
      await requireWithdrawal(tx, ctx, m.decisionId, '复议撤销');
    });
    const due = await clockDue(t.database.db, 'publicity_withdraw', chinaToday());
    const flagged = await read(await unitlegal.get(`/api/publicity/${m.publicationId}`));
    expect(flagged).toMatchObject({
      status: 'published',
      mustWithdraw: true,
      withdrawDueOn: due.due,
      withdrawDueProvisional: due.provisional,
    });
    const must = await read(await unitlegal.get('/api/publicity?mustWithdraw=true'));
    expect(must.items.map((i: { id: number }) => i.id)).toContain(m.publicationId);
    expect(must.counts.mustWithdraw).toBeGreaterThanOrEqual(1);
    const tasks = await read(await unitlegal.get('/api/tasks'));
    expect(tasks.items.find((i: { id: string }) => i.id === 'publicity.withdraw')).toMatchObject({
      link: '/publicity?mustWithdraw=true',
    });
    // still public until someone takes it down
    expect((await t.client().get(`/api/public/publicity/${m.publicationId}`)).status).toBe(200);

    const bad = await unitlegal.post(`/api/publicity/${m.publicationId}/withdraw`, { reason: '' });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.reason).toBeDefined();
    const res = await unitlegal.post(`/api/publicity/${m.publicationId}/withdraw`, {
      reason: '决定已被复议撤销',
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({ status: 'withdrawn', mustWithdraw: false });
    expect((await t.client().get(`/api/public/publicity/${m.publicationId}`)).status).toBe(404);
    const byNo = await read(await t.client().get(`/api/public/publicity?q=${encodeURIComponent(m.docNo)}`));
    expect(byNo).toEqual({ items: [], total: 0 });
    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'publicity.withdraw'), eq(auditLog.targetId, String(m.publicationId))));
    expect(audited?.summary).toMatchObject({
      reason: '决定已被复议撤销',
      requiredReason: '复议撤销',
      late: false,
    });
  });

  it('closes a task not yet published at once, and refuses to publish a revoked decision', async () => {
    const m = await decide({});
    await t.database.db.transaction(async (tx) => {
      await tx.update(decisions).set({ status: 'changed' }).where(eq(decisions.id, m.decisionId));
      await requireWithdrawal(tx, ctx, m.decisionId, '决定变更');
    });
    expect(await publicationRow(m.publicationId!)).toMatchObject({ status: 'withdrawn', publishedAt: null });
    expect((await unitlegal.post(`/api/publicity/${m.publicationId}/publish`)).status).toBe(409);

    // A revoked decision whose task was left open is refused with the field named.
    const r = await decide({});
    await t.database.db.update(decisions).set({ status: 'revoked' }).where(eq(decisions.id, r.decisionId));
    const res = await unitlegal.post(`/api/publicity/${r.publicationId}/publish`);
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.decision).toBeDefined();
    expect((await publicationRow(r.publicationId!)).status).toBe('pending');
  });
});

describe('scope and permission', () => {
  let ps01: Made;
  let ps02: Made;
  beforeAll(async () => {
    ps01 = await decide({ unit: 'PS-01' });
    ps02 = await decide({ unit: 'PS-02' });
  });

  it('hides another unit’s task (404) and lists only the own unit', async () => {
    expect((await officer2.get(`/api/publicity/${ps01.publicationId}`)).status).toBe(404);
    expect((await officer2.get(`/api/publicity/${ps02.publicationId}`)).status).toBe(200);
    const list = await read(await officer2.get('/api/publicity?q=TEST-&pageSize=500'));
    const listed = list.items.map((i: { id: number }) => i.id);
    expect(listed).toContain(ps02.publicationId);
    expect(listed).not.toContain(ps01.publicationId);
    expect(list.items.every((i: { unitName: string }) => i.unitName === '南坪派出所')).toBe(true);
    // a publisher of PS-01 cannot reach PS-02's task either
    expect((await unitlegal.post(`/api/publicity/${ps02.publicationId}/publish`)).status).toBe(404);
    expect((await publicationRow(ps02.publicationId!)).status).toBe('pending');
  });

  it('refuses publishing and withdrawing without publicity.publish (403)', async () => {
    expect((await officer.post(`/api/publicity/${ps01.publicationId}/publish`)).status).toBe(403);
    expect((await officer2.post(`/api/publicity/${ps02.publicationId}/publish`)).status).toBe(403);
    expect(
      (await officer.post(`/api/publicity/${ps01.publicationId}/withdraw`, { reason: '测试撤回' })).status,
    ).toBe(403);
    expect((await publicationRow(ps01.publicationId!)).status).toBe('pending');
  });

  it('lets a unit head (subtree) and the legal detachment (branch) publish in their scope', async () => {
    const own = await decide({ unit: 'PS-01' });
    const other = await decide({ unit: 'PS-02' });
    const unithead = await t.signIn('unithead');
    expect((await unithead.post(`/api/publicity/${other.publicationId}/publish`)).status).toBe(404);
    expect((await unithead.post(`/api/publicity/${own.publicationId}/publish`)).status).toBe(200);
    const legal = await t.signIn('legal');
    expect((await legal.post(`/api/publicity/${other.publicationId}/publish`)).status).toBe(200);
  });

  it('needs a session for the internal list', async () => {
    expect((await t.client().get('/api/publicity')).status).toBe(401);
  });
});

describe('task list and 待办', () => {
  it('filters by unit, status, overdue and due soon', async () => {
    // A task falling due today is due soon, not overdue.
    const soon = await decide({});
    await t.database.db
      .update(publications)
      .set({ dueOn: chinaToday() })
      .where(eq(publications.id, soon.publicationId!));
    const all = await read(await unitlegal.get('/api/publicity?pageSize=500'));
    expect(all.counts.overdue).toBeGreaterThanOrEqual(1);
    const overdue = await read(await unitlegal.get('/api/publicity?overdue=true&pageSize=500'));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(
      overdue.items.every(
        (i: { status: string; overdue: boolean; daysLeft: number }) => i.overdue && i.daysLeft < 0,
      ),
    ).toBe(true);
    const published = await read(await unitlegal.get('/api/publicity?status=published&pageSize=500'));
    expect(published.items.every((i: { status: string }) => i.status === 'published')).toBe(true);
    const byUnit = await read(
      await t.signIn('legal').then((c) => c.get(`/api/publicity?unitId=${unitIds['PS-02']}`)),
    );
    expect(byUnit.items.every((i: { unitName: string }) => i.unitName === '南坪派出所')).toBe(true);
    expect(byUnit.total).toBeGreaterThanOrEqual(1);

    const dueSoon = await read(await unitlegal.get('/api/publicity?dueSoon=true&pageSize=500'));
    expect(dueSoon.items.find((i: { id: number }) => i.id === soon.publicationId)).toMatchObject({
      daysLeft: 0,
      workingDaysLeft: 0,
      overdue: false,
    });
    expect(dueSoon.items.every((i: { overdue: boolean }) => !i.overdue)).toBe(true);

    const tasks = await read(await unitlegal.get('/api/tasks'));
    const mine = tasks.items.filter((i: { module: string }) => i.module === 'openness');
    expect(mine.find((i: { id: string }) => i.id === 'publicity.overdue')).toMatchObject({
      severity: 'overdue',
      link: '/publicity?overdue=true',
    });
    expect(mine.find((i: { id: string }) => i.id === 'publicity.dueSoon')).toMatchObject({
      severity: 'warning',
      due: chinaToday(),
    });
    // no publicity.publish: no publicity 待办
    const officerTasks = await read(await officer.get('/api/tasks'));
    expect(officerTasks.items.filter((i: { module: string }) => i.module === 'openness')).toEqual([]);
  });
});
