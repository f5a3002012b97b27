import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildOfficialDocx, chineseDate } from '../../platform-io/docx.ts';

describe('official documents (GB/T 9704 layout)', () => {
  it('writes dates in Chinese numerals', () => {
    expect(chineseDate('2021-09-28')).toBe('二〇二一年九月二十八日');
    expect(chineseDate('2020-10-10')).toBe('二〇二〇年十月十日');
    expect(chineseDate('2021-01-01')).toBe('二〇二一年一月一日');
    expect(chineseDate('2021-12-31')).toBe('二〇二一年十二月三十一日');
  });

  it('lays out A4 with the official margins, fonts, exact line spacing and page numbers', async () => {
    const buf = await buildOfficialDocx({
      issuer: '渝州区公安分局',
      title: '执法建议书',
      docNo: '渝州公法建〔2021〕3号',
      addressee: '城关派出所：',
      body: ['正文第一段。', { runs: '一、总体情况', level: 1 }, { runs: [{ text: '加粗', bold: true }] }],
      attachments: ['问题清单'],
      signature: { organ: '渝州区公安分局', date: '2021-09-28' },
    });
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('word/document.xml')!.async('string');
    // 210 × 297 mm; top 37, bottom 35, left 28, right 26 mm (in twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('渝州公法建〔2021〕3号');
    expect(text).toContain('附件：问题清单');
    expect(text).toContain('二〇二一年九月二十八日');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('evenAndOddHeaders');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBe(2);
    for (const f of footers) {
      const footer = await zip.file(f)!.async('string');
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(footer).toContain('PAGE');
      expect(footer).toMatch(/<w:sz w:val="28"\/>/);
    }
  });
});
