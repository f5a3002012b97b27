import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties, cases, decisions, evidence, officers } from '../../../db/schema/index.ts';
import { storeBytes } from '../../../files/store.ts';
import { type TestApp, testApp } from '../../../test-support/test-app.ts';
import { ID_1 } from '../case-fixtures.ts';
import { decisionDocument } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

async function text(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

/** A case with its parties, evidence and one decision, written straight into the tables. */
async function decided(caseType: 'admin' | 'criminal', decision: Partial<typeof decisions.$inferInsert>) {
  const db = t.database.db;
  const [officer] = await db.select().from(officers).where(eq(officers.orgId, t.orgId)).limit(1);
  const [c] = await db
    .insert(cases)
    .values({
      orgId: t.orgId,
      caseNo: `T${caseType}${Date.now()}`,
      caseType,
      unitId: officer!.unitId,
      leadOfficerId: officer!.id,
      title: caseType === 'admin' ? '张三丰殴打他人案' : '张三丰盗窃案',
      status: caseType === 'admin' ? 'decided' : 'with_procuratorate',
      receivedAt: new Date('2024-03-01T02:00:00Z'),
      acceptedAt: new Date('2024-03-02T02:00:00Z'),
    })
    .returning();
  const [party] = await db
    .insert(caseParties)
    .values({
      orgId: t.orgId,
      caseId: c!.id,
      kind: 'person',
      role: caseType === 'admin' ? 'offender' : 'suspect',
      name: '张三丰',
      idNumber: ID_1,
      address: '城关镇解放路1号',
    })
    .returning();
  for (const [fileName, description] of [
    ['询问笔录.pdf', '违法行为人张三丰的陈述和申辩'],
    ['监控录像.mp4', null],
  ] as const) {
    const stored = await storeBytes(db, t.orgId, Buffer.from(fileName));
    await db.insert(evidence).values({
      orgId: t.orgId,
      caseId: c!.id,
      fileName,
      contentType: 'application/octet-stream',
      size: stored.size,
      sha256: stored.sha256,
      blobId: stored.blobId,
      description,
      uploadedBy: officer!.id,
    });
  }
  const [d] = await db
    .insert(decisions)
    .values({
      orgId: t.orgId,
      caseId: c!.id,
      kind: 'detention',
      docNo: `渝州公测字〔2024〕第${Date.now()}号`,
      partyId: caseType === 'admin' ? party!.id : null,
      facts: '张三丰殴打王某。',
      decidedAt: new Date('2024-03-05T02:00:00Z'),
      decidedBy: officer!.id,
      ...decision,
    })
    .returning();
  return { decision: d!, caseRow: c! };
}

describe('decision documents from the database', () => {
  it('an administrative decision reads its party, evidence, penalty item and rules', async () => {
    const input = await decided('admin', {
      detentionDays: 5,
      fineAmount: '500',
      penaltyItemCodes: ['ZA-43-1'],
    });
    const { fileName, buffer } = await decisionDocument(t.database.db, { ...input, masked: false });
    expect(fileName).toBe(`行政处罚决定书-${input.decision.docNo}.docx`);
    const doc = await text(buffer);
    expect(doc).toContain(`违法行为人：张三丰，性别男，出生日期1990年3月7日，公民身份号码${ID_1}`);
    expect(doc).toContain('以上事实有违法行为人张三丰的陈述和申辩、监控录像等证据证实。');
    expect(doc).toContain('处行政拘留五日，并处罚款人民币500元');
    expect(doc).toContain('每日按罚款数额的百分之三加处罚款');
    expect(doc).toContain('六十日内向渝州区人民政府申请行政复议');
  });

  it('a criminal decision finds the suspect without a party id and is addressed to the procuratorate', async () => {
    const input = await decided('criminal', {
      kind: 'arrest_request',
      penaltyItemCodes: ['XF-264'],
      measures: [
        { partyId: null, kind: 'criminal_detention', on: '2024-03-02', place: '现羁押于渝州区看守所' },
      ],
      guiltyPlea: '犯罪嫌疑人张三丰自愿如实供述自己的罪行，愿意接受处罚',
    });
    const doc = await text((await decisionDocument(t.database.db, { ...input, masked: false })).buffer);
    expect(doc).toContain('因涉嫌本案，2024年3月2日被刑事拘留，现羁押于渝州区看守所');
    expect(doc).toContain('认罪认罚情况：犯罪嫌疑人张三丰自愿如实供述自己的罪行，愿意接受处罚。');
    expect(doc).toContain('渝州区人民检察院：');
    expect(doc).toContain(`犯罪嫌疑人张三丰，性别男`);
    expect(doc).toContain('我局于2024年3月1日受理，于2024年3月2日立案侦查');
    expect(doc).toContain('《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪');
    expect(doc).toContain('《中华人民共和国刑事诉讼法》第八十一条、第八十七条');
    const masked = await text((await decisionDocument(t.database.db, { ...input, masked: true })).buffer);
    expect(masked).toContain('犯罪嫌疑人张**');
    expect(masked).not.toContain(ID_1);
  });
});
