import { describe, expect, it } from 'vitest';
import { parseArabic, parseChineseNumeral, parseQuantity } from './numbers.ts';

describe('Chinese numerals (中文数字)', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['三百零五', 305],
    ['一千二百三十四', 1234],
    ['十万', 100000],
    ['三万五千', 35000],
    ['一亿二千万', 120000000],
    ['二〇二一', 2021],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('十a')).toBeNaN();
    expect(parseChineseNumeral('')).toBeNaN();
  });
});

describe('Arabic numbers', () => {
  it('reads separators and decimals, and the step of the last printed digit', () => {
    expect(parseArabic('2,003')).toEqual({ value: 2003, decimals: 0, step: 1 });
    expect(parseArabic('99.49')).toEqual({ value: 99.49, decimals: 2, step: 0.01 });
    expect(parseArabic('500').step).toBe(100);
    expect(parseArabic('4200').step).toBe(100);
    expect(parseArabic('0').step).toBe(1);
  });
});

describe('quantities with units', () => {
  it('multiplies out 万 and 亿 and reads 余 as a range', () => {
    expect(parseQuantity('24.6万余人')).toMatchObject({
      value: 246000,
      low: 246000,
      high: 247000,
      approx: true,
      unit: '人',
    });
    expect(parseQuantity('110余万枚')).toMatchObject({
      value: 1100000,
      low: 1100000,
      high: 1200000,
      unit: '枚',
    });
    expect(parseQuantity('2.8亿余元')).toMatchObject({ value: 280000000, approx: true, unit: '元' });
    expect(parseQuantity('500余件')).toMatchObject({ value: 500, low: 500, high: 600 });
  });

  it('reads 万元 as 元 and Chinese amounts alike', () => {
    expect(parseQuantity('10万元')).toMatchObject({ value: 100000, unit: '元', approx: false });
    expect(parseQuantity('十万元')).toMatchObject({ value: 100000, unit: '元', numeral: 'chinese' });
    expect(parseQuantity('3.5万元')).toMatchObject({ value: 35000, unit: '元' });
  });

  it('keeps the printed decimals of a rate', () => {
    expect(parseQuantity('99.49%')).toMatchObject({ value: 99.49, decimals: 2, unit: '%', approx: false });
    expect(parseQuantity('42 %')).toMatchObject({ value: 42, decimals: 0, unit: '%' });
  });

  it('flags 约/近/左右/以上 as approximate', () => {
    expect(parseQuantity('约300人')).toMatchObject({ approx: true, low: 200, high: 400 });
    expect(parseQuantity('近20起')).toMatchObject({ approx: true, low: 10, high: 20 });
    expect(parseQuantity('100人以上')).toMatchObject({
      approx: true,
      low: 100,
      high: Number.POSITIVE_INFINITY,
    });
  });

  it('refuses text that is not a quantity', () => {
    expect(parseQuantity('人')).toBeUndefined();
  });
});
