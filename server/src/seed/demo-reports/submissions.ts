/**
 * Demo 数据填报: a closed annual round for every past year since 2021 with each department's
 * form accepted (2021 with the reference report's own figures, later years deterministic
 * variations of them within ±15%), and an open round for the last finished quarter showing every
 * state: accepted, signed, returned, draft and late (its due date passed five days ago). The
 * figures of a round agree with each other and with the records (see `reconcile`), so the demo's
 * annual reports pass the consistency check as a real branch's would.
 */
import { addDays, chinaToday, METRICS, metricById, seededRandom } from '@fazhi/common';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { collectionRounds, officers, submissions, submissionVersions } from '../../db/schema/index.ts';
import { computeMetric } from '../../modules/reports/metrics/registry.ts';
import { owners, type StoredValues } from '../../modules/reports/submissions/common.ts';
import { REFERENCE_2021 } from '../../modules/reports/submissions/reference-2021.ts';

const FIRST_YEAR = 2021;

/** A metric's value for a year: the 2021 figure, or a seeded variation of it. */
function valueFor(id: string, year: number, rnd: () => number, quarter: boolean): number {
  const m = metricById(id);
  const percent = m?.unit === '%';
  // A quarter's flow is about a quarter of the year's; stocks and running totals stay whole.
  const scale = quarter && (m?.period === 'year' || m?.period === 'quarter') && !percent ? 0.25 : 1;
  const ref = (REFERENCE_2021[id] ?? (percent ? 90 : 40)) * scale;
  if (year === FIRST_YEAR && !quarter && REFERENCE_2021[id] !== undefined) return ref;
  const v = ref * (1 + (rnd() * 0.3 - 0.15));
  if (percent) return Math.min(100, Math.round(v * 10) / 10);
  return Number.isInteger(REFERENCE_2021[id] ?? 40) ? Math.max(0, Math.round(v)) : Math.round(v * 10) / 10;
}

function filledValues(
  ids: string[],
  year: number,
  rnd: () => number,
  share = 1,
  quarter = false,
): StoredValues {
  const out: StoredValues = {};
  ids.forEach((id, i) => {
    if (i < Math.ceil(ids.length * share)) out[id] = { value: valueFor(id, year, rnd, quarter), note: '' };
  });
  return out;
}

/** The parts of each whole that has a breakdown (partOf), in catalogue order. */
const PARTS = new Map<string, string[]>();
for (const m of METRICS) if (m.partOf) PARTS.set(m.partOf, [...(PARTS.get(m.partOf) ?? []), m.id]);

/** Wholes the reference breaks down in full (its parts add up to it): they add up every year. */
const COMPLETE = new Set(
  [...PARTS]
    .filter(([whole, parts]) => {
      const total = REFERENCE_2021[whole];
      const values = parts.map((p) => REFERENCE_2021[p]);
      if (total === undefined || values.some((v) => v === undefined)) return false;
      return values.reduce((a, b) => a! + b!, 0) === total;
    })
    .map(([whole]) => whole),
);

/**
 * Rates a department submits over a count it submits too: the rate is some whole number of
 * that count's cases (出庭应诉率 of the year's lawsuits), as a real rate is.
 */
const RATE_BASES: Readonly<Record<string, string>> = {
  'litigation.head_appearance_rate': 'litigation.lawsuits',
};

/**
 * Makes one round's figures agree, as a real branch's do: a breakdown never adds up to more than
 * its whole (the whole grows to the parts' sum), a breakdown the reference gives in full adds up
 * exactly, parts of a computed whole (公职律师 of the officers who passed the exam) shrink to fit
 * what the records count, and a rate over a submitted count is k/count for a whole k. `values`
 * holds every form's entries of the round (the same objects the forms store).
 */
async function reconcile(
  tx: Queryable,
  orgId: number,
  period: string,
  values: Map<string, { value: number | null }>,
): Promise<void> {
  const figure = (id: string) => values.get(id)?.value ?? null;
  for (const [whole, parts] of PARTS) {
    const present = parts.filter((p) => figure(p) !== null);
    if (present.length === 0) continue;
    const sum = present.reduce((a, p) => a + figure(p)!, 0);
    if (metricById(whole)?.source.kind === 'computed') {
      const counted = await computeMetric(tx, orgId, whole, period);
      if (counted === null || sum <= counted) continue;
      for (const p of present) values.get(p)!.value = Math.floor((figure(p)! * counted) / sum);
      continue;
    }
    const total = values.get(whole);
    if (!total || total.value === null) continue;
    if (COMPLETE.has(whole) && present.length === parts.length) total.value = sum;
    else total.value = Math.max(total.value, sum);
  }
  for (const [rateId, baseId] of Object.entries(RATE_BASES)) {
    const rate = values.get(rateId);
    const base = figure(baseId);
    if (!rate || rate.value === null || !base) continue;
    const k = Math.min(base, Math.max(0, Math.round((rate.value * base) / 100)));
    rate.value = Math.round((k * 1000) / base) / 10;
  }
}

type FormState = 'accepted' | 'signed' | 'returned' | 'draft' | 'empty';
/** The open round's mix, department by department (cycled). */
const OPEN_MIX: FormState[] = [
  'accepted',
  'signed',
  'returned',
  'draft',
  'empty',
  'signed',
  'accepted',
  'draft',
];

