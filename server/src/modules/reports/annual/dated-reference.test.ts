/**
 * The dated-narrative rule on the real 2021 reference report (checker/fixtures/reference-2021.txt):
 * as its own year's report it tells four earlier events and nothing else is mistaken for one (the
 * 纲要's years, document numbers, 2020年以来, 2017年6月16日至今, next year's plans, the signing date);
 * carried unchanged into a later year, its undated 2021 dates and 2021 events are flagged too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findDatedNarrative, normalizeText } from '@fazhi/common';
import { describe, expect, it } from 'vitest';

const reference = async () =>
  normalizeText(
    await readFile(path.resolve(import.meta.dirname, '../checker/fixtures/reference-2021.txt'), 'utf8'),
  ).text.split('\n');

const flagged = (paragraphs: string[], reportYear: number, carriedFrom?: number) =>
  paragraphs.flatMap((p) => findDatedNarrative(p, { reportYear, carriedFrom }).map((s) => s.text));

describe('the 2021 reference report', () => {
  it('as the 2021 report: the four paragraphs about earlier years, only', async () => {
    const paragraphs = await reference();
    expect(flagged(paragraphs, 2021)).toEqual([
      '2020年1月23日',
      '2020年',
      '2016年',
      '2017年6月27日',
      '决战脱贫攻坚',
    ]);
    const text = paragraphs.join('\n');
    for (const legit of [
      '（2021—2026年）',
      '〔2021〕',
      '2020年以来',
      '2017年6月16日至今',
      '2020年9月21日以来',
      '四、2022年',
      '2022年1月10日',
    ])
      expect(text).toContain(legit);
  });

  it('carried unchanged into 2025: its 2021 dates, undated dates and events as well', async () => {
    const spans = flagged(await reference(), 2025, 2021);
    expect(spans).toEqual(
      expect.arrayContaining([
        '2021年3月11日',
        '2021年11月10日',
        '2021年3月22日',
        '7月24日',
        '“6·21”',
        '建党100周年',
        '教育整顿',
        '新冠',
        '涉疫',
      ]),
    );
    for (const legit of [
      '2020年以来',
      '2017年6月16日至今',
      '2020年9月21日以来',
      '2021—2026年',
      '2021—2025年',
    ])
      expect(spans).not.toContain(legit);
  });
});
