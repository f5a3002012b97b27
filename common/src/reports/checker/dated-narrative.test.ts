import { describe, expect, it } from 'vitest';
import { findDatedNarrative } from './dated-narrative.ts';

describe('findDatedNarrative', () => {
  it('quotes each span from the paragraph as given, in order, once', () => {
    const text = '**二是** 截止 12 月 22 日，累计核查；2020 年 1 月 23 日成立指挥部，开展核酸检测。';
    const spans = findDatedNarrative(text, { reportYear: 2023, carriedFrom: 2021 });
    expect(spans.map((s) => [s.kind, s.text])).toEqual([
      ['carried', '12 月 22 日'],
      ['year', '2020 年 1 月 23 日'],
      ['event', '核酸检测'],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds nothing in a paragraph about the report year only', () => {
    expect(
      findDatedNarrative('2025年，分局召开重大项目评审，较2024年增加；今年以来办理许可证。', {
        reportYear: 2025,
        carriedFrom: 2024,
      }),
    ).toEqual([]);
  });
});
