import type { PublicityContent } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  caseParties,
  cases,
  decisions,
  officers,
  publications,
  units,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { openPublication } from './open-publication.ts';
import { withdrawExcludedPublications } from './withdraw-excluded.ts';

let t: TestApp;
let ctx: Ctx;
let unitlegal: TestClient;
let unitId = 0;
let officerId = 0;
let seq = 0;

const ADULT = '50011219850315231X';
// Born 2008-03-15: 17 on 2025-06-01.
const MINOR = '500112200803152318';
const V2012 = '治安管理处罚法@2013-01-01';
const V2025 = '治安管理处罚法@2026-01-01';

/** A decided case with its party and decision, then its publicity task as the cases module opens it. */
async function decide(o: {
  idNumber?: string;
  actDate: string;
  decidedOn: string;
  offence?: { code: string; name: string };
  version?: string | null;
}) {
  const n = ++seq;
  const offence = o.offence ?? { code: 'ZA-43-1', name: '殴打他人' };
  const docNo = `渝州公（排除）行罚决字〔${o.decidedOn.slice(0, 4)}〕${n}号`;
  return t.database.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(cases)
      .values({
        orgId: t.orgId,
        caseNo: `EXCL-${n}`,
        caseType: 'admin',
        unitId,
        leadOfficerId: officerId,
        title: `排除测试 ${n}`,
        status: 'decided',
        receivedAt: new Date(`${o.actDate}T09:00:00+08:00`),
      })
      .returning({ id: cases.id });
    const [party] = await tx
      .insert(caseParties)
      .values({
        orgId: t.orgId,
        caseId: c!.id,
        kind: 'person',
        role: 'offender',
        name: '李小明',
        idNumber: o.idNumber ?? ADULT,
        address: '重庆市渝北区龙溪街道松石北路128号',
      })
      .returning({ id: caseParties.id });
    const version = o.version === undefined ? V2012 : o.version;
    const [d] = await tx
      .insert(decisions)
      .values({
        orgId: t.orgId,
        caseId: c!.id,
        kind: 'fine',
        docNo,
        fineAmount: '200.00',
        penaltyItemCodes: [offence.code],
        partyId: party!.id,
        actDate: o.actDate,
        lawBasis: version
          ? [{ offence: offence.name, law: '治安管理处罚法', version, article: '第X条' }]
          : null,
        decidedAt: new Date(`${o.decidedOn}T10:00:00+08:00`),
        decidedBy: officerId,
      })
      .returning({ id: decisions.id });
    const publicationId = await openPublication(tx, ctx, {
      decisionId: d!.id,
      caseId: c!.id,
      unitId,
      kind: 'fine',
      decidedOn: o.decidedOn,
    });
    return { decisionId: d!.id, publicationId: publicationId!, docNo };
  });
}

const row = async (id: number) =>
  (await t.database.db.select().from(publications).where(eq(publications.id, id)))[0]!;
const auditsOf = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'publication'), eq(auditLog.targetId, String(id))));

beforeAll(async () => {
  t = await testApp();
  ctx = { db: t.database.db, orgId: t.orgId, locale: 'zh-CN', clientIp: null, actor: null };
  const [u] = await t.database.db
    .select()
    .from(units)
    .where(and(eq(units.orgId, t.orgId), eq(units.code, 'PS-01')));
  unitId = u!.id;
  const [o] = await t.database.db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.orgId, t.orgId), eq(officers.username, 'officer')));
  officerId = o!.id;
  unitlegal = await t.signIn('unitlegal');
});
afterAll(() => t.close());

