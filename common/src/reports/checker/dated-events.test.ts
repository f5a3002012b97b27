import { describe, expect, it } from 'vitest';
import { findDatedNarrative } from './dated-narrative.ts';

const events = (text: string, reportYear: number) =>
  findDatedNarrative(text, { reportYear })
    .filter((s) => s.kind === 'event')
    .map((s) => `${s.text}:${s.from}-${s.to}`);

describe('named events of other years', () => {
  it('flags an event printed in a report outside its years', () => {
    expect(events('在建党100周年安保期间，圆满完成了大庆安保任务。', 2025)).toEqual([
      '建党100周年:2021-2021',
      '大庆安保:2021-2021',
    ]);
    expect(events('接处110涉疫情警情，均已妥善处置。', 2024)).toEqual(['涉疫:2020-2022']);
    expect(events('扎实开展“坚持政治建警全面从严治警”教育整顿。', 2023)).toEqual(['教育整顿:2021-2021']);
    expect(events('着力做好决战脱贫攻坚等重点工作。', 2021)).toEqual(['决战脱贫攻坚:2020-2020']);
  });

  it('does not flag an event in its own years, in a title, before 以来, or words that outlive it', () => {
    expect(events('在建党100周年安保期间，圆满完成了大庆安保任务。', 2021)).toEqual([]);
    expect(events('接处110涉疫情警情。', 2022)).toEqual([]);
    expect(events('学习《庆祝建党100周年重要讲话汇编》。', 2025)).toEqual([]);
    expect(events('新冠疫情发生以来，分局持续优化服务。', 2025)).toEqual([]);
    expect(events('推进扫黑除恶常态化，统筹做好疫情防控。', 2025)).toEqual([]);
    expect(events('深入学习贯彻党的二十大精神。', 2025)).toEqual([]);
  });
});
