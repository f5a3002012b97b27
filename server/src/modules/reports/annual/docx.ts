/**
 * The annual report as .docx in the layout of GB/T 9704 (the same page, fonts and footer as
 * platform-io/docx.ts buildOfficialDocx), plus what an annual report needs beyond a one-page
 * notice: run-in "1." headings, a 同比 table of key figures (本年 / 上年 / 同比) with the exact
 * numbers, and charts of the same figures over five years, where the trend reads better as a
 * picture. A chart is a PNG (chart.ts) the full 156 mm text width, its bars labelled with their
 * values; the picture holds no Chinese (the server has no CJK font), so its caption (楷体, under
 * it), legend and gap note are the document's own text, and its alt text lists every value.
 */

import { formatFigure, type PreviewBlock, segmentsText } from '@fazhi/common';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chineseDate, FONT_SIZE, FONTS } from '../../../platform-io/docx.ts';
import { renderChartPng, seriesColor } from './chart.ts';
import {
  type ChartFigure,
  chartCaption,
  chartDescription,
  chartGapNote,
  type Rendered,
  seriesLabel,
  type YearOnYear,
} from './render.ts';

const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** 28 pt exactly, in twentieths of a point (560). */
const LINE = 28 * 20;
const INDENT_2 = 2 * 16 * 20;
const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

const run = (text: string, eastAsia: string = FONTS.body, o: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: font(eastAsia), size: o.size ?? FONT_SIZE.sanhao, bold: o.bold || undefined });

function para(
  children: TextRun[],
  o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: exact,
    indent: o.indent === false ? undefined : { firstLine: INDENT_2 },
    children,
  });
}

const blank = () => new Paragraph({ spacing: exact, children: [] });

/** 一、 in 黑体, （一） in 楷体, 1. run in bold before its first paragraph, body in 仿宋_GB2312. */
function blockParagraphs(b: PreviewBlock): Paragraph[] {
  const texts = b.paragraphs.map((p) => segmentsText(p));
  const out: Paragraph[] = [];
  if (b.level === 1) out.push(para([run(b.heading, FONTS.heading1)]));
  else if (b.level === 2) out.push(para([run(b.heading, FONTS.heading2)]));
  if (b.level === 3) {
    const [first = '', ...rest] = texts;
    out.push(para([run(b.heading, FONTS.body, { bold: true }), run(first)]));
    for (const t of rest) out.push(para([run(t)]));
    return out;
  }
  if (b.level === 0 && b.heading) out.push(para([run(b.heading, FONTS.body, { bold: true })]));
  for (const t of texts) out.push(para([run(t)]));
  return out;
}

function changeText(y: YearOnYear): string {
  if (y.change === null) return '—';
  const pct = Math.round(y.change * 1000) / 10;
  return pct === 0 ? '持平' : `${pct > 0 ? '上升' : '下降'}${Math.abs(pct)}%`;
}

function yearOnYearTable(year: number, rows: YearOnYear[]): Table {
  const cell = (text: string, o: { bold?: boolean; align?: 'left' | 'center' } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { line: 20 * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(text, o.bold ? FONTS.heading1 : FONTS.body, { size: FONT_SIZE.xiaosi })],
        }),
      ],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const fmt = (v: number | null, unit: string) => (v === null ? '—' : formatFigure(v, unit));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['项目', `${year}年`, `${year - 1}年`, '同比'].map((h) => cell(h, { bold: true })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: [
              cell(r.nameZh, { align: 'left' }),
              cell(fmt(r.value, r.unit)),
              cell(fmt(r.previous, r.unit)),
              cell(changeText(r)),
            ],
          }),
      ),
    ],
  });
}

/** Single spacing for the picture: an exact 28-pt line would crop it to one line's height. */
const auto = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

/** The picture, its legend (two series or more), its caption and a note on years without records. */
function chartParagraphs(f: ChartFigure): Paragraph[] {
  const chart = renderChartPng({
    kind: f.kind,
    categories: f.years.map(String),
    series: f.series.map((s) => ({ values: s.values })),
    emphasize: f.years.length - 1,
  });
  const caption = chartCaption(f);
  const small = (text: string, eastAsia: string = FONTS.body, color?: string) =>
    new TextRun({ text, font: font(eastAsia), size: FONT_SIZE.xiaosi, color });
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...auto, before: 240 },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: `图${f.number}`, title: caption, description: chartDescription(f) },
        }),
      ],
    }),
  ];
  if (f.series.length > 1)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact,
        keepNext: true,
        children: f.series.flatMap((s, k) => [
          ...(k > 0 ? [small('　　')] : []),
          small('■', FONTS.body, seriesColor(f.kind, k)),
          small(` ${seriesLabel(f, s)}`),
        ]),
      }),
    );
  const note = chartGapNote(f);
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      keepNext: note !== null,
      children: [run(caption, FONTS.heading2, { size: FONT_SIZE.sihao })],
    }),
  );
  if (note)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [small(note)] }));
  return out;
}

function pageNumberFooter(align: 'left' | 'right'): Footer {
  // GB/T 9704: 4号半角宋体 digits with an em dash on each side; odd pages right, even pages left.
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 14 * 20 } : { left: 14 * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: FONT_SIZE.sihao,
          }),
        ],
      }),
    ],
  });
}

export async function buildAnnualDocx(r: Rendered): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(r.title, FONTS.title, { size: FONT_SIZE.erhao })],
    }),
    blank(),
  ];
  if (r.addressee) children.push(para([run(r.addressee)], { indent: false, align: AlignmentType.LEFT }));
  for (const b of r.blocks) children.push(...blockParagraphs(b));
  if (r.yearOnYear.length || r.charts.length)
    children.push(
      blank(),
      para([run(`附：${r.year}年主要执法数据同比情况`, FONTS.heading1)], { indent: false }),
    );
  if (r.yearOnYear.length) children.push(yearOnYearTable(r.year, r.yearOnYear));
  for (const f of r.charts) children.push(...chartParagraphs(f));
  // The organ and date sit right, four characters in from the margin (GB/T 9704 7.3.5.2).
  const right = { right: 4 * 16 * 20 };
  children.push(blank(), blank());
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: right,
      children: [run(r.signature)],
    }),
  );
  if (r.signedOn)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact,
        indent: right,
        children: [run(chineseDate(r.signedOn))],
      }),
    );
  const document = new Document({
    creator: 'Fazhi',
    title: r.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: FONT_SIZE.sanhao }, paragraph: { spacing: exact } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