describe('excluded decisions never reach the portal', () => {
  it('opens an adult 2025 殴打他人 decision as an ordinary pending task', async () => {
    const m = await decide({ actDate: '2025-06-01', decidedOn: '2025-06-10' });
    expect((await row(m.publicationId)).status).toBe('pending');
  });

  it.each([
    ['a minor at the act', { idNumber: MINOR, actDate: '2025-06-01', decidedOn: '2025-06-10' }, 'minor'],
    [
      '卖淫、嫖娼',
      { actDate: '2025-06-01', decidedOn: '2025-06-10', offence: { code: 'ZA-66', name: '卖淫、嫖娼' } },
      'excluded_offence',
    ],
  ] as const)('closes the task of %s as 不予公开, with its grounds, audited', async (_, o, code) => {
    const m = await decide(o);
    const r = await row(m.publicationId);
    expect(r).toMatchObject({ status: 'withdrawn', publishedAt: null, content: null });
    expect(r.withdrawReason).toMatch(/^不予公开\[/);
    const [closed] = (await auditsOf(m.publicationId)).filter((a) => a.action === 'publicity.close');
    expect(closed?.summary).toMatchObject({ exclusions: [code] });
    // The legal officer sees the task and its grounds.
    const seen = await read(await unitlegal.get(`/api/publicity/${m.publicationId}`));
    expect(seen).toMatchObject({ status: 'withdrawn', exclusions: [code] });
    // Nothing on the portal, whatever is searched.
    const anonymous = t.client();
    expect((await anonymous.get(`/api/public/publicity/${m.publicationId}`)).status).toBe(404);
    const list = await read(await anonymous.get(`/api/public/publicity?q=${encodeURIComponent(m.docNo)}`));
    expect(list.total).toBe(0);
  });

  it.each([
    ['a 2026 act under the 2025 law', { actDate: '2026-02-01', decidedOn: '2026-02-10', version: V2025 }],
    ['a 2026 decision without law basis', { actDate: '2026-02-01', decidedOn: '2026-02-10', version: null }],
  ] as const)('publishes %s without its party: sealed 治安 records (2025 law art.136)', async (_, o) => {
    const m = await decide(o);
    expect((await row(m.publicationId)).status).toBe('pending');
    const preview = await read(await unitlegal.get(`/api/publicity/${m.publicationId}`));
    expect(preview.exclusions).toEqual([]);
    const published = await unitlegal.post(`/api/publicity/${m.publicationId}/publish`);
    expect(published.status).toBe(200);
    const anonymous = t.client();
    const shown = await read(await anonymous.get(`/api/public/publicity/${m.publicationId}`));
    expect(shown).toMatchObject({ docNo: m.docNo, object: null, objectWithheld: 'records_sealed' });
    expect(JSON.stringify(shown)).not.toContain('李');
  });

  it('a published decision confirmed unlawful (确认违法) must come down within 3 working days', async () => {
    const m = await decide({ actDate: '2025-06-01', decidedOn: '2025-06-10' });
    expect((await unitlegal.post(`/api/publicity/${m.publicationId}/publish`)).status).toBe(200);
    const legal = await t.signIn('legal');
    const changed = await legal.post(`/api/decisions/${m.decisionId}/change`, {
      status: 'confirmed_unlawful',
      reason: '经行政复议确认违法',
    });
    expect(changed.status).toBe(200);
    expect((await read(changed)).status).toBe('confirmed_unlawful');
    const r = await row(m.publicationId);
    expect(r.status).toBe('published');
    expect(r.withdrawDueOn).not.toBeNull();
    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'case.decision.confirmUnlawful'));
    expect(audited).toBeTruthy();
  });

  it('refuses to publish an excluded decision, naming the ground in the user’s language', async () => {
    const m = await decide({ idNumber: MINOR, actDate: '2025-06-01', decidedOn: '2025-06-10' });
    // A task opened before the rule existed is still pending.
    await t.database.db
      .update(publications)
      .set({ status: 'pending', withdrawnAt: null, withdrawReason: null })
      .where(eq(publications.id, m.publicationId));
    const zh = await unitlegal.post(`/api/publicity/${m.publicationId}/publish`);
    expect(zh.status).toBe(400);
    const zhBody = await read(zh);
    expect(zhBody.error.fields.decision).toContain('依法不予公开');
    expect(zhBody.error.fields.decision).toContain('《未成年人保护法》第一百零三条');
    unitlegal.language = 'en-US';
    try {
      const en = await read(await unitlegal.post(`/api/publicity/${m.publicationId}/publish`));
      expect(en.error.fields.decision).toContain('May not be published: Party was a minor at the act');
    } finally {
      unitlegal.language = 'zh-CN';
    }
    expect((await row(m.publicationId)).status).toBe('pending');
  });
});

describe('the data step of issue 11', () => {
  it('withdraws what is already out and now excluded, audited by the system; keeps the rest', async () => {
    // Published before the rule: a minor's decision, and an adult's, both with the old masked ID.
    const minor = await decide({ idNumber: MINOR, actDate: '2025-06-01', decidedOn: '2025-06-10' });
    const adult = await decide({ actDate: '2025-06-01', decidedOn: '2025-06-11' });
    const oldSnapshot = (docNo: string): PublicityContent => ({
      authority: '渝州区公安分局',
      unit: '城关派出所',
      docNo,
      decidedOn: '2025-06-10',
      category: 'penalty',
      object: {
        kind: 'person',
        name: '李**',
        idNumber: '500112********2318',
        creditCode: null,
        address: null,
      },
      conclusion: {
        decision: 'fine',
        fineAmount: '200.00',
        detentionDays: null,
        confiscation: null,
        offences: [],
      },
    });
    for (const m of [minor, adult])
      await t.database.db
        .update(publications)
        .set({
          status: 'published',
          publishedAt: new Date('2025-06-12T10:00:00+08:00'),
          publishedBy: officerId,
          content: oldSnapshot(m.docNo),
          searchText: m.docNo,
          withdrawnAt: null,
          withdrawReason: null,
        })
        .where(eq(publications.id, m.publicationId));
    const anonymous = t.client();
    // Old snapshots lose the ID digits on the way out, even before the step runs.
    const before = await anonymous.get(`/api/public/publicity/${adult.publicationId}`);
    expect(before.status).toBe(200);
    const beforeText = await before.text();
    expect(beforeText).not.toContain('500112');
    expect(JSON.parse(beforeText).object.idNumber).toBeNull();

    const n = await t.database.db.transaction((tx) => withdrawExcludedPublications(tx));
    expect(n).toBeGreaterThanOrEqual(1);

    const r = await row(minor.publicationId);
    expect(r.status).toBe('withdrawn');
    expect(r.withdrawReason).toContain('不予公开[minor]');
    expect(r.content).not.toBeNull(); // the snapshot is kept for the record
    const [withdrawn] = (await auditsOf(minor.publicationId)).filter(
      (a) => a.action === 'publicity.withdraw',
    );
    expect(withdrawn).toMatchObject({ actorId: null, outcome: 'success' });
    expect(withdrawn?.summary).toMatchObject({
      exclusions: ['minor'],
      dataStep: '2026-12-publicity-exclusions',
    });
    expect((await anonymous.get(`/api/public/publicity/${minor.publicationId}`)).status).toBe(404);

    expect((await row(adult.publicationId)).status).toBe('published');
    expect((await anonymous.get(`/api/public/publicity/${adult.publicationId}`)).status).toBe(200);
  });
});
