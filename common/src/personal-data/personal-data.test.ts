import { describe, expect, it } from 'vitest';
import {
  IdNumberSchema,
  idNumberBirthDate,
  idNumberCheckDigit,
  idNumberSex,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  PersonNameSchema,
  PhoneSchema,
  validateIdNumber,
  validatePersonName,
  validatePhone,
} from './index.ts';

const TODAY = '2024-06-01';

function withCheckDigit(first17: string): string {
  return first17 + idNumberCheckDigit(first17);
}

describe('ID numbers', () => {
  it('accepts valid numbers', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true });
    expect(idNumberCheckDigit('44030419900101123')).toBe('3');
    expect(idNumberCheckDigit('51010719851111001')).toBe('4');
    for (const id of ['440304199001011233', '510107198511110014', withCheckDigit('32058320000229456')]) {
      expect(validateIdNumber(id, TODAY)).toEqual({ ok: true });
    }
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toEqual({ ok: true });
    expect(validateIdNumber(' 11010519491231002X ', TODAY)).toEqual({ ok: true });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021', TODAY)).toEqual({
      ok: false,
      reason: 'idNumber.checkDigit',
    });
    expect(validateIdNumber('440304199001011234', TODAY)).toEqual({
      ok: false,
      reason: 'idNumber.checkDigit',
    });
  });

  it('rejects the wrong length', () => {
    for (const id of ['', '11010519491231002', '11010519491231002X1', '110105491231002']) {
      expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason: 'idNumber.length' });
    }
  });

  it('rejects malformed numbers', () => {
    for (const id of [
      '01010519491231002X',
      '1101051949123100XX',
      '11010519491231002Y',
      '1101051949-231002X',
    ]) {
      expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason: 'idNumber.format' });
    }
  });

  it('rejects impossible, too early and future birth dates', () => {
    for (const first17 of [
      '11010519900230001',
      '11010519901301001',
      '11010518991231001',
      '11010520240602001',
    ]) {
      expect(validateIdNumber(withCheckDigit(first17), TODAY)).toEqual({
        ok: false,
        reason: 'idNumber.birthDate',
      });
    }
    expect(validateIdNumber(withCheckDigit('11010520240601001'), TODAY)).toEqual({ ok: true });
    expect(validateIdNumber(withCheckDigit('11010519000101001'), TODAY)).toEqual({ ok: true });
  });

  it('reads the birth date and sex', () => {
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberBirthDate('110105199002300010')).toBeNull();
    expect(idNumberSex('11010519491231002X')).toBe('F');
    expect(idNumberSex('440304199001011233')).toBe('M');
    expect(idNumberSex('1101')).toBeNull();
  });

  it('refuses a check digit for anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1101051949123100')).toThrow(RangeError);
  });

  it('has a schema that normalises and reports the reason key', () => {
    expect(IdNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const r = IdNumberSchema.safeParse('110105194912310021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('idNumber.checkDigit');
    expect(IdNumberSchema.safeParse('123').error?.issues[0]?.message).toBe('idNumber.length');
  });
});

describe('phones', () => {
  it('accepts mobile and landline numbers', () => {
    for (const p of [
      '13812345678',
      '199 1234 5678',
      '010-12345678',
      '01012345678',
      '0571-8888999',
      '021-12345678-123',
    ]) {
      expect(validatePhone(p), p).toBe(true);
    }
  });

  it('rejects anything else', () => {
    for (const p of [
      '',
      '12812345678',
      '1381234567',
      '138123456789',
      '+8613812345678',
      '10-12345678',
      '010-123456',
    ]) {
      expect(validatePhone(p), p).toBe(false);
    }
    expect(validatePhone('021-12345678-1234567')).toBe(false);
  });

  it('has a schema that strips spaces', () => {
    expect(PhoneSchema.parse(' 138 1234 5678 ')).toBe('13812345678');
    expect(PhoneSchema.safeParse('12345').error?.issues[0]?.message).toBe('phone');
  });
});

describe('person names', () => {
  it('accepts Chinese and Latin names', () => {
    for (const n of [
      '张三',
      '欧阳娜娜',
      '买买提·艾力',
      '𠮷野',
      'John Smith',
      "Mary-Jane O'Brien",
      'J. R. Tolkien',
      'José',
    ]) {
      expect(validatePersonName(n), n).toBe(true);
    }
  });

  it('rejects the rest', () => {
    for (const n of [
      '张',
      '',
      '张3',
      '张 三',
      '·张三',
      '张三·',
      '张··三',
      'John1',
      'J',
      '-John',
      'John  Smith',
      '张John',
    ]) {
      expect(validatePersonName(n), n).toBe(false);
    }
    expect(validatePersonName('张'.repeat(30))).toBe(true);
    expect(validatePersonName('张'.repeat(31))).toBe(false);
  });

  it('has a schema that normalises the middle dot', () => {
    expect(PersonNameSchema.parse(' 买买提•艾力 ')).toBe('买买提·艾力');
    expect(PersonNameSchema.safeParse('张').error?.issues[0]?.message).toBe('personName');
  });
});

describe('masking', () => {
  it('masks names', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('买买提·艾力')).toBe('买*****');
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskName("Mary-Jane O'Brien")).toBe("M***-**** O'*****");
    expect(maskName('张')).toBe('*');
  });

  it('masks ID numbers', () => {
    expect(maskIdNumber('110105199001011234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('110105900101123')).toBe('110105*****1123');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('01012345678')).toBe('010****5678');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('masks addresses at the street', () => {
    expect(maskAddress('重庆市渝北区龙溪街道松石北路128号3单元')).toBe('重庆市渝北区龙溪街道***');
    expect(maskAddress('北京市朝阳区建国路88号SOHO现代城')).toBe('北京市朝阳区建国路***');
    expect(maskAddress('江苏省昆山市周市镇青阳北路1号')).toBe('江苏省昆山市周市镇***');
    expect(maskAddress('镇江市京口区正东路8号')).toBe('镇江市京口区正东路***');
    expect(maskAddress('四川省甘孜藏族自治州乡城县香巴拉镇2号')).toBe(
      '四川省甘孜藏族自治州乡城县香巴拉镇***',
    );
    expect(maskAddress('新疆维吾尔自治区乌鲁木齐市天山区延安路1号')).toBe(
      '新疆维吾尔自治区乌鲁木齐市天山区延安路***',
    );
    expect(maskAddress('上海市南京西路100号')).toBe('上海市南京西路***');
    expect(maskAddress('龙溪街道松石北路1号城市花园')).toBe('龙溪街道***');
  });

  it('keeps up to the district when there is no street', () => {
    expect(maskAddress('北京市朝阳区望京西园三区5号楼')).toBe('北京市朝阳区***');
    expect(maskAddress('浙江省义乌市某村18号')).toBe('浙江省义乌市***');
    expect(maskAddress('某村18号')).toBe('***');
  });

  it('returns an empty string for missing values', () => {
    for (const mask of [maskName, maskIdNumber, maskPhone, maskAddress]) {
      expect(mask(null)).toBe('');
      expect(mask(undefined)).toBe('');
      expect(mask('')).toBe('');
      expect(mask('  ')).toBe('');
    }
  });
});
