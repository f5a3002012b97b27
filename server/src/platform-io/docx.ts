/**
 * Official documents (公文 / 法律文书) as .docx in the layout of GB/T 9704-2012: A4, margins
 * 37 / 35 / 28 / 26 mm (top / bottom / left / right), title in 方正小标宋简体 二号 centred, body in
 * 仿宋_GB2312 三号 on an exact 28-pt line (22 lines of 28 characters a page), the document number
 * under the title, the page number as "— N —" in 宋体 四号 (odd pages right, even pages left), and
 * the signing organ with the date in Chinese numerals. Every module that issues a document
 * (decisions, notices, 执法建议书, the annual report …) builds it here, so the layout is one.
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Font sizes of Chinese typesetting in half-points (docx `size`). */
export const FONT_SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;
export const FONTS = {
  title: '方正小标宋简体',
  titleFallback: '宋体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Millimetres to twentieths of a point, rounded (docx's own helper truncates A4 to 209.99 mm). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

/** 28 pt exactly, in twentieths of a point. */
const LINE = 28 * 20;
/** Two characters of 三号 (16 pt): the first-line indent of body paragraphs. */
const INDENT_2 = 2 * 16 * 20;

export interface Run {
  text: string;
  bold?: boolean;
  /** Underlined blank or filled-in value, as printed forms show them. */
  underline?: boolean;
}

export type Block =
  /** A body paragraph with a two-character first-line indent. */
  | string
  | {
      runs: Run[] | string;
      /** first-line indent of two characters (default true for body text). */
      indent?: boolean;
      align?: 'left' | 'center' | 'right' | 'justify';
      /** 一、 headings in 黑体, （一） headings in 楷体. */
      level?: 1 | 2;
    };

export interface OfficialDocument {
  /** 发文机关 printed above the title, e.g. 渝州区公安分局 (omit for a bare title). */
  issuer?: string;
  /** The document's name, e.g. 行政处罚决定书. */
  title: string;
  /** 文号, e.g. 渝州公（治）行罚决字〔2021〕第00012号. */
  docNo?: string;
  docNoAlign?: 'center' | 'right';
  /** 主送机关 / addressee line, flush left, e.g. 张三： */
  addressee?: string;
  body: Block[];
  /** 附件 names, listed after the body. */
  attachments?: string[];
  signature?: { organ: string; date: string };
  /** 附注 in parentheses under the date. */
  note?: string;
  /** Extra lines after the signature (e.g. 送达回执 lines, 抄送). */
  trailer?: Block[];
  /** Font of the title; 方正小标宋简体 by default, 宋体 where it is not installed. */
  titleFont?: string;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  // Months and days only: 1..31.
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 2021-09-28 → 二〇二一年九月二十八日 (the year digit by digit, as documents print it). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const year = [...(y ?? '')].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const bodyFont = (eastAsia: string = FONTS.body) => ({
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  eastAsia,
  cs: FONTS.latin,
});

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function runsOf(runs: Run[] | string, font: string, size: number): TextRun[] {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  return list.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold || undefined,
        underline: r.underline ? {} : undefined,
        font: bodyFont(font),
        size,
      }),
  );
}

function bodyParagraph(b: Block): Paragraph {
  const block = typeof b === 'string' ? { runs: b } : b;
  const font = block.level === 1 ? FONTS.heading1 : block.level === 2 ? FONTS.heading2 : FONTS.body;
  return new Paragraph({
    alignment: ALIGN[block.align ?? 'justify'],
    spacing: exact,
    indent: block.indent === false ? undefined : { firstLine: INDENT_2 },
    children: runsOf(block.runs, font, FONT_SIZE.sanhao),
  });
}

const blank = () => new Paragraph({ spacing: exact, children: [] });

function pageNumberFooter(align: 'left' | 'right'): Footer {
  // GB/T 9704: 4号半角宋体 digits with an em dash on each side, one character in from the edge.
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        indent: align === 'right' ? { right: 14 * 20 } : { left: 14 * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: bodyFont(FONTS.pageNumber),
            size: FONT_SIZE.sihao,
          }),
        ],
      }),
    ],
  });
}

/** Builds the document; returns the .docx bytes. */
export async function buildOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const titleFont = doc.titleFont ?? FONTS.title;
  const children: Paragraph[] = [];
  const titleLine = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ text, font: bodyFont(titleFont), size: FONT_SIZE.erhao })],
    });
  if (doc.issuer) children.push(titleLine(doc.issuer));
  children.push(titleLine(doc.title));
  if (doc.docNo) {
    children.push(
      new Paragraph({
        alignment: ALIGN[doc.docNoAlign ?? 'center'],
        spacing: exact,
        children: runsOf(doc.docNo, FONTS.body, FONT_SIZE.sanhao),
      }),
    );
  }
  children.push(blank());
  if (doc.addressee) children.push(bodyParagraph({ runs: doc.addressee, indent: false, align: 'left' }));
  for (const b of doc.body) children.push(bodyParagraph(b));
  if (doc.attachments?.length) {
    children.push(blank());
    const many = doc.attachments.length > 1;
    for (const [i, a] of doc.attachments.entries())
      children.push(bodyParagraph(many ? `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${a}` : `附件：${a}`));
  }
  if (doc.signature) {
    // The organ and date sit right, four characters in from the margin (GB/T 9704 7.3.5.2).
    const right = { right: 4 * 16 * 20 };
    children.push(blank(), blank());
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact,
        indent: right,
        children: runsOf(doc.signature.organ, FONTS.body, FONT_SIZE.sanhao),
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact,
        indent: right,
        children: runsOf(chineseDate(doc.signature.date), FONTS.body, FONT_SIZE.sanhao),
      }),
    );
  }
  if (doc.note) children.push(bodyParagraph(`（${doc.note}）`));
  for (const b of doc.trailer ?? []) children.push(bodyParagraph(b));

  const document = new Document({
    creator: 'Fazhi',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: bodyFont(), size: FONT_SIZE.sanhao },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(28),
            },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
