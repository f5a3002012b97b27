import { describe, expect, it } from 'vitest';
import { deriveContent, rebindYears } from './annual-derive.ts';

describe('rebindYears', () => {
  it('turns the years that meant the report year into variables', () => {
    expect(rebindYears('2024年，考评各类案件{{evaluation.cases_evaluated}}。', 2024)).toBe(
      '{{report.year}}年，考评各类案件{{evaluation.cases_evaluated}}。',
    );
    expect(rebindYears('现将我局2024年度法治政府建设推进情况报告如下', 2024)).toBe(
      '现将我局{{report.year}}年度法治政府建设推进情况报告如下',
    );
    expect(rebindYears('四、2025年推进法治政府建设的工作思路', 2024)).toBe(
      '四、{{report.next_year}}年推进法治政府建设的工作思路',
    );
    expect(rebindYears('行政处罚人数较2023年上升，比2023年同期增加', 2024)).toBe(
      '行政处罚人数较{{report.prev_year}}年上升，比{{report.prev_year}}年同期增加',
    );
  });

  it('keeps dated events, titles, document numbers, ranges and other years as written', () => {
    const kept = [
      '2024年3月11日，分局召开培训会。',
      '以《法治政府建设实施纲要（2021—2025年）》为主线',
      '《2024年执法质量考评办法》',
      '（渝州公〔2024〕213号）',
      '2020年以来共收到申请。',
      '2023年，分局成立执法办案管理中心。',
      '2023—2024年连续获评。',
    ];
    for (const t of kept) expect(rebindYears(t, 2024)).toBe(t);
  });
});

describe('deriveContent', () => {
  it('keeps the structure, drops confirmations and the signing date', () => {
    const d = deriveContent(
      {
        title: '渝州区公安分局2024年法治政府建设年度报告',
        signature: '渝州区公安分局',
        blocks: [
          {
            id: 'b1',
            level: 1,
            heading: '一、2024年主要举措',
            text: '2024年3月，分局成立专班。',
            confirmed: [{ text: '2024年3月，分局成立专班。', by: '夏帅', at: '2025-01-05' }],
          },
        ],
      },
      2024,
    );
    expect(d).toEqual({
      title: '渝州区公安分局{{report.year}}年法治政府建设年度报告',
      signature: '渝州区公安分局',
      signedOn: null,
      blocks: [
        { id: 'b1', level: 1, heading: '一、{{report.year}}年主要举措', text: '2024年3月，分局成立专班。' },
      ],
    });
  });
});
