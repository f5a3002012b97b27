import { describe, expect, it } from 'vitest';
import {
  buildPublicityContent,
  conclusionText,
  type DecisionForPublicity,
  publicitySearchText,
} from './content.ts';

const base: DecisionForPublicity = {
  authority: '渝州区公安分局',
  unit: '城关派出所',
  docNo: '渝州公（城关）行罚决字〔2021〕12号',
  decidedOn: '2021-09-28',
  kind: 'fine',
  fineAmount: '500.00',
  detentionDays: null,
  confiscation: null,
  offences: [{ code: 'ZA-43-1', name: '殴打他人', law: '治安管理处罚法', article: '第四十三条第一款' }],
  party: {
    kind: 'person',
    name: '张三丰',
    idNumber: '50011219850315231X',
    creditCode: null,
    phone: '13812345678',
    address: '重庆市渝北区龙溪街道松石北路128号3单元',
  },
};

describe('publicity content', () => {
  it('masks a person and never carries the phone number', () => {
    const c = buildPublicityContent(base);
    expect(c.object).toEqual({
      kind: 'person',
      name: '张**',
      idNumber: null,
      creditCode: null,
      address: '重庆市渝北区龙溪街道***',
    });
    const text = JSON.stringify(c) + publicitySearchText(c);
    for (const secret of ['张三丰', '50011219850315231X', '500112', '231X', '13812345678', '松石北路'])
      expect(text).not.toContain(secret);
    expect(c.category).toBe('penalty');
  });

  it('keeps an organisation name and credit code', () => {
    const c = buildPublicityContent({
      ...base,
      party: {
        kind: 'organisation',
        name: '重庆某某网吧有限公司',
        idNumber: null,
        creditCode: '91500112MA5U123456',
        phone: '023-67891234',
        address: null,
      },
    });
    expect(c.object).toMatchObject({ name: '重庆某某网吧有限公司', creditCode: '91500112MA5U123456' });
    expect(publicitySearchText(c)).toContain('重庆某某网吧有限公司');
  });

  it('words the conclusion in both languages', () => {
    const c = (over: Partial<DecisionForPublicity>) => buildPublicityContent({ ...base, ...over }).conclusion;
    expect(conclusionText(c({}), 'zh-CN')).toBe('罚款人民币500元');
    expect(conclusionText(c({}), 'en-US')).toBe('Fine of CNY 500');
    expect(conclusionText(c({ kind: 'detention', detentionDays: 10, fineAmount: '1000' }), 'zh-CN')).toBe(
      '行政拘留10日，并处罚款人民币1,000元',
    );
    expect(conclusionText(c({ kind: 'warning', fineAmount: null }), 'zh-CN')).toBe('警告');
    expect(
      conclusionText(
        c({ kind: 'confiscation', fineAmount: null, confiscation: '赌资人民币3000元' }),
        'zh-CN',
      ),
    ).toBe('没收赌资人民币3000元');
    expect(conclusionText(c({ kind: 'no_penalty', fineAmount: null }), 'en-US')).toBe('No penalty');
    expect(buildPublicityContent({ ...base, kind: 'no_penalty' }).category).toBe('other');
  });
});
