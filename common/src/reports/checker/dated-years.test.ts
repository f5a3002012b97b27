import { describe, expect, it } from 'vitest';
import { findDatedNarrative } from './dated-narrative.ts';

const flagged = (text: string, reportYear = 2025) =>
  findDatedNarrative(text, { reportYear })
    .filter((s) => s.kind === 'year')
    .map((s) => s.text);

describe('stated years other than the report year', () => {
  it('flags dated events of another year', () => {
    expect(
      flagged('按照各级党委政府统一部署，2020年1月23日，区公安分局指挥中心牵头成立疫情防控指挥部。'),
    ).toEqual(['2020年1月23日']);
    expect(flagged('2021年3月，分局邀请高校法学专家召开培训会。')).toEqual(['2021年3月']);
    expect(flagged('2016年，分局成立案件管理中心。')).toEqual(['2016年']);
    expect(flagged('2020年疫情防控期间，共立涉疫情刑事案件。', 2021)).toEqual(['2020年']);
    expect(flagged('现将我局2024年度法治政府建设推进情况报告如下')).toEqual(['2024年度']);
    // Full-width digits and typeset spaces are the same date.
    expect(flagged('２０２０年 1 月 23 日，成立指挥部。')).toEqual(['２０２０年 1 月 23 日']);
    expect(flagged('二〇二三年五月，分局召开会议。')).toEqual(['二〇二三年']);
    // A range wholly before the report year is another period.
    expect(flagged('2017—2020年连续被评为先进单位。', 2021)).toEqual(['2017—2020年']);
  });

  it('does not flag the report year, later years or ranges holding the report year', () => {
    expect(flagged('2025年，考评各类刑事、行政案件。')).toEqual([]);
    expect(flagged('2025年3月11日召开培训会。')).toEqual([]);
    expect(flagged('四、2026年推进法治政府建设的工作思路目标举措')).toEqual([]);
    expect(flagged('到2027年底，建成执法办案管理中心。')).toEqual([]);
    expect(flagged('“十四五”（2021—2025年）期间，分局持续推进。')).toEqual([]);
  });

  it('does not flag titles, document numbers, trends, comparisons or cited documents', () => {
    expect(flagged('以贯彻落实《法治政府建设实施纲要（2021—2025年）》为主线', 2026)).toEqual([]);
    expect(flagged('公布通告（渝州公〔2021〕213号）并备案。')).toEqual([]);
    expect(flagged('2020年以来分局总共收到依申请公开事项。')).toEqual([]);
    expect(flagged('2017年6月16日至今，分局选聘律师事务所执业律师作为法律顾问。')).toEqual([]);
    expect(flagged('2020年9月21日以来，召开专题会议。')).toEqual([]);
    expect(flagged('自2021年起，分局每年评选法制之星。')).toEqual([]);
    expect(flagged('行政处罚人数较2024年上升。')).toEqual([]);
    expect(flagged('与2023年相比，警情总数下降。')).toEqual([]);
    expect(flagged('比2024年同期减少。')).toEqual([]);
    expect(flagged('严格执行2019年印发的《重大行政决策程序暂行条例》。')).toEqual([]);
    expect(flagged('依照《中华人民共和国行政诉讼法》（2017年修正）办理。')).toEqual([]);
  });

  it('reads 起草 as drafting, not as "since"', () => {
    expect(flagged('2021年起草了《关于限制三轮车通行的通告》。')).toEqual(['2021年']);
  });
});
