import { describe, expect, it } from 'vitest';
import { checkReport } from './check-report.ts';
import { FINDING_KINDS } from './types.ts';

// A made-up report with one error of each kind, written the way these reports are written:
// full-width digits, spaces around numbers, Markdown emphasis, a page break inside a word.
const WITH_ERRORS = `某某县公安局 2021 年法治政府建设年度报告

县政府：

一、2021 年推进法治政府建设的主要举措和成效

以《法治政府建设实施纲要（2021—2026 年）》为主线，全面推进法治政府建设。

（一）执法队伍建设

1. 执法资格。目前全局通过高级执法资格考试有４０人。

2. 规范性文件。公布《某县公安局某县交通运输局关于限制货车通行的通告》（某公〔2021〕58号），并将《关于限制货车通行的通告》（某公〔2021〕85号）报送县政府备

案。

3. 执法资格考试。截止目前，全局实有 800 人，基本级资格考试通过 760 人，通过率为 99.1%；高级资格考试通过 32 人。**一是**加强培训。

（二）行政应诉

2021年出庭参与行政诉讼案件 12 件，其中胜诉 9 件，败诉 3 件，行政机关负责人出庭应诉率达到了 70%。

（三）重大决策

《法治政府建设实施纲要（2021—2025年）》要求依法决策。全年完成安保任务 90 次，其中一级 20 次，二级 50 次，大型活动安保 40 次。`;

const FIXES: [string, string][] = [
  ['（2021—2026 年）', '（2021—2025 年）'],
  ['有４０人', '有３２人'],
  ['（某公〔2021〕85号）', '（某公〔2021〕58号）'],
  ['99.1%', '95%'],
  ['70%', '75%'],
  ['安保任务 90 次', '安保任务 110 次'],
];

describe('checkReport on a whole report', () => {
  it('finds one error of each kind, in reading order, quoting the input', () => {
    const findings = checkReport(WITH_ERRORS);
    expect(findings.map((f) => [f.kind, f.locations[0]!.line])).toEqual([
      ['regulation_citation_conflict', 7],
      ['same_quantity_different_values', 11],
      ['document_number_conflict', 13],
      ['rate_mismatch', 17],
      ['rate_impossible_for_base', 21],
      ['parts_exceed_total', 25],
    ]);
    for (const f of findings) {
      expect(FINDING_KINDS).toContain(f.kind);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messageEn).toMatch(/[a-z]/);
      for (const [i, e] of f.excerpts.entries()) {
        expect(WITH_ERRORS).toContain(e);
        expect(WITH_ERRORS.slice(f.locations[i]!.start, f.locations[i]!.end)).toBe(e);
      }
    }
    // 760/800 = 95.00%; 9 of 12 is 75%, no whole count of 12 is 70%.
    expect(findings[3]!.arithmetic).toBe('760/800=95.00% ≠ 99.1%');
    expect(findings[4]!.message).toContain('以12为基数');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(checkReport(WITH_ERRORS))).toBe(JSON.stringify(checkReport(WITH_ERRORS)));
  });

  it('finds nothing once the errors are corrected (false-alarm test)', () => {
    let fixed = WITH_ERRORS;
    for (const [from, to] of FIXES) {
      expect(fixed).toContain(from);
      fixed = fixed.replace(from, to);
    }
    expect(checkReport(fixed)).toEqual([]);
  });

  it('finds nothing in text without figures or citations', () => {
    expect(checkReport('')).toEqual([]);
    expect(checkReport('坚持以人民为中心，推进严格规范公正文明执法。')).toEqual([]);
  });
});
