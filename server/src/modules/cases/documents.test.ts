import { idNumberCheckDigit, LEGAL_RULES } from '@fazhi/common';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildOfficialDocx, chineseDate } from '../../platform-io/docx.ts';
import { basisText, type DocContext, type DocParty, jurisdiction } from './documents/common.ts';
import { renderDecisionDocument } from './documents/index.ts';

describe('official documents (GB/T 9704 layout)', () => {
  it('writes dates in Chinese numerals', () => {
    expect(chineseDate('2021-09-28')).toBe('二〇二一年九月二十八日');
    expect(chineseDate('2020-10-10')).toBe('二〇二〇年十月十日');
    expect(chineseDate('2021-01-01')).toBe('二〇二一年一月一日');
    expect(chineseDate('2021-12-31')).toBe('二〇二一年十二月三十一日');
  });

  it('lays out A4 with the official margins, fonts, exact line spacing and page numbers', async () => {
    const buf = await buildOfficialDocx({
      issuer: '渝州区公安分局',
      title: '执法建议书',
      docNo: '渝州公法建〔2021〕3号',
      addressee: '城关派出所：',
      body: ['正文第一段。', { runs: '一、总体情况', level: 1 }, { runs: [{ text: '加粗', bold: true }] }],
      attachments: ['问题清单'],
      signature: { organ: '渝州区公安分局', date: '2021-09-28' },
    });
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('word/document.xml')!.async('string');
    // 210 × 297 mm; top 37, bottom 35, left 28, right 26 mm (in twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('渝州公法建〔2021〕3号');
    expect(text).toContain('附件：问题清单');
    expect(text).toContain('二〇二一年九月二十八日');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('evenAndOddHeaders');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBe(2);
    for (const f of footers) {
      const footer = await zip.file(f)!.async('string');
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(footer).toContain('PAGE');
      expect(footer).toMatch(/<w:sz w:val="28"\/>/);
    }
  });
});

// ---- the decision documents, one template per kind ------------------------------------------

const ID = (first17: string) => first17 + idNumberCheckDigit(first17);
const ZHANG_ID = ID('11010519900307123'); // male, born 1990-03-07
const zhang: DocParty = {
  id: 1,
  kind: 'person',
  role: 'offender',
  name: '张三丰',
  idNumber: ZHANG_ID,
  creditCode: null,
  phone: '13812345678',
  address: '重庆市渝州区城关镇解放路1号3单元',
};
const company: DocParty = {
  id: 2,
  kind: 'organisation',
  role: 'offender',
  name: '渝州某某娱乐有限公司',
  idNumber: null,
  creditCode: '91500000MA5U000000',
  phone: null,
  address: '重庆市渝州区城关镇建设路8号',
};
const complainant: DocParty = { ...zhang, id: 3, role: 'complainant', name: '王小明', idNumber: null };
const suspect: DocParty = {
  ...zhang,
  id: 4,
  role: 'suspect',
  name: '李四',
  idNumber: ID('50010219850512201'),
};

const RULES = LEGAL_RULES.map(({ code, effectiveFrom, amount, unit }) => ({
  code,
  effectiveFrom,
  amount,
  unit,
}));
const HITTING = { law: '治安管理处罚法', article: '第四十三条第一款', name: '殴打他人' };
const THEFT = { law: '刑法', article: '第二百六十四条', name: '盗窃罪' };

type ContextOver = Omit<Partial<DocContext>, 'decision'> & { decision?: Partial<DocContext['decision']> };

