import { seededRandom } from '@fazhi/common';
/**
 * Stratified random sampling of closed cases (分层随机抽样): each case-handling unit is a stratum,
 * and up to `perUnit` of its cases are drawn. The draw depends only on the round's stored seed
 * and the candidate cases, so anyone can re-draw it from the round and check that no case was
 * picked by hand.
 */

export interface Candidate {
  id: number;
  unitId: number;
}

/**
 * Draws up to `perUnit` candidates per unit. Each unit gets a generator of its own (seed mixed
 * with the unit id), so adding or removing one unit's cases never changes another unit's draw.
 * Output is ordered by unit, then case id.
 */
export function drawSample<T extends Candidate>(
  candidates: readonly T[],
  perUnit: number,
  seed: number,
): T[] {
  const byUnit = new Map<number, T[]>();
  for (const c of candidates) {
    const list = byUnit.get(c.unitId) ?? [];
    list.push(c);
    byUnit.set(c.unitId, list);
  }
  const out: T[] = [];
  for (const unitId of [...byUnit.keys()].sort((a, b) => a - b)) {
    // Sorted first: the draw must not depend on the order the database returned the rows in.
    const list = byUnit
      .get(unitId)!
      .slice()
      .sort((a, b) => a.id - b.id);
    const random = seededRandom((seed ^ Math.imul(unitId, 0x9e3779b1)) >>> 0);
    const take = Math.min(perUnit, list.length);
    // Partial Fisher–Yates: the first `take` places end up holding a uniform sample.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (list.length - i));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    out.push(...list.slice(0, take).sort((a, b) => a.id - b.id));
  }
  return out;
}
