import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CheckFinding } from '@fazhi/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialDocx } from '../../../platform-io/docx.ts';
import { checkFile } from './check-file.ts';
import { decodeText, documentXmlToText } from './extract-text.ts';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
// The shared reference lives beside the checkout (../shared), which a CI clone does not have;
// the fixture is a copy so the test runs everywhere, and is compared with the original when present.
const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');
const SHARED_REFERENCE = resolve(REPO_ROOT, '../shared/reference/000_6ddffe2eee8b8883.txt');

const ERROR_KINDS = [
  'parts_exceed_total',
  'parts_do_not_sum',
  'rate_mismatch',
  'rate_impossible_for_base',
  'same_quantity_different_values',
  'document_number_conflict',
  'regulation_citation_conflict',
];

const find = (fs: CheckFinding[], kind: string, excerpt: string) =>
  fs.find((f) => f.kind === kind && f.excerpts.some((e) => e.includes(excerpt)));

describe('checking the reference report (重庆市公安局渝北区分局2021年法治政府建设年度报告)', () => {
  let findings: CheckFinding[];
  beforeAll(async () => {
    findings = await checkFile(join(FIXTURES, 'reference-2021.txt'));
  });

  it.skipIf(!existsSync(SHARED_REFERENCE))('uses a fixture identical to ../shared/reference', () => {
    expect(readFileSync(join(FIXTURES, 'reference-2021.txt'), 'utf8')).toBe(
      readFileSync(SHARED_REFERENCE, 'utf8'),
    );
  });

  it('finds the advanced-qualification count stated as 86 and as 51', () => {
    const f = find(findings, 'same_quantity_different_values', '86人');
    expect(f?.excerpts).toEqual(['目前分局通过高级执法资格考试有86人', '高级资格考试通过 51 人']);
    expect(f?.locations.map((l) => l.line)).toEqual([27, 123]);
  });

  it('finds the pass rates 99.49% and 42% that 1764 and 751 of 2003 cannot give', () => {
    const basic = find(findings, 'rate_mismatch', '99.49%');
    expect(basic?.arithmetic).toBe('1764/2003=88.07% ≠ 99.49%');
    expect(basic?.message).toContain('基数应为1773');
    const intermediate = findings.find(
      (f) => f.kind === 'rate_mismatch' && f.arithmetic?.startsWith('751/2003'),
    );
    expect(intermediate?.arithmetic).toBe('751/2003=37.49% ≠ 42%');
  });

  it('finds 63.6% impossible for a base of 25', () => {
    expect(find(findings, 'rate_impossible_for_base', '63.6%')?.message).toContain('以25为基数');
  });

  it('finds the guard tasks 27+108+155 exceeding their total of 200', () => {
    expect(find(findings, 'parts_exceed_total', '警保卫任务 200 次')?.arithmetic).toBe(
      '27+108+155=290 > 200',
    );
  });

  it('finds the tricycle notice cited as 〔2021〕213号 and 231号', () => {
    const f = find(findings, 'document_number_conflict', '213号');
    expect(f?.excerpts[1]).toContain('渝北公〔2021〕231号');
    expect(f?.locations.map((l) => l.line)).toEqual([61, 63]);
  });

  it('finds 《法治政府建设实施纲要》 cited as 2021—2026 and 2021—2025', () => {
    const f = find(findings, 'regulation_citation_conflict', '2021—2026');
    expect(f?.severity).toBe('error');
    expect(f?.excerpts).toEqual([
      '《法治政府建设实施纲要（2021—2026 年）》',
      '《法治政府建设实施纲要（2021—2025年）》',
    ]);
  });

  it('raises nothing else at error level, and quotes only text of the report', () => {
    const text = readFileSync(join(FIXTURES, 'reference-2021.txt'), 'utf8');
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(7);
    for (const f of findings) for (const e of f.excerpts) expect(text).toContain(e);
  });

  it('finds none of these on the corrected copy (false-alarm test)', async () => {
    const corrected = await checkFile(join(FIXTURES, 'reference-2021-corrected.txt'));
    expect(corrected.filter((f) => ERROR_KINDS.includes(f.kind))).toEqual([]);
    expect(corrected).toEqual([]);
  });
});

describe('reading report files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fazhi-checker-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an error in a .docx written in the official layout, words split across runs', async () => {
    const bytes = await buildOfficialDocx({
      issuer: '渝州区公安分局',
      title: '2021年法治政府建设年度报告',
      addressee: '区政府：',
      body: [
        { runs: '一、主要举措和成效', level: 1 },
        {
          runs: [
            { text: '全年完成安保任务' },
            { text: '150', bold: true },
            { text: '次，其中一级20次，二级90次，大型活动安保60次。' },
          ],
        },
        '以《法治政府建设实施纲要（2021—2025年）》为主线，全年办理行政复议案件28件。',
      ],
      signature: { organ: '渝州区公安分局', date: '2022-01-10' },
    });
    const path = join(dir, 'report.docx');
    await writeFile(path, bytes);
    const findings = await checkFile(path);
    expect(findings.map((f) => f.kind)).toEqual(['parts_exceed_total']);
    expect(findings[0]!.excerpts).toEqual([
      '全年完成安保任务150次，其中一级20次，二级90次，大型活动安保60次',
    ]);
  });

  it('reads UTF-8 with a BOM and GB18030 text files', async () => {
    const bom = join(dir, 'bom.txt');
    await writeFile(bom, `\ufeff分局实有200人，其中民警150人，辅警80人。`, 'utf8');
    expect((await checkFile(bom)).map((f) => f.kind)).toEqual(['parts_exceed_total']);
    // The same sentence as a Windows tool saves it (GB18030/GBK).
    const gb = join(dir, 'gb.txt');
    await writeFile(
      gb,
      Buffer.from('b7d6bed6cab5d3d0323030c8cba3acc6e4d6d0c3f1beaf313530c8cba3acb8a8beaf3830c8cba1a3', 'hex'),
    );
    expect(decodeText(new Uint8Array(Buffer.from('c6e4d6d0', 'hex')))).toBe('其中');
    expect((await checkFile(gb)).map((f) => f.kind)).toEqual(['parts_exceed_total']);
  });

  it('keeps paragraphs, joins runs, skips deleted text and decodes entities', () => {
    const xml =
      '<w:document><w:body>' +
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">共</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r>' +
      '<w:del><w:r><w:delText>13</w:delText></w:r></w:del><w:r><w:t>件&amp;《法》</w:t></w:r></w:p>' +
      '<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t><w:tab/><w:t>内容</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '</w:body></w:document>';
    expect(documentXmlToText(xml)).toBe('标题\n共12件&《法》\n\n表格\t内容');
  });
});