function context(over: ContextOver = {}): DocContext {
  const { decision, ...rest } = over;
  return {
    organ: '渝州区公安分局',
    decidedOn: '2021-09-30',
    receivedOn: '2021-09-27',
    filedOn: null,
    caseRow: { title: '张三丰殴打他人案', caseType: 'admin' },
    party: zhang,
    parties: [zhang, complainant],
    evidence: [
      { fileName: '询问笔录-张三丰.pdf', description: '违法行为人张三丰的陈述和申辩' },
      { fileName: '被侵害人陈述.pdf', description: null },
      { fileName: '现场监控视频.mp4', description: '现场监控视频' },
    ],
    items: [HITTING],
    rules: RULES,
    masked: false,
    ...rest,
    decision: {
      orgId: 1,
      kind: 'detention',
      docNo: '渝州公（治）行罚决字〔2021〕第00012号',
      fineAmount: null,
      detentionDays: 5,
      confiscation: null,
      penaltyItemCodes: ['ZA-43'],
      partyId: 1,
      facts: '2021年9月27日10时许，张三丰在城关镇解放路1号因琐事殴打王小明，致其面部软组织挫伤。',
      reasoning: '',
      decidedAt: new Date('2021-09-30T02:00:00Z'),
      ...decision,
    },
  };
}

/** The document's text, after checking it opens as a .docx with its body and styles. */
async function documentText(ctx: DocContext): Promise<string> {
  const { buffer, fileName } = await renderDecisionDocument(ctx);
  expect(fileName).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(buffer);
  for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml'])
    expect(zip.file(part), part).not.toBeNull();
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml.trimEnd()).toMatch(/<\/w:document>$/);
  return xml.replace(/<[^>]+>/g, '');
}

