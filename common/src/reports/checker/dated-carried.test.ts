import { describe, expect, it } from 'vitest';
import { findDatedNarrative } from './dated-narrative.ts';

const carried = (text: string, carriedFrom: number | null = 2024, reportYear = 2025) =>
  findDatedNarrative(text, { reportYear, carriedFrom: carriedFrom ?? undefined }).filter(
    (s) => s.kind === 'carried',
  );

describe('dates without a year in a carried-over paragraph', () => {
  it('flags them as the year the paragraph was written for', () => {
    const spans = carried(
      '针对“7月24日南京市判定刘某（7月13至17日在渝有活动轨迹）为新冠病毒无症状感染者”的情况，截至8月11日21时，封控小区全部解封。',
    );
    expect(spans.map((s) => s.text)).toEqual(['7月24日', '7月13至17日', '8月11日21时']);
    expect(spans.every((s) => s.from === 2024 && s.to === 2024)).toBe(true);
    expect(carried('妥善处置“6·21”某小区业主聚集事件。').map((s) => s.text)).toEqual(['“6·21”']);
    expect(carried('根据市公安局“2.5”三轮车整治工作视频会精神').map((s) => s.text)).toEqual(['“2.5”']);
    // 今年 written last year meant last year.
    expect(carried('今年3月15日，分局开展专项行动。').map((s) => s.text)).toEqual(['3月15日']);
  });

  it('leaves them alone in a paragraph written for the report year', () => {
    expect(carried('截至8月11日21时，封控小区全部解封。', null)).toEqual([]);
    expect(carried('截至8月11日21时，封控小区全部解封。', 2025)).toEqual([]);
  });

  it('does not flag recurring days, dates of a stated year, quantities or decimals', () => {
    expect(carried('每年6月26日开展禁毒宣传。')).toEqual([]);
    expect(carried('在“12·4”国家宪法日开展宪法宣传。')).toEqual([]);
    expect(carried('庆祝“1·10”中国人民警察节。')).toEqual([]);
    expect(carried('6月26日国际禁毒日当天，开展宣传。')).toEqual([]);
    expect(carried('2025年3月11日至3月15日举办培训班。')).toEqual([]);
    expect(carried('办结时限压缩至3个工作日，增长2.5个百分点。')).toEqual([]);
    expect(carried('全年12个月每月通报一次。')).toEqual([]);
    expect(carried('《关于“6·21”事件的通报》')).toEqual([]);
  });
});
