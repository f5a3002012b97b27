/**
 * The demo's discretion: a penalty drawn inside what the law in force on the act date allows
 * for the offence (tier, one of the article's alternatives, optional 并处 now and then, amounts
 * and days inside the range), so every demo proposal passes the penalty check at every gate.
 */
import {
  BUILT_IN_REGISTER,
  checkPenalties,
  type DecisionKind,
  type OffenceVersion,
  type PenaltyBound,
  type Scheme,
  type Tier,
} from '@fazhi/common';
import { between, type Rng, weighted } from './text.ts';

export interface DemoPenalty {
  kind: DecisionKind;
  tier: Tier;
  fineAmount: number | null;
  detentionDays: number | null;
  /** The article of the version applied (with the law's title). */
  law: string;
  article: string;
}

const TIER_WEIGHT: Record<Tier, number> = { minor: 25, ordinary: 65, serious: 10 };

function versionFor(name: string, actDate: string): OffenceVersion | undefined {
  const r = checkPenalties(BUILT_IN_REGISTER, {
    actDate,
    decisionDate: actDate,
    offences: [{ name, penalties: [] }],
    party: { kind: 'person' },
  });
  const a = r.applied[0];
  return a && BUILT_IN_REGISTER.offences.find((o) => o.name === name && o.version === a.version);
}

const kindOf = (s: Scheme): DecisionKind =>
  s.required.some((b) => b.type === 'detention')
    ? 'detention'
    : s.required.some((b) => b.type === 'fine')
      ? 'fine'
      : 'warning';

/** Whether the law in force on the act date lets the offence end in this kind of decision. */
export function lawAllows(name: string, actDate: string, kind: DecisionKind): boolean {
  if (kind === 'no_penalty') return Boolean(versionFor(name, actDate));
  return Boolean(versionFor(name, actDate)?.tiers.some((t) => t.schemes.some((s) => kindOf(s) === kind)));
}

function amountIn(r: Rng, b: PenaltyBound): number {
  if (b.type === 'detention') return between(r, b.min ?? 1, b.max ?? 15);
  const max = b.max ?? 5000;
  const min = b.min ?? Math.min(max, Math.max(50, Math.round(max / 5)));
  const step = max >= 1000 ? 100 : 50;
  return Math.min(max, Math.max(min, Math.round(between(r, min, max) / step) * step));
}

/** A lawful penalty for the offence, of the forced kind when given (null when the law has none). */
export function demoPenalty(r: Rng, name: string, actDate: string, force?: DecisionKind): DemoPenalty | null {
  const v = versionFor(name, actDate);
  if (!v) return null;
  const options = v.tiers.flatMap((t) =>
    t.schemes
      .filter((s) => !force || kindOf(s) === force)
      .map((s) => [[t.tier, s] as const, TIER_WEIGHT[t.tier] / t.schemes.length] as const),
  );
  if (!options.length) return null;
  const [tier, scheme] = weighted(r, options);
  let fineAmount: number | null = null;
  let detentionDays: number | null = null;
  for (const b of scheme.required) {
    if (b.type === 'fine') fineAmount = amountIn(r, b);
    if (b.type === 'detention') detentionDays = amountIn(r, b);
  }
  for (const b of scheme.optional)
    if (b.type === 'fine' && fineAmount === null && r() < 0.3) fineAmount = amountIn(r, b);
  const law = BUILT_IN_REGISTER.laws.find((l) => l.id === v.version);
  return {
    kind: kindOf(scheme),
    tier,
    fineAmount,
    detentionDays,
    law: law?.law ?? v.law,
    article: v.article,
  };
}
