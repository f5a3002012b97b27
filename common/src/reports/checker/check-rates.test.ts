import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';

describe('rates against their counts (rate_mismatch / rate_impossible_for_base)', () => {
  it('flags a rate its numerator and base cannot give, naming the base it would need', () => {
    const text = '截至目前，单位实有500人，考试通过400人，通过率为85.5%。';
    const [f, ...rest] = checkReport(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'rate_mismatch', severity: 'error' });
    expect(f!.message).toContain('400/500=80.00%');
    expect(f!.message).toContain('基数应为468');
    expect(f!.excerpts).toEqual(['单位实有500人，考试通过400人，通过率为85.5%']);
  });

  it('finds the base in the sentence before (…；中级通过N人，通过率为R%)', () => {
    const text = '分局实有 2000 人，初级考试通过 1900 人，通过率为 95%；中级考试通过 700 人，通过率为 40%。';
    const fs = checkReport(text);
    expect(fs.map((f) => f.kind)).toEqual(['rate_mismatch']);
    expect(fs[0]!.arithmetic).toBe('700/2000=35.00% ≠ 40%');
  });

  it("pairs two counts of the rate's own action when no base is marked", () => {
    const [f] = checkReport('全年调解矛盾纠纷8652件，调解成功8531件，调解成功率95.6%。');
    expect(f?.arithmetic).toBe('8531/8652=98.60% ≠ 95.6%');
  });

  it('flags a rate no whole count of the base can give', () => {
    const text = '2021年出庭参与行政诉讼案件25件，其中胜诉20件，败诉5件，负责人出庭应诉率达到了63.6%。';
    const [f] = checkReport(text);
    expect(f).toMatchObject({ kind: 'rate_impossible_for_base', severity: 'error' });
    expect(f!.message).toContain('15/25=60.00%');
    expect(f!.message).toContain('16/25=64.00%');
  });

  it('accepts the rounding of the last printed digit (false-alarm test)', () => {
    const good = [
      '截至目前，单位实有2003人，考试通过1764人，通过率为88.07%。',
      '单位实有2003人，考试通过1764人，通过率为88.1%。',
      '单位实有2003人，考试通过1764人，通过率为88%。',
      '出庭参与行政诉讼案件25件，其中胜诉20件，败诉5件，负责人出庭应诉率达到了64%。',
      '出庭参与行政诉讼案件22件，其中胜诉17件，负责人出庭应诉率为63.6%。',
      // A rate without any stated base says nothing checkable.
      '累计核查重点人员24.6万余人，落实居家隔离16961人，核查率100%。',
      '安全护送爆炸物品148万公斤、雷管110余万枚，安全护送率100%。',
      '全年调解矛盾纠纷8652件，调解成功8531件，调解成功率98.6%。',
      // A base of another thing says nothing about a satisfaction rate.
      '共受理案件40件，办结38件，群众满意率96.3%。',
      // A count that is not the rate's numerator is not used as one.
      '共受理案件40件，办结38件，群众满意率97.5%。',
    ];
    for (const text of good) expect(checkReport(text), text).toEqual([]);
  });
});
