import { describe, expect, it } from 'vitest';
import { BUILT_IN_REGISTER } from '../law/register.ts';
import { buildPublicityContent, publicitySearchText } from './content.ts';
import {
  type DecisionForExclusion,
  exclusionReason,
  exclusionsOfReason,
  exclusionText,
  publicityExclusions,
  sealedRecords,
} from './exclusions.ts';
import { withdrawsPublication } from './withdrawal.ts';

// Born 2008-03-15: 17 until 2026-03-14, 18 from 2026-03-15.
const ID_2008 = '500112200803152318';

const base: DecisionForExclusion = {
  actDate: '2025-06-01',
  receivedOn: '2025-06-02',
  decidedOn: '2025-06-20',
  party: { kind: 'person', idNumber: '50011219850315231X' },
  offences: [{ name: '殴打他人', law: '治安管理处罚法' }],
  lawBasis: [{ offence: '殴打他人', law: '治安管理处罚法', version: '治安管理处罚法@2013-01-01' }],
};
const codes = (d: Partial<DecisionForExclusion>) =>
  publicityExclusions(BUILT_IN_REGISTER, { ...base, ...d }).map((f) => f.code);

describe('publicity exclusions', () => {
  it('publishes an adult 2025 殴打他人 decided under the 2012 law', () => {
    expect(codes({})).toEqual([]);
  });

  it('excludes a party who was 17 on the act date, not one who was 18', () => {
    const party = { kind: 'person', idNumber: ID_2008 };
    const v2012 = { version: '治安管理处罚法@2013-01-01' };
    const basis = [{ ...base.lawBasis![0]!, ...v2012 }];
    expect(codes({ party, actDate: '2025-03-15', lawBasis: basis })).toEqual(['minor']);
    // 2024-03-15: 16; the day before the 18th birthday: 17; the birthday: 18.
    const at = (actDate: string) => codes({ party, actDate, lawBasis: basis }).includes('minor');
    expect(at('2024-03-15')).toBe(true);
    expect(at('2026-03-14')).toBe(true);
    expect(at('2026-03-15')).toBe(false);
  });

  it('counts age on the case receipt date when the decision records no act date', () => {
    const party = { kind: 'person', idNumber: ID_2008 };
    expect(codes({ party, actDate: null, receivedOn: '2026-03-14' })).toContain('minor');
    expect(codes({ party, actDate: null, receivedOn: '2026-03-15' })).not.toContain('minor');
  });

  it('never treats an organisation as a minor; a birth date given wins over the ID number', () => {
    expect(codes({ party: { kind: 'organisation', idNumber: ID_2008 } })).toEqual([]);
    expect(codes({ party: { kind: 'person', idNumber: null, birthDate: '2010-01-01' } })).toEqual(['minor']);
  });

  it('excludes 卖淫、嫖娼 and 吸食毒品 by the register, by law basis or by penalty item', () => {
    const v = '治安管理处罚法@2013-01-01';
    expect(
      codes({ lawBasis: [{ offence: '卖淫、嫖娼', law: '治安管理处罚法', version: v }], offences: [] }),
    ).toEqual(['excluded_offence']);
    expect(codes({ lawBasis: null, offences: [{ name: '吸食毒品', law: '治安管理处罚法' }] })).toEqual([
      'excluded_offence',
    ]);
    expect(codes({ lawBasis: null, offences: [{ name: '赌博', law: '治安管理处罚法' }] })).toEqual([]);
  });

  it('seals a decision under the 2025 law (2026 act): published without its party, not kept off', () => {
    const v2025 = [{ offence: '殴打他人', law: '治安管理处罚法', version: '治安管理处罚法@2026-01-01' }];
    const d = { ...base, actDate: '2026-01-05', decidedOn: '2026-01-20', lawBasis: v2025 };
    expect(publicityExclusions(BUILT_IN_REGISTER, d)).toEqual([]);
    const sealed = sealedRecords(BUILT_IN_REGISTER, d);
    expect(sealed?.code).toBe('records_sealed');
    expect(sealed!.basis.zh).toContain('第一百三十六条');
    // A 2025 act decided in 2026 under the lighter 2012 law keeps the 2012 rules.
    expect(
      sealedRecords(BUILT_IN_REGISTER, { ...base, actDate: '2025-12-20', decidedOn: '2026-01-10' }),
    ).toBeNull();
    // The content built for it names no one.
    const content = buildPublicityContent({
      authority: '渝州区公安分局',
      unit: '城关派出所',
      docNo: '渝州公（治）行罚决字〔2026〕第00001号',
      decidedOn: '2026-01-20',
      kind: 'fine',
      fineAmount: '500.00',
      detentionDays: null,
      confiscation: null,
      offences: [],
      party: {
        kind: 'person',
        name: '张三丰',
        idNumber: null,
        creditCode: null,
        address: '重庆市渝州区解放路1号',
      },
      withheld: sealed!.code,
    });
    expect(content.object).toBeNull();
    expect(content.objectWithheld).toBe('records_sealed');
  });

  it('without a law basis, a 治安 decision dated on or after 2026-01-01 is sealed', () => {
    const sealed = (over: Partial<typeof base>) =>
      sealedRecords(BUILT_IN_REGISTER, { ...base, ...over })?.code ?? null;
    expect(sealed({ lawBasis: null, decidedOn: '2026-01-01' })).toBe('records_sealed');
    expect(sealed({ lawBasis: null, decidedOn: '2025-12-31' })).toBeNull();
    expect(
      sealed({ lawBasis: null, decidedOn: '2026-01-01', offences: [{ name: 'x', law: '消防法' }] }),
    ).toBeNull();
  });

  it('excludes what is marked 国家秘密, and names every ground in both languages', () => {
    const found = publicityExclusions(BUILT_IN_REGISTER, {
      ...base,
      stateSecret: true,
      party: { kind: 'person', idNumber: ID_2008 },
      actDate: '2026-02-01',
      decidedOn: '2026-02-10',
      lawBasis: [{ offence: '吸食毒品', law: '治安管理处罚法', version: '治安管理处罚法@2026-01-01' }],
    });
    expect(found.map((f) => f.code)).toEqual(['minor', 'excluded_offence', 'state_secret']);
    expect(exclusionText(found, 'zh-CN')).toContain('《未成年人保护法》第一百零三条');
    expect(exclusionText(found, 'en-US')).toContain('Minors Protection Law art.103');
    const reason = exclusionReason(found);
    expect(exclusionsOfReason(reason)).toEqual(['minor', 'excluded_offence', 'state_secret']);
    expect(exclusionsOfReason('该决定经行政复议被撤销')).toEqual([]);
    expect(exclusionsOfReason(null)).toEqual([]);
  });

  it('publishes no digit of an ID number', () => {
    const c = buildPublicityContent({
      authority: '渝州区公安分局',
      unit: '城关派出所',
      docNo: '渝州公（城关）行罚决字〔2025〕12号',
      decidedOn: '2025-09-28',
      kind: 'fine',
      fineAmount: '500.00',
      detentionDays: null,
      confiscation: null,
      offences: [],
      party: {
        kind: 'person',
        name: '张三丰',
        idNumber: '50011219850315231X',
        creditCode: null,
        address: '重庆市渝北区龙溪街道松石北路128号',
      },
    });
    expect(c.object?.idNumber).toBeNull();
    const text = JSON.stringify(c.object) + publicitySearchText(c);
    for (const part of ['500112', '231X', '1985']) expect(text).not.toContain(part);
  });

  it('withdraws after a change, a revocation, 确认违法 and 确认无效, not while effective', () => {
    for (const s of ['changed', 'revoked', 'confirmed_unlawful', 'confirmed_void'])
      expect(withdrawsPublication(s)).toBe(true);
    expect(withdrawsPublication('effective')).toBe(false);
  });
});
