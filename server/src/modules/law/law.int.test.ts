import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties, decisions } from '../../db/schema/index.ts';
import { read, type TestApp, type TestClient, testApp } from '../../test-support/test-app.ts';
import {
  act,
  backdateReviews,
  checklist,
  inform,
  proposal,
  readyAdminCase,
  signInAll,
  validId,
} from '../cases/case-fixtures.ts';

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

const body = (actDate: string, offences: unknown[], party: Record<string, unknown> = { kind: 'person' }) => ({
  actDate,
  decisionDate: '2026-03-01',
  offences,
  party,
});

describe('POST /api/law/penalty-check', () => {
  it('applies the 2025 law to an act of 2026 and names the article', async () => {
    const r = await read(
      await officer.post(
        '/api/law/penalty-check',
        body('2026-02-01', [
          {
            name: '殴打他人',
            penalties: [
              { type: 'detention', days: 10 },
              { type: 'fine', amount: 1000 },
            ],
          },
        ]),
      ),
    );
    expect(r.lawful).toBe(true);
    expect(r.applied[0]).toMatchObject({
      law: '治安管理处罚法',
      version: '治安管理处罚法@2026-01-01',
      article: '第五十一条第一款',
      reason: 'act_date',
    });
  });

  it('applies the 2012 law to an act of 2025 decided in 2026 when the new law is not lighter', async () => {
    const r = await read(
      await officer.post(
        '/api/law/penalty-check',
        body('2025-12-20', [
          {
            name: '殴打他人',
            penalties: [
              { type: 'detention', days: 10 },
              { type: 'fine', amount: 1000 },
            ],
          },
        ]),
      ),
    );
    expect(r.lawful).toBe(false);
    expect(r.applied[0]).toMatchObject({ version: '治安管理处罚法@2013-01-01', article: '第四十三条第一款' });
    expect(r.violations[0]).toMatchObject({ rule: 'penalty_out_of_range' });
    expect(r.violations[0].message).toContain('罚款1000超出上限');
  });

  it('refuses what the reviewer found: a ¥1,000,000 fine for 殴打他人, a warning where none is allowed, 没收赌资', async () => {
    const million = await read(
      await officer.post(
        '/api/law/penalty-check',
        body('2026-02-01', [
          { name: '殴打他人', tier: 'minor', penalties: [{ type: 'fine', amount: 1_000_000 }] },
        ]),
      ),
    );
    expect(million.lawful).toBe(false);
    const warning = await read(
      await officer.post(
        '/api/law/penalty-check',
        body('2026-02-01', [{ name: '殴打他人', tier: 'minor', penalties: [{ type: 'warning' }] }]),
      ),
    );
    expect(warning.violations[0].message).toContain('不得处警告');
    const gambling = await read(
      await officer.post(
        '/api/law/penalty-check',
        body('2026-02-01', [
          { name: '赌博', penalties: [{ type: 'fine', amount: 500 }, { type: 'confiscation' }] },
        ]),
      ),
    );
    expect(gambling.violations.map((v: { rule: string }) => v.rule)).toContain('penalty_type_unknown');
  });

  it('answers in English for an English user and names the field of a bad body', async () => {
    const en = await officer.post(
      '/api/law/penalty-check',
      body('2026-02-01', [{ name: '盗窃', penalties: [] }]),
      { 'Accept-Language': 'en-US' },
    );
    const r = await read(en);
    expect(r.violations[0].message).toMatch(/mandatory/);
    const bad = await officer.post('/api/law/penalty-check', {
      ...body('2026-02-01', []),
      actDate: '2026-13-01',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await read(bad)).error.fields)).toEqual(
      expect.arrayContaining(['actDate', 'offences']),
    );
  });
});

