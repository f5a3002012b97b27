import { describe, expect, it } from 'vitest';
import { CODE_LIST_NAMES, UNNAMED_CODE_LISTS } from './code-names.ts';
import * as common from './index.ts';

/** Every list of codes common/ exports: arrays of strings and zod enums, by export name. */
function exportedCodeLists(): [string, readonly string[]][] {
  const lists: [string, readonly string[]][] = [];
  for (const [name, value] of Object.entries(common)) {
    const list: unknown = Array.isArray(value)
      ? value
      : value && typeof value === 'object' && 'options' in value
        ? (value as { options: unknown }).options
        : null;
    if (Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === 'string'))
      lists.push([name, list as string[]]);
  }
  return lists;
}

describe('the names of the codes', () => {
  const lists = exportedCodeLists();

  it('finds the code lists of common/', () => {
    expect(lists.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'CASE_STATUSES',
        'ROLE_CODES',
        'RULE_KINDS',
        'QUALIFICATION_LEVELS',
        'AUDIT_ACTIONS',
      ]),
    );
  });

  it('has names for every exported list, or a reason it is never shown', () => {
    const unaccounted = lists
      .map(([name]) => name)
      .filter((name) => !(name in CODE_LIST_NAMES) && !(name in UNNAMED_CODE_LISTS));
    expect(unaccounted, 'add the list and its names to CODE_LIST_NAMES in code-names.ts').toEqual([]);
    for (const reason of Object.values(UNNAMED_CODE_LISTS)) expect(reason.trim()).not.toBe('');
  });

  it('names every code of every list in Chinese and English', () => {
    const unnamed: string[] = [];
    for (const [name, list] of lists) {
      const names = CODE_LIST_NAMES[name];
      if (!names) continue;
      for (const code of list) {
        const n = names[code];
        if (!n?.zh.trim() || !n.en.trim()) unnamed.push(`${name}: ${code}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('lists no list that is gone', () => {
    const exported = new Set(lists.map(([name]) => name));
    const stale = [...Object.keys(CODE_LIST_NAMES), ...Object.keys(UNNAMED_CODE_LISTS)].filter(
      (name) => !exported.has(name),
    );
    expect(stale).toEqual([]);
  });
});