describe('行政处罚决定书', () => {
  it('prints every element: party, facts, evidence, basis, each penalty with 并处, execution and remedies', async () => {
    const text = await documentText(context({ decision: { fineAmount: '500.00' } }));
    expect(text).toContain('渝州区公安分局');
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('渝州公（治）行罚决字〔2021〕第00012号');
    // Party: name, sex and birth date from the ID number, the ID number, the address.
    expect(text).toContain(`违法行为人：张三丰，性别男，出生日期1990年3月7日，公民身份号码${ZHANG_ID}`);
    expect(text).toContain('现住址重庆市渝州区城关镇解放路1号3单元');
    expect(text).toContain('现查明：2021年9月27日10时许');
    // Evidence: descriptions, else the file name without its extension.
    expect(text).toContain('以上事实有违法行为人张三丰的陈述和申辩、被侵害人陈述、现场监控视频等证据证实。');
    expect(text).toContain('根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定');
    // 拘留并处罚款: both penalties.
    expect(text).toContain('对违法行为人张三丰处行政拘留五日，并处罚款人民币500元。');
    expect(text).toContain('行政拘留由本机关送达拘留所执行');
    expect(text).toContain('可以向公安机关提出暂缓执行行政拘留的申请');
    expect(text).toContain('每日行政拘留二百元');
    expect(text).toContain('《中华人民共和国治安管理处罚法》第一百零七条');
    expect(text).toContain('自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款');
    expect(text).toContain(
      '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
    );
    // 2021: 行政复议法 2017 art.12 lets the party choose the government or the higher organ.
    expect(text).toContain('在收到本决定书之日起六十日内向渝州区人民政府或者上一级公安机关申请行政复议');
    expect(text).toContain('或者在六个月内依法向人民法院提起行政诉讼');
    expect(text).toContain('二〇二一年九月三十日');
    expect(text).not.toContain('犯罪嫌疑人');
  });

  it('names the district government alone as 复议机关 under the 2023 行政复议法', async () => {
    const text = await documentText(context({ decidedOn: '2024-03-01' }));
    expect(text).toContain('六十日内向渝州区人民政府申请行政复议');
    expect(text).not.toContain('上一级公安机关');
  });

  it('cites 行政处罚法 art.73 for 暂缓执行 once the revised 治安管理处罚法 is in force', async () => {
    const text = await documentText(context({ decidedOn: '2026-02-02' }));
    expect(text).toContain('可以向公安机关提出暂缓执行行政拘留的申请');
    expect(text).toContain('《中华人民共和国行政处罚法》第七十三条第二款');
    expect(text).not.toContain('第一百零七条');
  });

  it('reads the periods from the rules in force on the decision date, not from literals', async () => {
    const rules = [
      ...RULES,
      { code: 'admin_reconsideration_apply', effectiveFrom: '2021-01-01', amount: 90, unit: 'calendar_days' },
      { code: 'fine_payment', effectiveFrom: '2022-01-01', amount: 30, unit: 'calendar_days' },
    ];
    const text = await documentText(context({ rules, decision: { kind: 'fine', fineAmount: '200' } }));
    expect(text).toContain('九十日内向渝州区人民政府');
    // The payment rule starts after the decision date: the law's fifteen days apply.
    expect(text).toContain('十五日内，到指定的银行');
  });

  it('prints an organisation with its credit code (and 法定代表人 when the party has one)', async () => {
    const fined = { kind: 'fine', fineAmount: '3000', partyId: 2 } as const;
    const text = await documentText(context({ party: company, decision: fined }));
    expect(text).toContain('被处罚单位：渝州某某娱乐有限公司，统一社会信用代码91500000MA5U000000');
    expect(text).toContain('地址重庆市渝州区城关镇建设路8号');
    expect(text).toContain('对被处罚单位渝州某某娱乐有限公司处罚款人民币3000元');
    expect(text).toContain('被处罚单位应当自收到本决定书之日起十五日内');
    expect(text).not.toContain('法定代表人');
    const withRep = await documentText(
      context({ party: { ...company, legalRepresentative: '赵六' }, decision: fined }),
    );
    expect(withRep).toContain('统一社会信用代码91500000MA5U000000，法定代表人赵六');
  });

  it('a fine carries the 加处罚款 rule; a warning neither it nor 暂缓执行', async () => {
    const fine = await documentText(
      context({ decision: { kind: 'fine', fineAmount: '200', detentionDays: null } }),
    );
    expect(fine).toContain('处罚款人民币200元');
    expect(fine).toContain('每日按罚款数额的百分之三加处罚款');
    expect(fine).toContain('加处罚款的数额在行政复议或者行政诉讼期间不予计算');
    expect(fine).not.toContain('暂缓执行');
    const warning = await documentText(context({ decision: { kind: 'warning', detentionDays: null } }));
    expect(warning).toContain('对违法行为人张三丰给予警告。');
    expect(warning).not.toContain('加处罚款');
    expect(warning).not.toContain('暂缓执行');
  });

  it('decides several offences one by one, each with its article, then executes them together', async () => {
    const DAMAGE = { law: '治安管理处罚法', article: '第五十九条', name: '故意损毁财物' };
    const text = await documentText(
      context({
        items: [HITTING, DAMAGE],
        decision: {
          kind: 'detention',
          detentionDays: 8,
          fineAmount: '700',
          penaltyItemCodes: ['ZA-43', 'ZA-59'],
          offencePenalties: [
            {
              code: 'ZA-43',
              name: '殴打他人',
              tier: 'ordinary',
              penalties: [
                { type: 'detention', days: 5 },
                { type: 'fine', amount: 200 },
              ],
            },
            {
              code: 'ZA-59',
              name: '故意损毁财物',
              tier: 'ordinary',
              penalties: [
                { type: 'detention', days: 3 },
                { type: 'fine', amount: 500 },
              ],
            },
          ],
        },
      }),
    );
    expect(text).toContain(
      '现决定：根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，对违法行为人张三丰殴打他人行为处行政拘留五日，并处罚款人民币200元；',
    );
    expect(text).toContain(
      '根据《中华人民共和国治安管理处罚法》第五十九条之规定，对其故意损毁财物行为处行政拘留三日，并处罚款人民币500元；',
    );
    expect(text).toContain('合并执行：处行政拘留八日，并处罚款人民币700元。');
  });

  it('states the 告知, the statement and its review, and the hearing held with its date', async () => {
    const text = await documentText(
      context({
        notice: {
          informedOn: '2021-09-28',
          statement: 'stated',
          statementReview: '经复核，其申辩与监控视频不符，不予采纳。',
          hearing: 'requested',
          hearingOutcome: 'hearing:upheld',
          hearingHeldOn: '2021-10-08',
        },
      }),
    );
    expect(text).toContain(
      '本机关于2021年9月28日依法告知违法行为人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩和要求听证的权利；其提出了陈述、申辩，经复核，其申辩与监控视频不符，不予采纳；本机关于2021年10月8日依法举行听证。',
    );
  });

  it('states a 告知 by public notice and the seven days without a response', async () => {
    const text = await documentText(
      context({
        notice: {
          informedOn: '2021-09-28',
          statement: 'waived',
          statementReview: null,
          hearing: null,
          hearingOutcome: null,
          publicNotice: true,
        },
      }),
    );
    expect(text).toContain('本机关于2021年9月28日依法以公告方式告知违法行为人拟作出行政处罚');
    expect(text).toContain('其自公告之日起七日内未提出陈述、申辩。');
  });

  it('lists items seized (收缴) apart from the penalties, and 没收 as a penalty', async () => {
    const seized = await documentText(
      context({
        decision: { kind: 'fine', fineAmount: '500', detentionDays: null, confiscation: '赌资人民币300元' },
      }),
    );
    expect(seized).toContain('对查获的赌资人民币300元依法予以收缴。');
    expect(seized).not.toContain('没收');
    const forfeited = await documentText(
      context({
        decision: { kind: 'confiscation', detentionDays: null, confiscation: '违法所得人民币800元' },
      }),
    );
    expect(forfeited).toContain('对违法行为人张三丰没收违法所得人民币800元。');
    expect(forfeited).toContain('没收的财物由本机关依照国家规定处理');
  });

  it('prints 复议前置 for an on-the-spot decision under the 2023 行政复议法', async () => {
    const text = await documentText(
      context({
        onTheSpot: true,
        decidedOn: '2024-05-06',
        decision: { kind: 'warning', detentionDays: null },
      }),
    );
    expect(text).toContain('应当自收到本决定书之日起六十日内先向渝州区人民政府申请行政复议');
    expect(text).toContain('自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼');
    expect(text).toContain('《中华人民共和国行政复议法》第二十三条');
  });

  it('不予行政处罚决定书: the finding and its basis, no execution, the remedies', async () => {
    const text = await documentText(
      context({ decision: { kind: 'no_penalty', detentionDays: null, reasoning: '违法行为人不满十四周岁' } }),
    );
    expect(text).toContain('不予行政处罚决定书');
    expect(text).toContain('违法行为人不满十四周岁。');
    expect(text).toContain(
      '上述行为违反了《中华人民共和国治安管理处罚法》第四十三条第一款的规定，现决定对违法行为人张三丰不予行政处罚。',
    );
    expect(text).not.toContain('缴纳罚款');
    expect(text).toContain('当事人如不服本决定');
  });

  it('masks the party on a copy for someone else, in the free text too', async () => {
    const text = await documentText(context({ masked: true, decision: { fineAmount: '500' } }));
    expect(text).toContain('违法行为人：张**');
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain(ZHANG_ID);
    expect(text).not.toContain('1990年3月7日');
    expect(text).not.toContain('王小明');
    expect(text).toContain('本件为隐去个人信息的副本');
  });

  it('keeps the XML valid when the text holds markup characters', async () => {
    const { buffer } = await renderDecisionDocument(context({ decision: { facts: '张三丰称 <无> & "有"' } }));
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;无&gt; &amp;');
  });
});