describe('every gate refuses an unlawful penalty, with the rule named', () => {
  it('refuses a fine alone for 殴打他人 (一般) at submission, in the user’s words', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    const refused = await act(officer, id, 'submit', {
      proposal: proposal('fine', partyId, { tier: 'ordinary' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PENALTY_UNLAWFUL');
    expect(refused.body.error.fields['proposal.kind']).toContain('应当处行政拘留5日以上10日以下');
    expect(refused.body.error.fields['proposal.kind']).toContain('第四十三条第一款');
    const tooLong = await act(officer, id, 'submit', {
      proposal: proposal('detention', partyId, { detentionDays: 20 }),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields['proposal.kind']).toContain('行政拘留20超出上限');
  });

  it('a 13-year-old is not punished; a 15-year-old’s detention is decided but recorded as not executed', async () => {
    const young = await readyAdminCase(t, officer);
    // Born 2008-10-01: 12 on the act (2021-09-27, the case's receipt day).
    await t.database.db
      .update(caseParties)
      .set({ idNumber: validId('11010520081001123') })
      .where(eq(caseParties.id, young.partyId));
    const r = await act(officer, young.id, 'submit', { proposal: proposal('detention', young.partyId) });
    expect(r.status).toBe(422);
    expect(r.body.error.fields['proposal.kind']).toContain('不予处罚');

    const teen = await readyAdminCase(t, officer);
    // Born 2006-01-01: 15 on the act.
    await t.database.db
      .update(caseParties)
      .set({ idNumber: validId('11010520060101123') })
      .where(eq(caseParties.id, teen.partyId));
    expect(
      (
        await act(officer, teen.id, 'submit', {
          proposal: proposal('detention', teen.partyId, { detentionDays: 3 }),
        })
      ).status,
    ).toBe(200);
    for (const who of [unitlegal, unithead, legal, head])
      expect((await act(who, teen.id, 'approve', { checklist: checklist() })).status).toBe(200);
    await backdateReviews(t, teen.id, '2021-09-30');
    await inform(officer, teen.id, '2021-09-30');
    const decided = await act(head, teen.id, 'decide', { decidedOn: '2021-10-08' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // The case shows the version and article applied, why, and the tier judged.
    expect(decided.body.decisions[0].lawBasis).toEqual([
      expect.objectContaining({ article: '第四十三条第一款', reason: 'act_date', tier: 'ordinary' }),
    ]);
    expect(decided.body.decisions[0].actDate).toBe('2021-09-27');
    const [d] = await t.database.db.select().from(decisions).where(eq(decisions.caseId, teen.id));
    expect(d!.actDate).toBe('2021-09-27');
    expect(d!.lawBasis).toEqual([
      expect.objectContaining({ version: '治安管理处罚法@2013-01-01', article: '第四十三条第一款' }),
    ]);
    expect(d!.lawNotices).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'detention_not_executed' })]),
    );
    // The 决定书 cites the applied version's article and says the detention is not executed.
    const res = await officer.get(`/api/decisions/${d!.id}/document`);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('《中华人民共和国治安管理处罚法》第四十三条第一款');
    expect(text).toContain('本决定的行政拘留不执行');
    expect(text).not.toContain('送达拘留所执行');
  });

  it('the discretion helper checks a draft for a case in scope, with the party’s age', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    const draft = proposal('detention', partyId, { detentionDays: 12 });
    const r = await read(await officer.post(`/api/cases/${id}/penalty-check`, draft));
    expect(r.lawful).toBe(false);
    expect(r.applied[0]).toMatchObject({ offence: '殴打他人', article: '第四十三条第一款' });
    expect(r.applied[0].range.map((x: { tier: string }) => x.tier)).toEqual(['minor', 'ordinary']);
    // Nothing was submitted: the case still waits for the officer.
    expect((await read(await officer.get(`/api/cases/${id}`))).status).toBe('investigating');
    // Outside the caller's scope: as if the case did not exist.
    const other = await t.signIn('officer2');
    expect((await other.post(`/api/cases/${id}/penalty-check`, draft)).status).toBe(404);
  });

  it('a decision is not dated before its last approval', async () => {
    const { id, partyId } = await readyAdminCase(t, officer);
    await act(officer, id, 'submit', { proposal: proposal('fine', partyId) });
    for (const who of [unitlegal, unithead, legal]) await act(who, id, 'approve', { checklist: checklist() });
    await backdateReviews(t, id, '2021-10-08');
    await inform(officer, id, '2021-10-08');
    const early = await act(officer, id, 'decide', { decidedOn: '2021-10-07' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.decidedOn).toContain('不能早于最后一级审批');
  });
});

describe('新旧法适用复查 (GET /api/law/review-list)', () => {
  it('lists a 2026 decision that cites the 2012 article, with what the 2025 law says; a lawful one is not listed', async () => {
    const stale = await readyAdminCase(t, officer);
    const fresh = await readyAdminCase(t, officer);
    const base = {
      orgId: t.orgId,
      kind: 'detention',
      detentionDays: 5,
      penaltyItemCodes: ['ZA-43-1'],
      facts: '殴打他人',
      decidedAt: new Date('2026-02-10T10:00:00+08:00'),
      decidedBy: 1,
    };
    await t.database.db.insert(decisions).values([
      // Made before the register: no basis recorded, the 2012 fine (200) below the 2025 minimum.
      {
        ...base,
        caseId: stale.id,
        partyId: stale.partyId,
        docNo: 'T-STALE-1',
        fineAmount: '200.00',
        actDate: '2026-02-01',
      },
      {
        ...base,
        caseId: fresh.id,
        partyId: fresh.partyId,
        docNo: 'T-FRESH-1',
        fineAmount: '600.00',
        actDate: '2026-02-01',
        lawBasis: [
          {
            offence: '殴打他人',
            law: '治安管理处罚法',
            version: '治安管理处罚法@2026-01-01',
            article: '第五十一条第一款',
          },
        ],
      },
    ]);
    expect((await officer.get('/api/law/review-list')).status).toBe(403);
    const list = await read(await legal.get('/api/law/review-list'));
    const docNos = list.items.map((i: { docNo: string }) => i.docNo);
    expect(docNos).toContain('T-STALE-1');
    expect(docNos).not.toContain('T-FRESH-1');
    const item = list.items.find((i: { docNo: string }) => i.docNo === 'T-STALE-1');
    expect(item).toMatchObject({
      offence: '殴打他人',
      cited: '治安管理处罚法第四十三条第一款',
      applied: { version: '治安管理处罚法@2026-01-01', article: '第五十一条第一款', reason: 'act_date' },
      newLaw: { article: '第五十一条第一款' },
    });
    expect(item.violations[0].message).toContain('低于下限');
  });
});

describe('fazhi law check FILE.json', () => {
  it('prints the answer as JSON and exits 1 on an unlawful proposal, 0 on a lawful one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-law-'));
    const file = path.join(dir, 'p.json');
    const bin = path.resolve(import.meta.dirname, '../../../bin/fazhi.js');
    const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dir };
    delete env.DATABASE_URL;
    writeFileSync(
      file,
      JSON.stringify(body('2026-02-01', [{ name: '盗窃', penalties: [{ type: 'detention', days: 20 }] }])),
    );
    let code = 0;
    let out = '';
    try {
      execFileSync(process.execPath, [bin, 'law', 'check', file], { env, encoding: 'utf8' });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      code = err.status;
      out = err.stdout;
    }
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ lawful: false, applied: [{ article: '第五十八条' }] });
    writeFileSync(
      file,
      JSON.stringify(body('2026-02-01', [{ name: '盗窃', penalties: [{ type: 'detention', days: 5 }] }])),
    );
    const ok = JSON.parse(
      execFileSync(process.execPath, [bin, 'law', 'check', file], { env, encoding: 'utf8' }),
    );
    expect(ok.lawful).toBe(true);
  }, 120_000);
});
