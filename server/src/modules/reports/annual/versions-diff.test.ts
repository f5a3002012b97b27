import type { ReportBlock } from '@fazhi/common';
import { describe, expect, it } from 'vitest';
import { commonEnds, diffParagraphs, diffReports } from './versions-diff.ts';

const block = (id: string, text: string, heading = ''): ReportBlock => ({ id, level: 0, heading, text });
const doc = (blocks: ReportBlock[], title = '报告') => ({ title, blocks, signature: '渝州区公安分局' });

describe('paragraph diff', () => {
  it('keeps equal paragraphs and pairs a removed one with the one added in its place', () => {
    const d = diffParagraphs(['甲', '乙原文', '丙'], ['甲', '乙改后文', '丙', '丁']);
    expect(d).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'changed', old: '乙原文', new: '乙改后文', prefix: 1, suffix: 1 },
      { kind: 'same', text: '丙' },
      { kind: 'added', text: '丁' },
    ]);
  });

  it('reports a dropped paragraph as removed', () => {
    expect(diffParagraphs(['甲', '乙', '丙'], ['甲', '丙'])).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '乙' },
      { kind: 'same', text: '丙' },
    ]);
  });

  it('measures common ends without overlap', () => {
    expect(commonEnds('aaa', 'aaaa')).toEqual({ prefix: 3, suffix: 0 });
    expect(commonEnds('共{{x}}起。', '共{{y}}起。')).toEqual({ prefix: 3, suffix: 4 });
  });
});

describe('report diff', () => {
  it('matches blocks by id and names changed, added and removed ones in the current order', () => {
    const older = doc([block('b1', '一\n二'), block('b2', '将删除'), block('b3', '不变')]);
    const newer = doc(
      [block('b1', '一\n二（修改）'), block('b3', '不变'), block('b9', '新增段落')],
      '报告（修订）',
    );
    const d = diffReports(older, newer);
    expect(d.blocks.map((b) => [b.id, b.status])).toEqual([
      ['b1', 'changed'],
      ['b2', 'removed'],
      ['b3', 'unchanged'],
      ['b9', 'added'],
    ]);
    expect(d.counts).toEqual({ changed: 1, added: 1, removed: 1 });
    const b1 = d.blocks[0]!;
    expect(b1.oldText).toBe('一\n二');
    expect(b1.newText).toBe('一\n二（修改）');
    expect(b1.paragraphs[1]).toMatchObject({ kind: 'changed', old: '二', new: '二（修改）' });
    expect(d.blocks[1]!.newText).toBeNull();
    expect(d.blocks[3]!.oldText).toBeNull();
    expect(d.title).toEqual({ old: '报告', new: '报告（修订）' });
    expect(d.signature).toBeNull();
  });

  it('counts a heading change as a change and finds none between equal texts', () => {
    const a = doc([block('b1', '正文', '一、旧标题')]);
    const b = doc([block('b1', '正文', '一、新标题')]);
    expect(diffReports(a, b).blocks[0]).toMatchObject({
      status: 'changed',
      oldHeading: '一、旧标题',
      newHeading: '一、新标题',
    });
    expect(diffReports(a, a).counts).toEqual({ changed: 0, added: 0, removed: 0 });
  });
});