const criminal = (kind: string, over: ContextOver = {}) =>
  context({
    caseRow: { title: '李四盗窃案', caseType: 'criminal' },
    filedOn: '2021-09-28',
    party: undefined,
    parties: [suspect, complainant],
    items: [THEFT],
    evidence: [
      { fileName: '讯问笔录.pdf', description: '犯罪嫌疑人李四的供述和辩解' },
      { fileName: '价格认定结论书.pdf', description: null },
    ],
    ...over,
    decision: {
      kind,
      docNo: '渝州公（刑）提捕字〔2021〕第00003号',
      detentionDays: null,
      partyId: null,
      facts: '2021年9月26日，李四在城关镇某超市窃取手机两部，价值人民币6000元。',
      ...over.decision,
    },
  });

describe('提请批准逮捕书', () => {
  it('is addressed to the procuratorate, names the 犯罪嫌疑人 and cites 刑事诉讼法 arts.81 and 87', async () => {
    const text = await documentText(criminal('arrest_request'));
    expect(text).toContain('提请批准逮捕书');
    expect(text).toContain('渝州区人民检察院：');
    expect(text).toContain(`犯罪嫌疑人李四，性别男，出生日期1985年5月12日，公民身份号码${suspect.idNumber}`);
    expect(text).not.toContain('违法行为人');
    expect(text).not.toContain('王小明，');
    expect(text).toContain(
      '犯罪嫌疑人李四涉嫌盗窃罪一案，我局于2021年9月27日受理，于2021年9月28日立案侦查。',
    );
    expect(text).toContain('经依法侦查查明：2021年9月26日');
    expect(text).toContain('认定上述犯罪事实的证据如下：');
    expect(text).toContain('1. 犯罪嫌疑人李四的供述和辩解；');
    expect(text).toContain('2. 价格认定结论书。');
    expect(text).toContain(
      '犯罪嫌疑人李四的行为已触犯《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪',
    );
    expect(text).toContain('依照《中华人民共和国刑事诉讼法》第八十一条、第八十七条之规定，特提请批准逮捕。');
    // Nothing recorded: no 认罪认罚 and no 强制措施 sentence.
    expect(text).not.toContain('认罪认罚');
    expect(text).not.toContain('因涉嫌本案');
  });

  it('prints the 强制措施 and 认罪认罚 when they are recorded', async () => {
    const text = await documentText(
      criminal('arrest_request', {
        measures: [
          { partyId: null, kind: 'criminal_detention', on: '2021-09-27', place: '现羁押于渝州区看守所' },
        ],
        guiltyPlea: '犯罪嫌疑人李四自愿如实供述自己的罪行，承认指控的犯罪事实，愿意接受处罚',
      }),
    );
    expect(text).toContain('因涉嫌本案，2021年9月27日被刑事拘留，现羁押于渝州区看守所。');
    expect(text).toContain('认罪认罚情况：犯罪嫌疑人李四自愿如实供述自己的罪行');
  });
});

