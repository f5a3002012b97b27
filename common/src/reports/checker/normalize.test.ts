import { describe, expect, it } from 'vitest';
import { lineOf, normalizeText, rawSlice } from './normalize.ts';
import { segment } from './segments.ts';

describe('normalising report text', () => {
  it('maps full-width digits to ASCII and ASCII punctuation to Chinese', () => {
    const n = normalizeText('全年查处案件１２３件，（含）比例９９．５％;完成(试行)');
    expect(n.text).toBe('全年查处案件123件，（含）比例99.5%；完成（试行）');
  });

  it('keeps thousands separators and times as they are', () => {
    expect(normalizeText('共 1,234 人, 21:30 到达').text).toBe('共1,234人，21:30到达');
  });

  it('drops spaces around CJK but keeps them between ASCII words and between two numbers', () => {
    expect(normalizeText('通过率为 99.49 %，“6 in 1 to N”，2021 12').text).toBe(
      '通过率为99.49%，“6 in 1 to N”，2021 12',
    );
  });

  it('strips Markdown emphasis', () => {
    expect(normalizeText('**一是**加强管理。').text).toBe('一是加强管理。');
  });

  it('rejoins words and titles cut by a page break', () => {
    const raw = '依据《重庆市\n\n渝北区管理办法》，开展行\n\n政检查 21 项。\n\n下一段。';
    const n = normalizeText(raw);
    expect(n.text).toBe('依据《重庆市渝北区管理办法》，开展行政检查21项。\n下一段。');
  });

  it('keeps paragraph breaks after sentence ends, around headings and after a title line', () => {
    const raw =
      '某某局 2021 年法治政府建设年度报告\n\n区政府：\n\n一、主要举措\n\n（一）学习情况\n\n1. 加强学习。\n\n正文';
    const n = normalizeText(raw);
    expect(n.text.split('\n')).toEqual([
      '某某局2021年法治政府建设年度报告',
      '区政府：',
      '一、主要举措',
      '（一）学习情况',
      '1.加强学习。',
      '正文',
    ]);
  });

  it('quotes the input exactly, whatever normalisation did', () => {
    const raw = '\ufeff分局实有 ２００３ 人，\n\n通过 **1764** 人';
    const n = normalizeText(raw);
    const at = n.text.indexOf('2003');
    expect(rawSlice(n, at, at + 5)).toBe('２００３ 人');
    const whole = rawSlice(n, 0, n.text.length);
    expect(raw).toContain(whole);
    expect(lineOf(n, n.origin[n.text.indexOf('通过')]!)).toBe(3);
  });

  it('segments sentences and marks quoted text', () => {
    const n = normalizeText('妥善处置“6·21”事件。开展《条例》学习；完成');
    const seg = segment(n.text);
    expect(seg.sentences.map((s) => n.text.slice(s.start, s.end))).toEqual([
      '妥善处置“6·21”事件。',
      '开展《条例》学习；',
      '完成',
    ]);
    expect(seg.quoted[n.text.indexOf('6')]).toBe(1);
    expect(seg.quoted[n.text.indexOf('事件')]).toBe(0);
  });
});
