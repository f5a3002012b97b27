/**
 * What a proposal records beside its kind: several offences decided one by one (分别决定，合并执行,
 * 治安管理处罚法 art.16) with the totals following from them, and — criminal only — the 强制措施
 * and 认罪认罚 the documents to the procuratorate state.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { read } from '../../test-support/test-app.ts';
import {
  act,
  approvedFiling,
  backdateReviews,
  caseTestApp,
  checklist,
  createCase,
  inform,
  proposal,
  readyAdminCase,
} from './case-fixtures.ts';

const s = caseTestApp(['officer', 'unitlegal', 'unithead', 'legal', 'head'] as const);

/** 殴打他人 (2012 art.43: 5–10 days and 200–500 yuan) and 扰乱单位秩序 (art.23: a warning). */
const perOffence = (hitDays: number, disorder: unknown[] = [{ type: 'warning' }]) => [
  {
    code: 'ZA-43-1',
    tier: 'ordinary',
    penalties: [
      { type: 'detention', days: hitDays },
      { type: 'fine', amount: 200 },
    ],
  },
  { code: 'ZA-23', tier: 'ordinary', penalties: disorder },
];

describe('several offences decided one by one', () => {
  it('takes the kind and totals from the offences, and the 决定书 decides each then executes them together', async () => {
    const { id, partyId } = await readyAdminCase(s.t, s.users.officer);
    const p = proposal('warning', partyId, {
      penaltyItemCodes: ['ZA-43-1', 'ZA-23'],
      offences: perOffence(5),
    });
    const submitted = await act(s.users.officer, id, 'submit', { proposal: p });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // The gravest penalty is the decision's kind: detention, so the branch head decides it.
    expect(submitted.body.proposal).toMatchObject({ kind: 'detention', detentionDays: 5, fineAmount: 200 });
    for (const who of [s.users.unitlegal, s.users.unithead, s.users.legal, s.users.head])
      expect((await act(who, id, 'approve', { checklist: checklist() })).status).toBe(200);
    await backdateReviews(s.t, id, '2021-10-08');
    await inform(s.users.officer, id, '2021-10-08');
    const decided = await act(s.users.head, id, 'decide', { decidedOn: '2021-10-09' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const d = decided.body.decisions[0];
    expect(d.offencePenalties.map((o: { name: string }) => o.name)).toEqual(['殴打他人', '扰乱单位秩序']);
    const doc = await s.users.officer.get(`/api/decisions/${d.id}/document`);
    expect(doc.status).toBe(200);
    const zip = await JSZip.loadAsync(await doc.arrayBuffer());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('殴打他人行为处行政拘留五日，并处罚款人民币200元；');
    expect(text).toContain('扰乱单位秩序行为给予警告；合并执行：');
  });

  it('judges each offence against its own range, refuses offences that do not match the proposal, and adds up to the combined 20 days', async () => {
    const { id, partyId } = await readyAdminCase(s.t, s.users.officer);
    const tooLong = await act(s.users.officer, id, 'submit', {
      proposal: proposal('detention', partyId, {
        penaltyItemCodes: ['ZA-43-1', 'ZA-23'],
        offences: perOffence(10, [
          { type: 'detention', days: 11 },
          { type: 'fine', amount: 300 },
        ]).map((o) => (o.code === 'ZA-23' ? { ...o, tier: 'serious' } : o)),
      }),
    });
    expect(tooLong.status).toBe(422);
    // 11 days for 扰乱单位秩序 (情节较重: 5–10) is refused by that offence's own range.
    expect(tooLong.body.error.fields['proposal.kind']).toContain('“扰乱单位秩序”（情节较重）');
    expect(tooLong.body.error.fields['proposal.kind']).toContain('第二十三条');
    const missing = await act(s.users.officer, id, 'submit', {
      proposal: proposal('detention', partyId, {
        penaltyItemCodes: ['ZA-43-1', 'ZA-23'],
        offences: perOffence(5).slice(0, 1),
      }),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields['proposal.offences']).toContain('每一违法行为');
    // 强制措施 belong to the documents to the procuratorate, not to an administrative penalty.
    const measures = await act(s.users.officer, id, 'submit', {
      proposal: proposal('fine', partyId, {
        measures: [{ kind: 'criminal_detention', on: '2021-09-28' }],
      }),
    });
    expect(measures.status).toBe(400);
    expect(measures.body.error.fields['proposal.measures']).toContain('强制措施');
    const seen = await read(await s.users.officer.get(`/api/cases/${id}`));
    expect(seen.status).toBe('investigating');
    // 10 days for each: 20 days executed together, the law's cap (合并执行，最长不超过二十日).
    const lawful = await act(s.users.officer, id, 'submit', {
      proposal: proposal('detention', partyId, {
        penaltyItemCodes: ['ZA-43-1', 'ZA-23'],
        offences: perOffence(10, [{ type: 'detention', days: 10 }]).map((o) =>
          o.code === 'ZA-23' ? { ...o, tier: 'serious' } : o,
        ),
      }),
    });
    expect(lawful.status, JSON.stringify(lawful.body)).toBe(200);
    expect(lawful.body.proposal).toMatchObject({ kind: 'detention', detentionDays: 20, fineAmount: 200 });
  });
});

describe('what the documents to the procuratorate state', () => {
  /** A filed 盗窃 case with its suspect. */
  async function filedTheft() {
    const c = await createCase(s.users.officer, {
      caseType: 'criminal',
      title: '李四盗窃案',
      receivedAt: '2021-05-10T09:00:00+08:00',
    });
    expect(
      (await approvedFiling(s.users.officer, s.users.head, c.id, 'file', { filedOn: '2021-05-11' })).status,
    ).toBe(200);
    const withSuspect = await read(
      await s.users.officer.post(`/api/cases/${c.id}/parties`, {
        kind: 'person',
        role: 'suspect',
        name: '李四',
      }),
    );
    await s.users.officer.put(`/api/cases/${c.id}/offences`, { codes: ['XF-264'] });
    return { id: c.id as number, suspectId: withSuspect.parties[0].id as number };
  }
  const base = { penaltyItemCodes: ['XF-264'], facts: '李四多次入室盗窃，数额较大。' };

  it('carries the 强制措施 and 认罪认罚 of an arrest request into its decision and 提请批准逮捕书', async () => {
    const { id, suspectId } = await filedTheft();
    const future = await act(s.users.officer, id, 'submit', {
      proposal: {
        ...base,
        kind: 'arrest_request',
        measures: [{ kind: 'criminal_detention', on: '2099-01-01' }],
      },
    });
    expect(future.status).toBe(400);
    expect(Object.keys(future.body.error.fields)).toContain('proposal.measures.0.on');
    const sub = await act(s.users.officer, id, 'submit', {
      proposal: {
        ...base,
        kind: 'arrest_request',
        measures: [
          { partyId: suspectId, kind: 'criminal_detention', on: '2021-05-11', place: '现羁押于渝州区看守所' },
        ],
        guiltyPlea: '犯罪嫌疑人李四自愿如实供述自己的罪行，愿意接受处罚',
      },
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    for (const who of [s.users.unitlegal, s.users.unithead, s.users.legal, s.users.head])
      expect((await act(who, id, 'approve', { checklist: checklist() })).status).toBe(200);
    const decided = await act(s.users.legal, id, 'decide', {});
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const d = decided.body.decisions[0];
    expect(d.measures).toEqual([
      { partyId: suspectId, kind: 'criminal_detention', on: '2021-05-11', place: '现羁押于渝州区看守所' },
    ]);
    const zip = await JSZip.loadAsync(
      await (await s.users.officer.get(`/api/decisions/${d.id}/document`)).arrayBuffer(),
    );
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('因涉嫌本案，2021年5月11日被刑事拘留，现羁押于渝州区看守所');
    expect(text).toContain('认罪认罚情况：犯罪嫌疑人李四自愿如实供述自己的罪行，愿意接受处罚。');
  });

  it('asks a 撤销案件 for its ground under 程序规定 art.186', async () => {
    const { id } = await filedTheft();
    const none = await act(s.users.officer, id, 'submit', { proposal: { ...base, kind: 'case_revoked' } });
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields)).toContain('proposal.revokeGround');
    const sub = await act(s.users.officer, id, 'submit', {
      proposal: { ...base, kind: 'case_revoked', revokeGround: 'trivial' },
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.proposal.revokeGround).toBe('trivial');
  });
});

describe('an organisation as a party', () => {
  it('keeps its 法定代表人, and a person has none', async () => {
    const { id } = await readyAdminCase(s.t, s.users.officer);
    const added = await read(
      await s.users.officer.post(`/api/cases/${id}/parties`, {
        kind: 'organisation',
        role: 'offender',
        name: '渝州某某娱乐有限公司',
        creditCode: '91500000MA5U000000',
        legalRepresentative: '赵六',
      }),
    );
    const org = added.parties.find((p: { kind: string }) => p.kind === 'organisation');
    expect(org.legalRepresentative).toBe('赵六');
    const person = await read(
      await s.users.officer.post(`/api/cases/${id}/parties`, {
        kind: 'person',
        role: 'witness',
        name: '王五',
        legalRepresentative: '赵六',
      }),
    );
    expect(person.parties.find((p: { name: string }) => p.name === '王五').legalRepresentative).toBeNull();
  });
});