describe('起诉意见书', () => {
  it('is addressed to the procuratorate and transfers the case under 刑事诉讼法 art.162', async () => {
    const text = await documentText(criminal('prosecution_transfer'));
    expect(text).toContain('起诉意见书');
    expect(text).toContain('渝州区人民检察院：');
    expect(text).toContain('犯罪嫌疑人李四');
    expect(text).not.toContain('违法行为人');
    expect(text).toContain('上述犯罪事实清楚，证据确实、充分，足以认定。');
    expect(text).toContain(
      '涉嫌盗窃罪。依照《中华人民共和国刑事诉讼法》第一百六十二条之规定，现将此案移送审查起诉。',
    );
  });

  it('masks the suspect on a copy for someone else', async () => {
    const text = await documentText(criminal('prosecution_transfer', { masked: true }));
    expect(text).toContain('犯罪嫌疑人李*');
    expect(text).not.toContain('李四');
    expect(text).not.toContain(suspect.idNumber!);
  });
});

describe('撤销案件决定书', () => {
  it('cites 刑事诉讼法 art.163 and 程序规定 art.186, and the three-day notice of art.189', async () => {
    const text = await documentText(
      criminal('case_revoked', { decision: { reasoning: '经侦查，没有犯罪事实' } }),
    );
    expect(text).toContain('撤销案件决定书');
    expect(text).toContain('原犯罪嫌疑人李四');
    expect(text).toContain(
      '我局办理的李四盗窃案，经侦查，没有犯罪事实，根据《中华人民共和国刑事诉讼法》第一百六十三条和《公安机关办理刑事案件程序规定》第一百八十六条之规定，决定撤销此案。',
    );
    expect(text).toContain(
      '三日以内，将撤销案件的决定告知原犯罪嫌疑人、被害人或者其近亲属、法定代理人以及案件移送机关',
    );
    expect(text).toContain('《公安机关办理刑事案件程序规定》第一百八十九条');
    expect(text).not.toContain('人民检察院：');
  });

  it('names the recorded ground with its item of 程序规定 art.186, and art.16 where it is one of its grounds', async () => {
    const noCrime = await documentText(
      criminal('case_revoked', {
        decision: { reasoning: '经查，李四系正当取回自己的财物', revokeGround: 'no_crime' },
      }),
    );
    expect(noCrime).toContain(
      '经查，李四系正当取回自己的财物，属于没有犯罪事实的情形，根据《中华人民共和国刑事诉讼法》第一百六十三条和《公安机关办理刑事案件程序规定》第一百八十六条第一款第一项之规定',
    );
    const dead = await documentText(
      criminal('case_revoked', { decision: { reasoning: '', revokeGround: 'suspect_dead' } }),
    );
    expect(dead).toContain(
      '属于犯罪嫌疑人死亡的情形，根据《中华人民共和国刑事诉讼法》第十六条、第一百六十三条和《公安机关办理刑事案件程序规定》第一百八十六条第一款第五项之规定',
    );
  });

  it('adds 刑事诉讼法 art.16 when the reasons are one of its grounds', async () => {
    const text = await documentText(
      criminal('case_revoked', { decision: { reasoning: '情节显著轻微、危害不大，不认为是犯罪' } }),
    );
    expect(text).toContain('《中华人民共和国刑事诉讼法》第十六条、第一百六十三条');
  });
});

