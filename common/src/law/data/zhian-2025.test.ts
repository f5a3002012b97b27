import { describe, expect, it } from 'vitest';
import { LawVersion, OffenceVersion } from '../model.ts';
import { ZHIAN_2012, ZHIAN_2012_OFFENCES } from './zhian-2012.ts';
import {
  ZHIAN_2012_MORE_OFFENCES,
  ZHIAN_2025,
  ZHIAN_2025_OFFENCES,
  ZHIAN_RENUMBERING,
} from './zhian-2025.ts';

/** 第X条 with optional 第Y款 and 第Z项 (or 第Z项至第W项), in Chinese numerals. */
const ARTICLE =
  /^第[一二三四五六七八九十百零]+条(第[一二三四五六七八九十]+款)?(第[一二三四五六七八九十]+项(至第[一二三四五六七八九十]+项)?)?$/;

describe('治安管理处罚法 2025 (in force 2026-01-01)', () => {
  it('the law version parses and follows the 2012 version', () => {
    expect(LawVersion.parse(ZHIAN_2025)).toEqual(ZHIAN_2025);
    expect(ZHIAN_2025.effectiveFrom).toBe(ZHIAN_2012.effectiveUntil);
    expect(ZHIAN_2025.general.detentionNotExecuted?.exception).toContain('情节严重、影响恶劣');
    expect(ZHIAN_2025.general.recordsSealed?.article).toBe('第一百三十六条');
  });

  it('every 2025 offence parses, cites the 2025 version and a well-formed article', () => {
    for (const o of ZHIAN_2025_OFFENCES) {
      expect(OffenceVersion.parse(o), o.name).toEqual(o);
      expect(o.version).toBe(ZHIAN_2025.id);
      expect(o.article, o.name).toMatch(ARTICLE);
      expect(o.tiers.length, o.name).toBeGreaterThan(0);
    }
  });

  it('every offence of the 2012 list has one 2025 entry of the same name', () => {
    const names2025 = ZHIAN_2025_OFFENCES.map((o) => o.name);
    expect(new Set(names2025).size).toBe(names2025.length);
    for (const o of [...ZHIAN_2012_OFFENCES, ...ZHIAN_2012_MORE_OFFENCES])
      expect(names2025).toContain(o.name);
  });

  it('the added 2012 entries parse, cite the 2012 version and are not already in the 2012 list', () => {
    const names2012 = new Set(ZHIAN_2012_OFFENCES.map((o) => o.name));
    for (const o of ZHIAN_2012_MORE_OFFENCES) {
      expect(OffenceVersion.parse(o), o.name).toEqual(o);
      expect(o.version).toBe(ZHIAN_2012.id);
      expect(o.article, o.name).toMatch(ARTICLE);
      expect(names2012.has(o.name), o.name).toBe(false);
    }
  });

  it('publication is excluded for 卖淫、嫖娼 and 吸食毒品', () => {
    const excluded = ZHIAN_2025_OFFENCES.filter((o) => o.publicationExcluded).map((o) => o.name);
    expect(excluded.sort()).toEqual(['卖淫、嫖娼', '吸食毒品'].sort());
  });

  it('the renumbering table agrees with the offence entries', () => {
    for (const row of ZHIAN_RENUMBERING) {
      if (row.article2012 !== null) expect(row.article2012, row.name).toMatch(ARTICLE);
      expect(row.article2025, row.name).toMatch(ARTICLE);
    }
    const byName = new Map(ZHIAN_RENUMBERING.map((r) => [r.name, r]));
    const old = new Map([...ZHIAN_2012_OFFENCES, ...ZHIAN_2012_MORE_OFFENCES].map((o) => [o.name, o]));
    for (const o of ZHIAN_2025_OFFENCES) {
      const row = byName.get(o.name);
      expect(row, o.name).toBeDefined();
      expect(row?.article2025, o.name).toBe(o.article);
      expect(row?.article2012 ?? null, o.name).toBe(old.get(o.name)?.article ?? null);
    }
  });
});
