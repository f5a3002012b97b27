import { describe, expect, it } from 'vitest';
import type { ReportBlock } from './annual.ts';
import { carriedPassages, carryConfirmations, datedFlags, openFlags, passagesOf } from './annual-dated.ts';

const block = (
  id: string,
  heading: string,
  text: string,
  confirmed?: ReportBlock['confirmed'],
): ReportBlock => ({
  id,
  level: 3,
  heading,
  text,
  ...(confirmed ? { confirmed } : {}),
});

const COVID = '2020年1月23日，分局成立疫情防控指挥部，制定工作方案{{epidemic.plans_drafted}}。';
const TRACE = '截至8月11日21时，封控小区居民全部解封。';
const PLAIN = '{{report.year}}年，考评各类刑事、行政案件{{evaluation.cases_evaluated}}。';
const blocks = [
  block('b1', '1.统筹推进疫情防控。', `${COVID}\n\n${TRACE}`),
  block('b2', '2.执法监督。', PLAIN),
];

describe('datedFlags', () => {
  it('flags each paragraph telling another year, numbered as the preview numbers them', () => {
    const flags = datedFlags(2025, blocks, { year: 2024, paragraphs: new Set([TRACE]) });
    expect(
      flags.map((f) => [f.blockId, f.field, f.paragraph, f.carriedFrom, f.spans.map((s) => s.text)]),
    ).toEqual([
      ['b1', 'text', 0, null, ['2020年1月23日']],
      ['b1', 'text', 1, 2024, ['8月11日21时']],
    ]);
    expect(openFlags(flags)).toHaveLength(2);
  });

  it('takes undated dates as the report year once the paragraph is edited', () => {
    const edited = [block('b1', '1.', `${TRACE.replace('全部', '已全部')}`)];
    expect(datedFlags(2025, edited, { year: 2024, paragraphs: new Set([TRACE]) })).toEqual([]);
  });

  it('reads a date written on {{report.year}} in a carried-over paragraph as the source year', () => {
    const dated = '{{report.year}}年3月11日，分局召开培训会。';
    expect(datedFlags(2025, [block('b1', '', dated)], null)).toEqual([]);
    const flags = datedFlags(2025, [block('b1', '', dated)], { year: 2024, paragraphs: new Set([dated]) });
    expect(flags[0]!.spans.map((s) => [s.kind, s.text, s.from])).toEqual([['carried', '3月11日', 2024]]);
  });

  it('shows a confirmation of the exact wording and no other', () => {
    const c = { text: COVID, by: '夏帅', at: '2026-01-05T02:00:00.000Z' };
    const flags = datedFlags(2021, [block('b1', '', `${COVID}\n${COVID}。`, [c])], null);
    expect(flags.map((f) => f.confirmed)).toEqual([{ by: '夏帅', at: c.at }, null]);
    expect(openFlags(flags)).toHaveLength(1);
  });
});

describe('carriedPassages', () => {
  it('keeps only the passages whose undated dates would be the source year', () => {
    expect(carriedPassages(blocks, 2024, 2025)).toEqual([TRACE]);
    expect(carriedPassages(blocks, 2025, 2025)).toEqual([]);
  });
});

describe('carryConfirmations', () => {
  const c = { text: COVID, by: '夏帅', at: '2026-01-05T02:00:00.000Z' };
  const stored = [block('b1', '', `${COVID}\n${TRACE}`, [c])];
  it('keeps a confirmation while its paragraph is worded the same, in the same block', () => {
    expect(carryConfirmations([block('b1', '', `${COVID}\n新增一段。`)], [stored])[0]!.confirmed).toEqual([
      c,
    ]);
    expect(carryConfirmations([block('b1', '', `${COVID}（修改）`)], [stored])[0]!.confirmed).toBeUndefined();
    expect(carryConfirmations([block('b9', '', COVID)], [stored])[0]!.confirmed).toBeUndefined();
  });

  it('ignores confirmations the client sends', () => {
    const forged = [block('b1', '', TRACE, [{ text: TRACE, by: '某人', at: '2026-01-01' }])];
    expect(carryConfirmations(forged, [[block('b1', '', TRACE)]])[0]!.confirmed).toBeUndefined();
  });
});

describe('passagesOf', () => {
  it('skips empty paragraphs and numbers the rest', () => {
    expect(passagesOf({ heading: ' ', text: 'a\n\n b \n' })).toEqual([
      { field: 'text', paragraph: 0, text: 'a' },
      { field: 'text', paragraph: 1, text: 'b' },
    ]);
  });
});