describe('不予立案通知书', () => {
  it('tells the complainant the reasons, the basis and the 复议 period of the rule in force', async () => {
    const text = await documentText(
      context({
        caseRow: { title: '王小明被盗案', caseType: 'criminal' },
        party: complainant,
        decision: { kind: 'not_filed', detentionDays: null, partyId: 3, reasoning: '没有犯罪事实' },
      }),
    );
    expect(text).toContain('不予立案通知书');
    expect(text).toContain('王小明：');
    expect(text).toContain(
      '你（单位）于2021年9月27日提出控告（报案、举报）的王小明被盗案一案，我局经审查认为：没有犯罪事实。',
    );
    expect(text).toContain('根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定不予立案。');
    expect(text).toContain('如不服本决定，可以在收到本通知书之日起七日内向渝州区公安分局申请复议。');
  });
});

describe('document helpers', () => {
  it('finds the procuratorate and government of a branch from its name', () => {
    expect(jurisdiction('渝州区公安分局')).toMatchObject({
      procuratorate: '渝州区人民检察院',
      government: '渝州区人民政府',
      superior: '上一级公安机关',
    });
    expect(jurisdiction('重庆市公安局渝中区分局')).toMatchObject({
      procuratorate: '重庆市渝中区人民检察院',
      superior: '重庆市公安局',
    });
    expect(jurisdiction('北京市公安局朝阳分局').procuratorate).toBe('北京市朝阳区人民检察院');
    expect(jurisdiction('吉林省吉林市公安局船营分局').government).toBe('吉林市船营区人民政府');
    expect(jurisdiction('某某县公安局').procuratorate).toBe('某某县人民检察院');
  });

  it('groups the basis by law, in the order given, without repeating an article', () => {
    expect(
      basisText([
        { law: '治安管理处罚法', article: '第四十三条第一款' },
        { law: '中华人民共和国治安管理处罚法', article: '第四十九条' },
        { law: '刑法', article: '第二百六十四条' },
        { law: '治安管理处罚法', article: '第四十三条第一款' },
      ]),
    ).toBe(
      '《中华人民共和国治安管理处罚法》第四十三条第一款、第四十九条、《中华人民共和国刑法》第二百六十四条',
    );
    expect(basisText([{ law: '公安机关办理行政案件程序规定', article: '第一百五十七条' }])).toBe(
      '《公安机关办理行政案件程序规定》第一百五十七条',
    );
  });
});
