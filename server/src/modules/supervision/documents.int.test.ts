import { addDays, chinaToday } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, findingEvents, officers, supervisionFindings, units } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import { issueDocument } from './documents.service.ts';

let t: TestApp;
let legal: TestClient;
let officer: TestClient;
let officer2: TestClient;
const unitIds: Record<string, number> = {};
const unitNames: Record<string, string> = {};
let legalId = 0;
let seq = 0;
const today = chinaToday();
const year = today.slice(0, 4);

async function finding(o: {
  unit?: string;
  status?: string;
  occurredOn?: string;
  rectifyDueOn?: string;
  confirmed?: boolean;
  caseNo?: string;
}): Promise<number> {
  const n = ++seq;
  const [row] = await t.database.db
    .insert(supervisionFindings)
    .values({
      orgId: t.orgId,
      ruleCode: 'repeated_send_backs',
      problemKey: `doc-test:${n}`,
      subjectType: 'unit',
      subjectId: unitIds[o.unit ?? 'PS-01']!,
      unitId: unitIds[o.unit ?? 'PS-01']!,
      severity: 'medium',
      detail: { caseNo: o.caseNo ?? `A-DOC-${n}`, sendBacks: 3 },
      occurredOn: o.occurredOn ?? addDays(today, -3),
      status: o.status ?? 'open',
      rectifyDueOn: o.rectifyDueOn ?? addDays(today, 7),
      confirmedViolation: o.confirmed ?? false,
      closedAt: o.status === 'corrected' ? new Date(`${o.occurredOn ?? today}T12:00:00+08:00`) : null,
    })
    .returning({ id: supervisionFindings.id });
  return row!.id;
}

async function docxText(client: TestClient, id: number) {
  const res = await client.get(`/api/supervision/documents/${id}/file`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<[^>]+>/g, ''), sha: res.headers.get('X-Content-SHA256') };
}

beforeAll(async () => {
  t = await testApp();
  for (const u of await t.database.db.select().from(units).where(eq(units.orgId, t.orgId))) {
    unitIds[u.code] = u.id;
    unitNames[u.code] = u.name;
  }
  legalId = (await t.database.db.select().from(officers).where(eq(officers.username, 'legal')))[0]!.id;
  legal = await t.signIn('legal');
  officer = await t.signIn('officer');
  officer2 = await t.signIn('officer2');
}, 60_000);
afterAll(() => t?.close());

