/**
 * A proposal that decides several offences one by one (分别决定，合并执行): the decision's kind
 * and totals follow from the offences' penalties, so the review chain, the 告知 thresholds and
 * the statistics read one set of figures however the officer entered them.
 */
import type { ProposedDecision } from './contracts.ts';

/** The gravest penalty decides the decision's kind: 拘留 > 没收 > 罚款 > 警告. */
const KIND_ORDER = ['detention', 'confiscation', 'fine', 'warning'] as const;

/** The proposal with kind, fine and detention taken from its offences (unchanged without them). */
export function withOffenceTotals(p: ProposedDecision): ProposedDecision {
  if (!p.offences?.length || p.kind === 'no_penalty') return p;
  const all = p.offences.flatMap((o) => o.penalties);
  const kind = KIND_ORDER.find((k) => all.some((x) => x.type === k)) ?? p.kind;
  const fines = all.filter((x) => x.type === 'fine').map((x) => x.amount ?? 0);
  const days = all.filter((x) => x.type === 'detention').map((x) => x.days ?? 0);
  const sum = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100 : null);
  return {
    ...p,
    kind,
    fineAmount: sum(fines),
    detentionDays: sum(days),
    confiscation: kind === 'confiscation' || p.confiscation ? p.confiscation : null,
  };
}
