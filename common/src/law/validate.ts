/**
 * What an offence version must satisfy beyond its shape before it is saved to the register: the
 * checks a legal officer's typing can get wrong and the zod contract cannot see (a lower bound
 * above the upper one, days that are not whole, a bound on a penalty that has no amount). Each
 * problem names its field by path (`tiers.1.schemes.0.required.1.min`, as the form names it) and
 * carries the place in words in both languages, so the message says which bound is wrong.
 */
import type { OffenceVersion, PenaltyBound, PenaltyType } from './model.ts';
import { PENALTY_TYPE_NAMES, TIER_NAMES } from './names.ts';

/** The longest detention one offence can carry (the combined cap of 治安管理处罚法 第十六条). */
export const MAX_DETENTION_DAYS = 20;

/** Penalty types counted in a number (yuan, days); the others take no bounds. */
const COUNTED: readonly PenaltyType[] = ['fine', 'detention'];

export interface OffenceProblem {
  /** The field, as a dotted path into the offence version. */
  path: string;
  /** A FIELD_MESSAGES key. */
  key: string;
  params?: Record<string, string | number>;
}

/** Every problem of an offence version's tiers, in form order (empty: it may be saved). */
export function offenceProblems(o: OffenceVersion): OffenceProblem[] {
  const problems: OffenceProblem[] = [];
  if (!o.tiers.length) return [{ path: 'tiers', key: 'required' }];
  const seenTiers = new Set<string>();
  o.tiers.forEach((tier, ti) => {
    if (seenTiers.has(tier.tier))
      problems.push({
        path: `tiers.${ti}.tier`,
        key: 'law.tierTwice',
        params: { tierZh: TIER_NAMES[tier.tier].zh, tierEn: TIER_NAMES[tier.tier].en },
      });
    seenTiers.add(tier.tier);
    tier.schemes.forEach((scheme, si) => {
      const at = `tiers.${ti}.schemes.${si}`;
      if (!scheme.required.length) problems.push({ path: `${at}.required`, key: 'law.schemeNeedsRequired' });
      const seenTypes = new Set<PenaltyType>();
      for (const part of ['required', 'optional'] as const)
        scheme[part].forEach((bound, bi) => {
          const where = {
            whereZh: `${TIER_NAMES[tier.tier].zh}·方案${si + 1}·${part === 'required' ? '必处' : '可并处'}·${PENALTY_TYPE_NAMES[bound.type].zh}`,
            whereEn: `${TIER_NAMES[tier.tier].en}, alternative ${si + 1}, ${part === 'required' ? 'mandatory' : 'optional'} ${PENALTY_TYPE_NAMES[bound.type].en}`,
          };
          const path = `${at}.${part}.${bi}`;
          if (seenTypes.has(bound.type))
            problems.push({ path: `${path}.type`, key: 'law.typeTwice', params: where });
          seenTypes.add(bound.type);
          problems.push(...boundProblems(bound, path, where));
        });
    });
  });
  return problems;
}

function boundProblems(b: PenaltyBound, path: string, where: Record<string, string>): OffenceProblem[] {
  const ends = (['min', 'max'] as const).filter((end) => b[end] != null);
  if (!COUNTED.includes(b.type))
    return ends.map((end) => ({ path: `${path}.${end}`, key: 'law.boundNotCounted', params: where }));
  const out: OffenceProblem[] = [];
  for (const end of ends) {
    const v = b[end]!;
    if (!Number.isInteger(v))
      out.push({
        path: `${path}.${end}`,
        key: b.type === 'fine' ? 'law.boundWholeYuan' : 'law.boundWholeDays',
        params: where,
      });
    else if (b.type === 'detention' && v > MAX_DETENTION_DAYS)
      out.push({
        path: `${path}.${end}`,
        key: 'law.detentionTooLong',
        params: { ...where, max: MAX_DETENTION_DAYS },
      });
  }
  if (b.min != null && b.max != null && b.min > b.max)
    out.push({
      path: `${path}.min`,
      key: 'law.boundMinAboveMax',
      params: { ...where, min: b.min, max: b.max },
    });
  return out;
}
