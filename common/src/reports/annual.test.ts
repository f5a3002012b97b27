import { describe, expect, it } from 'vitest';
import {
  type FigureValue,
  formatFigure,
  MISSING_DISPLAY,
  parseTemplate,
  renderBlock,
  renderMarkdown,
  renderPlainText,
  renderSegments,
  segmentsText,
  templateRefs,
  validateBlocks,
} from './annual.ts';

const values = new Map<string, FigureValue>([
  ['cases.admin_penalty_persons', { value: 2893, status: 'computed', unit: '人' }],
  ['qualification.basic_pass_rate', { value: 99.49, status: 'computed', unit: '%' }],
  ['epidemic.key_persons_verified', { value: 246000, status: 'submitted', unit: '人' }],
  ['traffic.fatalities', { value: null, status: 'missing', unit: '人' }],
]);

describe('parseTemplate', () => {
  it('splits text and references in order, spaces inside braces allowed', () => {
    expect(parseTemplate('行政处罚{{cases.admin_penalty_persons}}，公示{{ publicity.x }}。')).toEqual([
      { text: '行政处罚' },
      { ref: 'cases.admin_penalty_persons' },
      { text: '，公示' },
      { ref: 'publicity.x' },
      { text: '。' },
    ]);
    expect(parseTemplate('没有数字')).toEqual([{ text: '没有数字' }]);
    expect(templateRefs('{{a.b}}{{c.d}}{{a.b}}')).toEqual(['a.b', 'c.d']);
  });

  it('names the block of an unknown id or a malformed reference', () => {
    const known = new Set(['cases.admin_penalty_persons']);
    const problems = validateBlocks(
      [
        { heading: '一、{{report.year}}年', text: '处罚{{cases.admin_penalty_persons}}' },
        { heading: '', text: '处罚{{cases.admin_penalty_personz}}' },
        { heading: '', text: '处罚{{cases.admin_penalty_persons}' },
      ],
      (id) => known.has(id),
    );
    expect(problems).toEqual([
      { field: 'blocks.1.text', kind: 'unknownMetric', ref: 'cases.admin_penalty_personz' },
      { field: 'blocks.2.text', kind: 'malformedReference', ref: '{{cases.admin_penalty_persons}' },
    ]);
  });
});

describe('formatFigure', () => {
  it('prints digits without separators, rates with two decimals at most, 万 when exact', () => {
    expect(formatFigure(2893, '人')).toBe('2893人');
    expect(formatFigure(99.49, '%')).toBe('99.49%');
    expect(formatFigure(63.636363, '%')).toBe('63.64%');
    expect(formatFigure(100, '%')).toBe('100%');
    expect(formatFigure(246000, '人')).toBe('24.6万人');
    expect(formatFigure(1078800, '份')).toBe('107.88万份');
    expect(formatFigure(280000000, '元')).toBe('2.8亿元');
    // Below 100000 and where 万 would round, the digits are printed as they are.
    expect(formatFigure(34285, '条')).toBe('34285条');
    expect(formatFigure(246001, '人')).toBe('246001人');
  });
});

describe('rendering', () => {
  it('renders figures with status, the year variables as text, unknown ids as missing', () => {
    const segs = renderSegments(
      '{{report.year}}年行政处罚{{cases.admin_penalty_persons}}，{{report.next_year}}年；{{traffic.fatalities}}；{{no.such}}',
      2021,
      values,
    );
    expect(segs).toEqual([
      { text: '2021年行政处罚' },
      { metricId: 'cases.admin_penalty_persons', display: '2893人', value: 2893, status: 'computed' },
      { text: '，2022年；' },
      { metricId: 'traffic.fatalities', display: MISSING_DISPLAY, value: null, status: 'missing' },
      { text: '；' },
      { metricId: 'no.such', display: MISSING_DISPLAY, value: null, status: 'missing' },
    ]);
    const change = new Map<string, FigureValue>([
      ['traffic.fatalities_yoy', { value: -17.54, status: 'submitted', unit: '%' }],
      ['traffic.violations_handled_yoy', { value: 25.13, status: 'submitted', unit: '%' }],
    ]);
    expect(
      segmentsText(
        renderSegments(
          '死亡人数同比{{traffic.fatalities_yoy|change}}，违法同比{{ traffic.violations_handled_yoy | change }}',
          2021,
          change,
        ),
      ),
    ).toBe('死亡人数同比下降17.54%，违法同比上升25.13%');
    expect(validateBlocks([{ heading: '', text: '{{traffic.fatalities_yoy|sum}}' }], () => true)).toEqual([
      { field: 'blocks.0.text', kind: 'malformedReference', ref: '{{traffic.fatalities_yoy|sum}}' },
    ]);
    expect(segmentsText(segs)).toBe(`2021年行政处罚2893人，2022年；${MISSING_DISPLAY}；${MISSING_DISPLAY}`);
  });

  it('renders a report as Markdown and plain text with headings, run-in items and the signature', () => {
    const blocks = [
      { id: 'a', level: 1, heading: '一、{{report.year}}年主要举措', text: '' },
      { id: 'b', level: 2, heading: '（一）执法资格', text: '' },
      {
        id: 'c',
        level: 3,
        heading: '1.推行执法资格考试。',
        text: '通过率为{{qualification.basic_pass_rate}}。\n累计核查{{epidemic.key_persons_verified}}。',
      },
    ].map((b) => renderBlock(b, 2021, values));
    const report = {
      title: '渝州区公安分局2021年法治政府建设年度报告',
      addressee: '区政府：',
      signature: '渝州区公安分局',
      signedOn: '2022-01-10',
      blocks,
    };
    const md = renderMarkdown(report);
    expect(md).toContain('# 渝州区公安分局2021年法治政府建设年度报告');
    expect(md).toContain('年度报告\n\n区政府：\n\n## 一、2021年主要举措');
    expect(md).toContain('### （一）执法资格');
    expect(md).toContain('**1.推行执法资格考试。**通过率为99.49%。');
    expect(md).toContain('累计核查24.6万人。');
    expect(md).toContain('2022年1月10日');
    const text = renderPlainText(report);
    expect(text.split('\n')).toContain('1.推行执法资格考试。通过率为99.49%。');
    expect(text.trim().endsWith('2022年1月10日')).toBe(true);
  });
});
