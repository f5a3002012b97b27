import { describe, expect, it } from 'vitest';
import { analyseReport } from './check-report.ts';

const figuresOf = (text: string, reportYear = 2021) =>
  analyseReport(text, { reportYear }).figures.map((f) => ({
    value: f.value,
    unit: f.unit,
    subject: f.subject,
    approx: f.approx,
    parameter: f.parameter,
  }));

describe('figure extraction', () => {
  it('finds numbers with their units, 万 multiplied out, 余 approximate', () => {
    const figs = figuresOf('累计核查重点人员24.6万余人，落实居家隔离16961人，核查率100%。');
    expect(figs).toEqual([
      { value: 246000, unit: '人', subject: '核查重点人员', approx: true, parameter: false },
      { value: 16961, unit: '人', subject: '落实居家隔离', approx: false, parameter: false },
      { value: 100, unit: '%', subject: '核查率', approx: false, parameter: false },
    ]);
  });

  it('leaves out dates, years, ordinals, ages, house numbers and document numbers', () => {
    const text =
      '2021年3月11日，经第22次行政办公会议审议，根据《办法》（重庆市人民政府令第329号）和（渝北公〔2021〕213号），' +
      '夏某，女，30岁，暂住武陵路152号，7月13至17日在渝，截至8月11日21时解封。';
    expect(figuresOf(text)).toEqual([]);
  });

  it('leaves out quoted names, slogans and 110 as a channel', () => {
    const text =
      '妥善处置“6·21”事件，依托“365律警在线”，落实“三级五关”“一令一书”制度，提出“1+4+N”思路，常态回访110警情，对110接报的纠纷回访。';
    expect(figuresOf(text)).toEqual([]);
  });

  it('reads Chinese numerals that count, not those that are words', () => {
    const figs = figuresOf('针对十一个街道开展评估，安排两名文员，每一起案件都要一起审核，窗口一次性办结。');
    expect(figs.map((f) => [f.value, f.unit])).toEqual([
      [11, '个'],
      [2, '人'],
    ]);
  });

  it('takes the subject after the number when nothing names it before', () => {
    const figs = figuresOf('共计68人报名，63人参赛。');
    expect(figs.map((f) => f.subject)).toEqual(['报名', '参赛']);
  });

  it('marks parameters (每日, 以内, 大于) so they are never compared as counts', () => {
    const figs = figuresOf('每日抽查40起警情，在7个工作日内公开，经费大于10万元的项目上会。');
    expect(figs.every((f) => f.parameter)).toBe(true);
  });

  it('marks plans and targets as parameters, not counts', () => {
    const figs = figuresOf('计划开展执法检查1500次，力争结案率达到95%。');
    expect(figs.map((f) => f.parameter)).toEqual([true, true]);
  });

  it('reads the period from the nearest cue before the figure', () => {
    const a = analyseReport(
      '2020年疫情期间，共立案76件。今年以来，查处案件14起。2020年以来收到55件。截至目前，分局实有2003人。近两年采录纠纷9520起。',
      { reportYear: 2021 },
    );
    expect(a.figures.map((f) => f.period)).toEqual([
      { kind: 'year', year: 2020 },
      { kind: 'year', year: 2021 },
      { kind: 'since', year: 2020 },
      { kind: 'stock' },
      { kind: 'recent', years: 2 },
    ]);
  });

  it('reads the report year from the title', () => {
    const a = analyseReport('某某分局 2021 年法治政府建设年度报告\n\n今年以来，查处案件14起。');
    expect(a.reportYear).toBe(2021);
    expect(a.figures[0]!.period).toEqual({ kind: 'year', year: 2021 });
  });

  it('shares the action written once for a list (成功办理A28件、B19件)', () => {
    const figs = figuresOf('全年成功办理行政复议案件28件、行政诉讼案件19件。');
    expect(figs.map((f) => f.subject)).toEqual(['成功办理行政复议案件', '成功办理行政诉讼案件']);
  });

  it('reads a lone 一 before a noun as the article, not a count of one', () => {
    const text =
      '还需要摸索建立一个高效的化解争议渠道，建立一个有机衔接的纠纷解决机制，安排一名民警专职负责，将其作为一项基础性工作。';
    expect(figuresOf(text)).toEqual([]);
    // A count of one says so, or stands after its noun.
    const counts = figuresOf('仅一个派出所未完成，新建调解室一个。');
    expect(counts.map((f) => [f.value, f.unit, f.subject])).toEqual([
      [1, '个', '派出所未完成'],
      [1, '个', '新建调解室'],
    ]);
  });

  it('counts nouns joined by 、 together when only the last carries the number', () => {
    const figs = figuresOf('2021年，考评各类刑事、行政案件119件，发现、纠正并整改违规受立案情况14起。');
    expect(figs.map((f) => f.subject)).toEqual(['考评各类刑事、行政案件', '发现、纠正并整改违规受立案情况']);
    // Items that carry their own number stay apart.
    expect(figuresOf('受理刑事案件33件、行政案件56件。').map((f) => f.subject)).toEqual([
      '受理刑事案件',
      '受理行政案件',
    ]);
  });

  it('shares the action of a list with its adverb, never a verb that is the noun itself', () => {
    expect(figuresOf('安全护送爆炸物品148万公斤、雷管110万枚。').map((f) => f.subject)).toEqual([
      '安全护送爆炸物品',
      '安全护送雷管',
    ]);
    expect(figuresOf('其中，行政审批30项、行政处罚914项、行政强制33项。').map((f) => f.subject)).toEqual([
      '行政审批',
      '行政处罚',
      '行政强制',
    ]);
  });

  it('accepts the double measure word 件起 as 件', () => {
    expect(figuresOf('共立刑事案76件起。')[0]).toMatchObject({ value: 76, unit: '件' });
  });
});
