import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';

describe('document numbers (document_number_conflict)', () => {
  it('flags one document cited under two numbers, issuer prefix or not', () => {
    const text =
      '正式公布《某区公安分局某区交通局关于限制货车通行的通告》(某公〔2021〕213号)。\n\n' +
      '将《关于限制货车通行的通告》(某公〔2021〕231号)备案材料报送区人民政府。';
    const [f, ...rest] = checkReport(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'document_number_conflict', severity: 'error' });
    expect(f!.message).toContain('某公〔2021〕213号与某公〔2021〕231号');
    expect(f!.message).toContain('疑似数字颠倒');
    expect(f!.excerpts).toEqual([
      '《某区公安分局某区交通局关于限制货车通行的通告》(某公〔2021〕213号)',
      '《关于限制货车通行的通告》(某公〔2021〕231号)',
    ]);
  });

  it('reads [2021] and （2021） brackets as 〔2021〕', () => {
    const text = '《关于加强管理的通知》（某发[2020]5号）。\n《关于加强管理的通知》（某发〔2020〕6号）。';
    expect(checkReport(text).map((f) => f.kind)).toEqual(['document_number_conflict']);
  });

  it('warns when one number is given to two documents', () => {
    const text = '《关于加强管理的通知》（某发〔2020〕5号）。\n《关于严格执法的意见》（某发〔2020〕5号）。';
    expect(checkReport(text).map((f) => [f.kind, f.severity])).toEqual([
      ['document_number_conflict', 'warning'],
    ]);
  });

  it('is silent on the same number cited twice, and on different documents (false-alarm test)', () => {
    const good = [
      '《关于限制货车通行的通告》（某公〔2021〕213号）。\n《某区公安分局关于限制货车通行的通告》(某公〔2021〕213号)。',
      '按照《关于建立联调机制的意见》（渝高法〔2021〕33号）和《某某办法》（重庆市人民政府令第329号）执行。',
    ];
    for (const text of good) expect(checkReport(text), text).toEqual([]);
  });
});

describe('regulation citations (regulation_citation_conflict)', () => {
  it('flags one regulation cited with two year ranges', () => {
    const text =
      '以《法治政府建设实施纲要（2021—2026 年）》为主线。\n\n《法治政府建设实施纲要（2021—2025年）》要求依法决策。';
    const [f, ...rest] = checkReport(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'regulation_citation_conflict', severity: 'error' });
    expect(f!.excerpts).toEqual([
      '《法治政府建设实施纲要（2021—2026 年）》',
      '《法治政府建设实施纲要（2021—2025年）》',
    ]);
  });

  it('flags two editions of a law, with the 中华人民共和国 prefix or not', () => {
    const text = '依据《中华人民共和国行政诉讼法（2017年修正）》。\n依据《行政诉讼法（2014年修正）》。';
    expect(checkReport(text).map((f) => [f.kind, f.severity])).toEqual([
      ['regulation_citation_conflict', 'error'],
    ]);
  });

  it('notes, as info, a （试行） that comes and goes and titles a word apart', () => {
    const text =
      '分局制定《受案立案工作规定实施细则》、《某区分局执法规范化建设考核实施细则》。\n' +
      '出台《受案立案工作规定实施细则（试行）》，完善《执法规范化建设实施细则》。';
    const fs = checkReport(text);
    expect(fs.map((f) => [f.kind, f.severity])).toEqual([
      ['regulation_citation_conflict', 'info'],
      ['regulation_citation_conflict', 'info'],
    ]);
  });

  it('is silent on issuer prefixes, ordinals in titles and form names (false-alarm test)', () => {
    const good = [
      '出台《案件审核规范》。\n落实《重庆市公安局某区分局案件审核规范》。\n按照《分局案件审核规范》执行。',
      '召开《刑法修正案（十一）》培训会，学习《刑法修正案（十一）》。',
      '下达执法建议书1份，《执法建议书》1份，党的十九届四中全会《决定》指出。',
      '以《法治政府建设实施纲要（2021—2025年）》为主线。\n《法治政府建设实施纲要》要求依法决策。',
      '《关于提前介入重大刑事案件侦查活动的工作办法》《关于提前介入电信网络诈骗刑事案件侦查活动的工作办法》。',
    ];
    for (const text of good) expect(checkReport(text), text).toEqual([]);
  });
});
