import { describe, expect, it } from 'vitest';
import { suggestMapping } from './import-jobs.ts';
import { decodeText, parseCsv, readTable } from './table-file.ts';

describe('reading 110 exports', () => {
  it('parses quoted fields with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""\nz",3\n4,,"6"')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"\nz', '3'],
      ['4', '', '6'],
    ]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2\n3,4\n', 2)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes UTF-8 with a BOM and GB18030 from older systems', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF警情'))).toBe('警情');
    expect(decodeText(new Uint8Array([0xbe, 0xaf, 0xc7, 0xe9]))).toBe('警情');
  });

  it('keeps row numbers as the file shows them, skipping blank rows', async () => {
    const table = await readTable(new TextEncoder().encode('编号,内容\n1,甲\n,\n2,乙\n'), 'x.csv');
    expect(table).toEqual({
      columns: ['编号', '内容'],
      rows: [
        { row: 2, cells: ['1', '甲'] },
        { row: 4, cells: ['2', '乙'] },
      ],
    });
  });

  it('refuses old .xls files and too many rows', async () => {
    await expect(readTable(new Uint8Array([0xd0, 0xcf]), 'x.xls')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      readTable(new TextEncoder().encode('a\n1\n2\n3\n'), 'x.csv', { maxRows: 2 }),
    ).rejects.toMatchObject({ fields: { file: { key: 'file.tooManyRows' } } });
  });

  it('proposes a mapping from header texts and known aliases', () => {
    expect(
      suggestMapping([
        '警情编号',
        '接报时间',
        '报警人姓名',
        '报警电话',
        '警情类型',
        '发案地点',
        '简要案情',
        '管辖单位',
        '备注',
      ]),
    ).toEqual({
      sourceId: '警情编号',
      receivedAt: '接报时间',
      callerName: '报警人姓名',
      callerPhone: '报警电话',
      category: '警情类型',
      place: '发案地点',
      narrative: '简要案情',
      unit: '管辖单位',
    });
  });
});