export async function seedDemoSubmissions(tx: Queryable, orgId: number): Promise<void> {
  const { byUnit } = await owners(tx, orgId);
  if (byUnit.size === 0) return;
  const [legal] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.orgId, orgId), eq(officers.username, 'legal')));
  const people = await tx
    .select({ id: officers.id, unitId: officers.unitId })
    .from(officers)
    .where(eq(officers.orgId, orgId))
    .orderBy(asc(officers.id));
  if (!legal || people.length === 0) return;
  // The department's first officer fills and signs (the demo has no head in most departments).
  const staffOf = (unitId: number) => people.find((p) => p.unitId === unitId)?.id ?? legal.id;
  const rnd = seededRandom(20211231);
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const units = [...byUnit.entries()];

  type Form = { unitId: number; metricIds: string[]; state: FormState; values: StoredValues };
  async function round(
    r: { title: string; period: string; dueOn: string; closedOn: string | null },
    forms: Form[],
  ): Promise<void> {
    const at = (d: string, h: number) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`);
    await reconcile(tx, orgId, r.period, new Map(forms.flatMap((f) => Object.entries(f.values))));
    const [row] = await tx
      .insert(collectionRounds)
      .values({
        orgId,
        title: r.title,
        period: r.period,
        dueOn: r.dueOn,
        status: r.closedOn ? 'closed' : 'open',
        createdBy: legal!.id,
        createdAt: at(addDays(r.dueOn, -20), 9),
        closedAt: r.closedOn ? at(r.closedOn, 17) : null,
      })
      .returning({ id: collectionRounds.id });
    const filledOn = addDays(r.dueOn, -3);
    const reviewedOn = addDays(r.dueOn, 2);
    const rows = forms.map((f) => {
      const staff = staffOf(f.unitId);
      const signed = f.state === 'accepted' || f.state === 'signed';
      const reviewed = f.state === 'accepted' || f.state === 'returned';
      const steps: { status: string; values: StoredValues; actor: number; at: Date; note: string | null }[] =
        [{ status: 'draft', values: {}, actor: legal!.id, at: at(addDays(r.dueOn, -20), 9), note: null }];
      if (f.state !== 'empty')
        steps.push({ status: 'draft', values: f.values, actor: staff, at: at(filledOn, 10), note: null });
      if (signed || f.state === 'returned')
        steps.push({ status: 'signed', values: f.values, actor: staff, at: at(filledOn, 16), note: null });
      if (f.state === 'accepted')
        steps.push({
          status: 'accepted',
          values: f.values,
          actor: legal!.id,
          at: at(reviewedOn, 11),
          note: null,
        });
      const reason = '部分数据与上年差异较大，请核实统计口径后重新报送';
      if (f.state === 'returned')
        steps.push({
          status: 'returned',
          values: f.values,
          actor: legal!.id,
          at: at(reviewedOn, 11),
          note: reason,
        });
      return { f, staff, signed, reviewed, steps, reason };
    });
    const inserted = await tx
      .insert(submissions)
      .values(
        rows.map(({ f, staff, signed, reviewed, steps, reason }) => ({
          orgId,
          roundId: row!.id,
          unitId: f.unitId,
          metricIds: f.metricIds,
          values: f.values,
          status: f.state === 'empty' ? 'draft' : f.state,
          filledBy: f.state === 'empty' ? null : staff,
          signedBy: signed ? staff : null,
          signedAt: signed ? at(filledOn, 16) : null,
          reviewedBy: reviewed ? legal!.id : null,
          reviewedAt: reviewed ? at(reviewedOn, 11) : null,
          returnReason: f.state === 'returned' ? reason : null,
          version: steps.length,
          updatedAt: steps[steps.length - 1]!.at,
        })),
      )
      .returning({ id: submissions.id });
    await tx.insert(submissionVersions).values(
      rows.flatMap(({ steps }, i) =>
        steps.map((s, k) => ({
          orgId,
          submissionId: inserted[i]!.id,
          version: k + 1,
          status: s.status,
          values: s.values,
          note: s.note,
          actorId: s.actor,
          at: s.at,
        })),
      ),
    );
  }

  for (let year = FIRST_YEAR; year < thisYear; year++) {
    await round(
      {
        title: `${year}年度法治政府建设数据填报`,
        period: String(year),
        dueOn: `${year + 1}-01-15`,
        closedOn: `${year + 1}-01-25`,
      },
      units.map(([unitId, metricIds]) => ({
        unitId,
        metricIds,
        state: 'accepted',
        values: filledValues(metricIds, year, rnd),
      })),
    );
  }

  // The last finished quarter: still open, due five days ago, so late forms show.
  const month = Number(today.slice(5, 7));
  const q = Math.floor((month - 1) / 3);
  const [qYear, quarter] = q === 0 ? [thisYear - 1, 4] : [thisYear, q];
  const cn = ['一', '二', '三', '四'][quarter - 1];
  await round(
    {
      title: `${qYear}年第${cn}季度法治建设数据填报`,
      period: `${qYear}-Q${quarter}`,
      dueOn: addDays(today, -5),
      closedOn: null,
    },
    units.map(([unitId, metricIds], i) => {
      const state = OPEN_MIX[i % OPEN_MIX.length]!;
      const share = state === 'draft' ? 0.5 : state === 'empty' ? 0 : 1;
      return { unitId, metricIds, state, values: filledValues(metricIds, qYear, rnd, share, true) };
    }),
  );
}
