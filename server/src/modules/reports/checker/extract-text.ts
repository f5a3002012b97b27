/**
 * The text of a report a user uploads (.docx or .txt), paragraphs kept as lines, for the
 * consistency checker. Word files are read from word/document.xml; text files may come from
 * Windows tools in GB18030 (GBK), so encodings are detected rather than assumed.
 */
import JSZip from 'jszip';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type ReportFormat = 'docx' | 'txt';

export function detectFormat(bytes: Uint8Array, fileName?: string): ReportFormat {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'docx';
  if (fileName && /\.docx$/i.test(fileName)) return 'docx';
  return 'txt';
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — the encodings Chinese offices send. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITY[e]!;
  });
}

const TOKEN = /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:delText)\b[^>]*?(\/?)>|<[^>]*>|([^<]+)/g;

/**
 * Paragraph texts of a WordprocessingML body. Text runs (<w:t>) are concatenated, so a word split
 * across runs by formatting comes back whole; deleted text of tracked changes (<w:delText>) is
 * left out; a paragraph nested in a text box ends the paragraph around it.
 */
export function documentXmlToText(xml: string): string {
  const paragraphs: string[] = [];
  let current: string | undefined;
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && current !== undefined) current += unescapeXml(chars);
      continue;
    }
    switch (name) {
      case 'w:p':
        if (close) {
          if (current !== undefined) paragraphs.push(current);
          current = undefined;
        } else {
          if (current) paragraphs.push(current);
          current = selfClose ? undefined : '';
          if (selfClose) paragraphs.push('');
        }
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:delText':
        inText = false;
        break;
      case 'w:tab':
        if (current !== undefined && !close) current += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (current !== undefined && !close) current += '\n';
        break;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file('word/document.xml');
  if (!doc) throw new Error('not a Word document: word/document.xml is missing');
  return documentXmlToText(await doc.async('string'));
}

export async function extractText(bytes: Uint8Array, fileName?: string): Promise<string> {
  return detectFormat(bytes, fileName) === 'docx' ? docxToText(bytes) : decodeText(bytes);
}
