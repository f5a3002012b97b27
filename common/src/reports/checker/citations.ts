/**
 * Titles (《…》) and document numbers (文号, 渝北公〔2021〕213号) as the report cites them, and which
 * citations name the same document: equal cores, or cores that differ only by an issuer written
 * in front (《重庆市公安局渝北区分局案件审核规范》 = 《案件审核规范》; 《中华人民共和国行政诉讼法》 = 《行政诉讼法》).
 */
export interface TitleCitation {
  /** Offsets of 《…》 (brackets included) in the normalised text. */
  start: number;
  end: number;
  title: string;
  /** The title without its trailing variant parenthesis and spaces. */
  core: string;
  /** A year range or edition (2021—2025, 2018年修正); undefined when none is printed. */
  edition?: string;
  /** （试行）, （暂行）, （草案） … */
  trial?: string;
}

export interface DocNumber {
  start: number;
  end: number;
  issuer: string;
  year?: number;
  number: number;
  /** The 《title》 right before it, if any. */
  title?: TitleCitation;
  /** As printed, normalised: 渝北公〔2021〕213号. */
  label: string;
}

/** Forms and ordinary nouns put in 《》 (《决定》, 《执法建议书》): not documents with editions. */
const GENERIC = /^(决定|通知|意见|报告|批复|执法建议书|司法确认书|人身安全保护令|告诫书)$/;
const YEAR_RANGE = /(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*年?/;
const EDITION = /(\d{4})\s*年\s*(修订|修正|版)?/;
const TRIAL = /试行|暂行|草案|征求意见稿|修订稿/;

function splitVariant(title: string): { core: string; edition?: string; trial?: string } {
  const t = title.replace(/\s+/g, '');
  const m = /（([^（）]*)）$/.exec(t);
  if (!m) return { core: t };
  const inner = m[1]!;
  // （十一） is part of the name (刑法修正案（十一）), not a variant.
  if (/^[一二三四五六七八九十]+$/.test(inner)) return { core: t };
  const range = YEAR_RANGE.exec(inner);
  const edition = range ? `${range[1]}—${range[2]}` : EDITION.exec(inner)?.[0];
  const trial = TRIAL.exec(inner)?.[0];
  if (!edition && !trial) return { core: t };
  return { core: t.slice(0, m.index), edition, trial };
}

export function extractTitles(text: string): TitleCitation[] {
  const out: TitleCitation[] = [];
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/g)) {
    const title = m[1]!;
    const v = splitVariant(title);
    // An edition may follow the closing bracket: 《行政诉讼法》（2017年修正）.
    const after = /^（(\d{4}年(?:修订|修正))）/.exec(text.slice(m.index + m[0].length));
    if (after && !v.edition) v.edition = after[1];
    if (GENERIC.test(v.core)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, title, ...v });
  }
  return out;
}

const DOC_NO =
  /([\u4e00-\u9fff]{1,12}?)[〔[［【（](\d{4})[〕\]］】）]第?(\d+)号|([\u4e00-\u9fff]{2,14}令)第(\d+)号/g;

export function extractDocNumbers(text: string, titles: TitleCitation[]): DocNumber[] {
  const out: DocNumber[] = [];
  for (const m of text.matchAll(DOC_NO)) {
    const issuerRaw = m[1] ?? m[4]!;
    // The issuer code is the run of characters before 〔; words of the sentence may precede it.
    const issuer = issuerRaw
      .replace(/^.*[的与和及、]/, '')
      .replace(/^(根据|依据|按照|依照|参照|印发|下发|转发|出台)/, '');
    const start = m.index + (issuerRaw.length - issuer.length);
    const end = m.index + m[0].length;
    const title = [...titles].reverse().find((t) => t.end <= start && start - t.end <= 2);
    out.push({
      start,
      end,
      issuer,
      year: m[2] ? Number(m[2]) : undefined,
      number: Number(m[3] ?? m[5]),
      title,
      label: m[2] ? `${issuer}〔${m[2]}〕${m[3]}号` : `${issuer}第${m[5]}号`,
    });
  }
  return out;
}

const ISSUER_END =
  /(分局|公安局|局|人民政府|政府|办公室|办公厅|法院|检察院|院|委员会|委|部|厅|中华人民共和国|省|市|区|县)$/;

/** Whether two cores name one document: equal, or one is the other with an issuer in front. */
export function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  // 《重庆市…交通局关于限制三轮车通行的通告》 and 《关于限制三轮车通行的通告》.
  return ISSUER_END.test(prefix) || (short.startsWith('关于') && /^[\u4e00-\u9fff]+$/.test(prefix));
}

/** Groups of citations of one document (union–find over `sameDocument`). */
export function groupTitles(titles: TitleCitation[]): TitleCitation[][] {
  const parent = titles.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  for (let i = 0; i < titles.length; i++)
    for (let j = i + 1; j < titles.length; j++)
      if (sameDocument(titles[i]!.core, titles[j]!.core)) parent[find(i)] = find(j);
  const groups = new Map<number, TitleCitation[]>();
  for (const [i, t] of titles.entries()) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), t]);
  }
  return [...groups.values()];
}
