import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';
import { sameSubject } from './subject.ts';

describe('same quantity stated twice (same_quantity_different_values)', () => {
  it('flags a stock figure restated with another value, however it is worded', () => {
    const text =
      '三是动员参加考试。目前分局通过高级执法资格考试有86人。\n\n' +
      '四是推行执法资格考试。截止目前，基本级资格考试通过 1764 人；高级资格考试通过 51 人。';
    const fs = checkReport(text);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'same_quantity_different_values', severity: 'error' });
    expect(fs[0]!.excerpts).toEqual(['目前分局通过高级执法资格考试有86人', '高级资格考试通过 51 人']);
    expect(fs[0]!.locations.map((l) => l.line)).toEqual([1, 3]);
  });

  it('flags a coordinated count restated with another value', () => {
    const text = '2021年，考评各类刑事、行政案件119件。\n2021年，考评刑事、行政案件120件。';
    expect(checkReport(text).map((f) => f.kind)).toEqual(['same_quantity_different_values']);
  });

  it('flags an exact figure outside the range of an approximate one', () => {
    const text = '2021年，审核刑事案件500余件。\n2021年，分局审核刑事案件450件。';
    expect(checkReport(text).map((f) => f.kind)).toEqual(['same_quantity_different_values']);
  });

  it('is silent on consistent repeats and look-alikes (false-alarm test)', () => {
    const good = [
      // Equal values under different wordings.
      '2021年，执法监督委员会向分局党委提交法制专题报告8期。\n2021年，向分局党委报送法制专题报告 8 期。',
      '目前通过律师执业资格考试人员有61人。\n分局通过国家统一法律职业资格考试民警共61人。',
      // Same object, different action: cases won vs cases attended.
      '全年共审核刑事案件500余件、成功办理行政复议案件28件、行政诉讼案件19件。\n2021年分局出庭参与行政诉讼案件25件。',
      // Levels differ.
      '截止目前，基本级资格考试通过1764人；中级执法资格考试通过751人；高级资格考试通过51人。',
      // Periods differ.
      '2020年收到申请55件。\n2021年收到申请40件。',
      '近两年采录矛盾纠纷9520起。\n截至目前，源头化解重大矛盾纠纷1.5万余件。',
      // Same words, different object: published vs all penalties.
      '今年以来行政处罚 2893 人，政务公开行政处罚 1042 人。',
      // Parameters are not counts.
      '经费大于10万元（含10万元）的项目上会。\n因金额超过十万元，召开评审会。',
      // Both approximate: no contradiction can be shown.
      '2021年研究疑难案件20余件。\n2021年研究疑难案件30余件。',
      // One sentence lists several values of one subject on purpose.
      '分局党委及各级党组织分别开展集中学习24次、1250余次。',
      // Both kinds together are not one kind alone.
      '2021年，各类刑事、行政案件119件。\n2021年，全区行政案件56件。',
    ];
    for (const text of good) expect(checkReport(text), text).toEqual([]);
  });
});

describe('subject likeness', () => {
  it('treats word order of the action and dropped modifiers as the same subject', () => {
    expect(sameSubject('通过高级执法资格考试', '高级资格考试通过')).toBe(true);
    expect(sameSubject('受理行政复议案件', '受理行政复议案件')).toBe(true);
  });

  it('keeps different actions, levels and objects apart', () => {
    expect(sameSubject('通过高级执法资格考试', '通过中级执法资格考试')).toBe(false);
    expect(sameSubject('受理行政复议案件', '办结行政复议案件')).toBe(false);
    expect(sameSubject('行政处罚', '政务公开行政处罚')).toBe(false);
    expect(sameSubject('审核刑事案件', '审核行政案件')).toBe(false);
    expect(sameSubject('同意', '不同意')).toBe(false);
  });
});
