/**
 * Reading numbers as Chinese reports print them: 2,003 / 24.6万 / 2.8亿余 / 十一 / 两 / 十万 /
 * 99.49%. Approximate forms (余, 多, 约, 近 …) become a range, so a check can ask whether an
 * exact figure elsewhere fits inside it instead of comparing two unequal-looking numbers.
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** 一千二百三十四 → 1234, 十一 → 11, 十万 → 100000, 二〇二一 → 2021; NaN when not a numeral. */
export function parseChineseNumeral(s: string): number {
  if (!s || [...s].some((c) => !CHINESE_NUMERAL_CHARS.includes(c))) return Number.NaN;
  const positional = [...s].every((c) => c in DIGIT);
  if (positional && s.length > 1) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let num = 0;
  let seenDigit = false;
  for (const c of s) {
    if (c in DIGIT) {
      num = DIGIT[c]!;
      seenDigit = true;
    } else if (c in SMALL_UNIT) {
      // 十 at the start of a number means 一十 (十一 = 11).
      section += (num === 0 && !seenDigit ? 1 : num) * SMALL_UNIT[c]!;
      num = 0;
      seenDigit = false;
    } else if (c === '万') {
      total += (section + num) * 1e4;
      section = 0;
      num = 0;
    } else if (c === '亿') {
      total = (total + section + num) * 1e8;
      section = 0;
      num = 0;
    }
  }
  return total + section + num;
}

/** 1,234.50 → {value: 1234.5, decimals: 2, step: 0.01}; `step` is one unit of the last printed digit. */
export function parseArabic(s: string): { value: number; decimals: number; step: number } {
  const clean = s.replace(/,/g, '');
  const value = Number(clean);
  const dot = clean.indexOf('.');
  const decimals = dot < 0 ? 0 : clean.length - dot - 1;
  let step = 10 ** -decimals;
  if (decimals === 0) {
    // 500余 means 500–599: the approximation is of the last non-zero digit.
    const zeros = /0*$/.exec(clean)![0].length;
    step = zeros === clean.length ? 1 : 10 ** zeros;
  }
  return { value, decimals, step };
}

export type ApproxMarker = '余' | '多' | '约' | '近' | '左右' | '以上' | '超过' | '逾' | '不足' | '以下';

/** The values an approximate figure allows, both ends inclusive. */
export function boundsFor(
  value: number,
  step: number,
  marker: ApproxMarker | undefined,
): { low: number; high: number } {
  switch (marker) {
    case undefined:
      return { low: value, high: value };
    case '余':
    case '多':
      return { low: value, high: value + step };
    case '约':
    case '左右':
      return { low: value - step, high: value + step };
    case '近':
      return { low: value - step, high: value };
    case '以上':
    case '超过':
    case '逾':
      return { low: value, high: Number.POSITIVE_INFINITY };
    case '不足':
    case '以下':
      return { low: 0, high: value };
  }
}

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

export interface Quantity {
  value: number;
  low: number;
  high: number;
  approx: boolean;
  decimals: number;
  unit: string;
  numeral: 'arabic' | 'chinese';
}

const QUANTITY = new RegExp(
  `^(约|近|逾)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)(万亿|万|亿)?(余|多)?(万|亿)?(.*?)(左右|以上)?$`,
);

/**
 * A whole quantity: "24.6万余人" → 246000 人, [246000, 247000]; "10万元" → 100000 元;
 * "99.49%" → 99.49 %. Returns undefined for text that is not one quantity.
 */
export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const [, pre, num, mul1, approxMark, mul2, rawUnit, post] = m;
  const chinese = !/\d/.test(num!);
  let value: number;
  let decimals = 0;
  let step = 1;
  if (chinese) {
    value = parseChineseNumeral(num!);
    if (Number.isNaN(value)) return undefined;
    step =
      value >= 10 && value % 10 === 0
        ? 10 ** (String(value).length - String(value).replace(/0+$/, '').length)
        : 1;
  } else {
    ({ value, decimals, step } = parseArabic(num!));
  }
  let unit = rawUnit ?? '';
  let mul = (MULTIPLIER[mul1 ?? ''] ?? 1) * (MULTIPLIER[mul2 ?? ''] ?? 1);
  // 万元 and 亿元 are amounts in 元; the multiplier may sit in the unit.
  const money = /^(万|亿)元$/.exec(unit);
  if (money) {
    mul *= MULTIPLIER[money[1]!]!;
    unit = '元';
  }
  value *= mul;
  step *= mul;
  const marker = (approxMark ?? pre ?? post) as ApproxMarker | undefined;
  const { low, high } = boundsFor(value, step, marker);
  return {
    value: round(value),
    low: round(low),
    high: round(high),
    approx: marker !== undefined,
    decimals,
    unit,
    numeral: chinese ? 'chinese' : 'arabic',
  };
}

/** Floating-point noise out of 24.6 × 10000. */
export const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);