describe('supervision documents', () => {
  it('numbers 执法建议书 per branch and year, gap-free, in the official layout', async () => {
    const a = await finding({ caseNo: 'A2026-SUG-1' });
    const b = await finding({ caseNo: 'A2026-SUG-2', status: 'corrected' });
    let res = await legal.post('/api/supervision/documents', {
      kind: 'suggestion',
      unitId: unitIds['PS-01'],
      findingIds: [a, b],
      requirements: '加强案件审核把关\n组织民警学习《公安机关办理行政案件程序规定》',
      deadline: addDays(today, 15),
    });
    expect(res.status).toBe(200);
    const first = await read(res);
    expect(first).toMatchObject({
      kind: 'suggestion',
      docNo: `渝州公法建〔${year}〕1号`,
      unitName: unitNames['PS-01'],
      issuedBy: '周法明',
      year: Number(year),
    });
    expect(first.findingIds.sort()).toEqual([a, b].sort());

    const { xml, text, sha } = await docxText(officer, first.id);
    expect(sha).toBe(first.sha256);
    expect(text).toContain('执法建议书');
    expect(text).toContain(`渝州公法建〔${year}〕1号`);
    expect(text).toContain(`${unitNames['PS-01']}：`);
    expect(text).toContain('案件 A2026-SUG-1 审核中被退回 3 次');
    expect(text).toContain('组织民警学习《公安机关办理行政案件程序规定》。');
    expect(text).toContain('渝州区公安分局');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);

    // A finding of another unit is refused, naming the field, and takes no number.
    const other = await finding({ unit: 'PS-02' });
    res = await legal.post('/api/supervision/documents', {
      kind: 'suggestion',
      unitId: unitIds['PS-01'],
      findingIds: [a, other],
    });
    expect(res.status).toBe(400);
    expect((await read(res)).error.fields.findingIds).toBeTruthy();
    res = await legal.post('/api/supervision/documents', {
      kind: 'suggestion',
      unitId: unitIds['PS-01'],
      findingIds: [a],
    });
    expect((await read(res)).docNo).toBe(`渝州公法建〔${year}〕2号`);

    // Numbers restart each year and per kind.
    const past = await t.database.db.transaction((tx) =>
      issueDocument(
        tx,
        t.orgId,
        { officerId: legalId },
        { kind: 'suggestion', unitId: unitIds['PS-01'], findingIds: [a] },
        new Date('2025-06-01T10:00:00+08:00'),
      ),
    );
    expect(past.docNo).toBe('渝州公法建〔2025〕1号');
    const listed = await read(await legal.get('/api/supervision/documents?kind=suggestion&year=2025'));
    expect(listed.items.map((x: { docNo: string }) => x.docNo)).toEqual(['渝州公法建〔2025〕1号']);

    // Unit documents reach their unit only.
    expect((await officer2.get(`/api/supervision/documents/${first.id}/file`)).status).toBe(404);
    expect((await read(await officer2.get('/api/supervision/documents'))).total).toBe(0);
    expect((await officer.post('/api/supervision/documents', { kind: 'suggestion' })).status).toBe(403);
  });

  it('督办通知书 marks its findings supervised; closed findings cannot be pressed', async () => {
    const open = await finding({});
    const closed = await finding({ status: 'corrected' });
    let res = await legal.post('/api/supervision/documents', {
      kind: 'supervise_notice',
      unitId: unitIds['PS-01'],
      findingIds: [closed],
    });
    expect(res.status).toBe(400);
    res = await legal.post('/api/supervision/documents', {
      kind: 'supervise_notice',
      unitId: unitIds['PS-01'],
      findingIds: [open],
    });
    expect(res.status).toBe(200);
    const doc = await read(res);
    expect(doc.docNo).toBe(`渝州公法督〔${year}〕1号`);
    const detail = await read(await officer.get(`/api/supervision/findings/${open}`));
    expect(detail.supervisedAt).toBeTruthy();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('supervised');
    expect(detail.documents).toEqual([
      { id: doc.id, kind: 'supervise_notice', docNo: doc.docNo, title: doc.title },
    ]);
    expect(
      (await read(await legal.get('/api/supervision/findings?supervised=true'))).items.map(
        (x: { id: number }) => x.id,
      ),
    ).toContain(open);
    const events = await t.database.db.select().from(findingEvents).where(eq(findingEvents.findingId, open));
    expect(events.find((e) => e.kind === 'supervised')?.note).toContain(doc.docNo);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'supervision_document'), eq(auditLog.targetId, String(doc.id))));
    expect(audits.map((x) => x.action)).toEqual(['supervision.document.issue']);
  });

  it('执法质量通报 is built from the period’s findings and agrees with the statistics', async () => {
    const from = '2025-03-01';
    const to = '2025-03-31';
    const inPeriod = [
      await finding({
        occurredOn: '2025-03-05',
        status: 'corrected',
        confirmed: true,
        caseNo: 'A2025-TB-1',
        rectifyDueOn: '2025-03-15',
      }),
      await finding({
        occurredOn: '2025-03-10',
        status: 'corrected',
        caseNo: 'A2025-TB-2',
        rectifyDueOn: '2025-03-09',
      }),
      await finding({
        unit: 'PS-02',
        occurredOn: '2025-03-20',
        status: 'open',
        caseNo: 'A2025-TB-3',
        rectifyDueOn: '2025-03-30',
      }),
    ];
    await finding({ occurredOn: '2025-04-02', caseNo: 'A2025-TB-OUT' });
    const res = await legal.post('/api/supervision/documents', {
      kind: 'quality_bulletin',
      periodFrom: from,
      periodTo: to,
    });
    expect(res.status).toBe(200);
    const doc = await read(res);
    expect(doc.docNo).toBe(`渝州公法通〔${year}〕1号`);
    expect(doc.unitId).toBeNull();
    expect(doc.findingIds.sort()).toEqual(inPeriod.sort());

    const stats = await read(await legal.get(`/api/supervision/stats?from=${from}&to=${to}`));
    expect(stats.totals).toMatchObject({ found: 3, corrected: 2, confirmed: 1, open: 1, overdue: 1 });
    expect(stats.rectification).toMatchObject({ closed: 2, onTime: 1, late: 1, onTimeRate: 0.5 });
    const { text } = await docxText(officer2, doc.id);
    expect(text).toContain('执法质量通报');
    expect(text).toContain('2025年3月1日至2025年3月31日');
    expect(text).toContain(
      `共发现执法问题${stats.totals.found}起，已整改${stats.totals.corrected}起，其中责令整改后确认违规${stats.totals.confirmed}起`,
    );
    expect(text).toContain('按期整改率50.0%');
    for (const no of ['A2025-TB-1', 'A2025-TB-2', 'A2025-TB-3'])
      expect(text).toContain(`案件 ${no} 审核中被退回 3 次`);
    expect(text).not.toContain('A2025-TB-OUT');
    expect(text).toMatch(
      /四、逾期整改问题.*A2025-TB-3.*逾期\d+天未整改.*五、典型问题.*A2025-TB-1.*经责令整改后确认为违规/,
    );
    // The 通报 is listed on each finding it covers, and reaches every unit.
    const detail = await read(await legal.get(`/api/supervision/findings/${inPeriod[0]}`));
    expect(detail.documents.map((d: { docNo: string }) => d.docNo)).toContain(doc.docNo);
    expect((await read(await officer.get('/api/supervision/documents?kind=quality_bulletin'))).total).toBe(1);

    const bad = await legal.post('/api/supervision/documents', {
      kind: 'quality_bulletin',
      periodFrom: to,
      periodTo: from,
    });
    expect(bad.status).toBe(400);
    expect((await read(bad)).error.fields.periodTo).toBeTruthy();
  });
});
