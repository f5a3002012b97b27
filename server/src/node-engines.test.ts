/**
 * The Node.js versions the README and package.json name must be ones every installed package
 * accepts: checked against the `engines.node` of every package in package-lock.json, at the
 * lowest version of each supported line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v
    .replace(/\.x|\.\*/g, '')
    .split('.')
    .map((n) => Number(n) || 0);
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The npm range forms lock files use for Node: `>=x`, `^x`, `x.*`, `*`, joined by `||`. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|\^)\s+/g, '$1')
      .split(/\s+/)
      .every((part) => {
        if (part === '*' || part === '') return true;
        if (part.startsWith('>=')) return cmp(v, parse(part.slice(2))) >= 0;
        const floor = parse(part.replace(/^\^/, ''));
        // ^x.y.z and x.* both keep the major; ^ also sets the floor.
        return v[0] === floor[0] && (!part.startsWith('^') || cmp(v, floor) >= 0);
      }),
  );
}

describe('the Node.js versions Fazhi names', () => {
  const engines = JSON.parse(read('package.json')).engines.node as string;
  // The lowest version of each line the root range admits, e.g. 20.19.0, 22.12.0, 24.0.0.
  const floors = engines.split('||').map((alt) => alt.trim().replace(/^(\^|>=)/, ''));

  it('reads the range forms npm uses', () => {
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.1', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('23.1.0', '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(false);
    expect(satisfies('20.19.0', '6.* || 8.* || >= 10.*')).toBe(true);
  });

  it('are accepted by every package installed', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string }; optional?: boolean }>;
    };
    const refused = Object.entries(lock.packages).flatMap(([name, p]) =>
      p.engines?.node && !p.optional
        ? floors
            .filter((v) => !satisfies(v, p.engines!.node!))
            .map((v) => `${name} (${p.engines!.node}) refuses ${v}`)
        : [],
    );
    expect(refused).toEqual([]);
  });

  it('are the ones the README names', () => {
    const short = (v: string) => v.replace(/\.0$/, '').replace(/\.0$/, '');
    const named = floors.map((v) => `${short(v)}+`);
    const phrase = `Node.js ${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
    expect(read('README.md')).toContain(phrase);
  });
});
