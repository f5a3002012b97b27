import { seededRandom } from '@fazhi/common';
/**
 * A generated ten-year district history for the supervision benchmark: incidents and cases with
 * their reviews, decisions, publications, proceedings, collective discussions and the command
 * centre's camera spot checks, spread over the ten years ending now.
 *
 * Written server-side (`insert … select` over `generate_series`) so millions of rows load in
 * minutes on PostgreSQL and on the embedded database alike; every random choice is a hash of the
 * row's id and a stream number (`u`), so the same scale always gives the same history. The
 * secondary indexes are dropped while loading and rebuilt from their own definitions afterwards,
 * as a bulk load into a live system would be done.
 *
 * Realistic for the supervision rules: needs-case categories (有警无案) become cases except about
 * 2%; camera-required categories mostly record; cases stand in every workflow state by age, a
 * few are left idle (立而不侦) with running clocks long overdue; some reviews are by unqualified
 * reviewers, some cases are sent back again and again, major cases are mostly discussed,
 * publications are sometimes late or missing, some decisions lack their penalty item, some
 * not-filed notices are never served — the proportions are in supervision-history-cases.ts.
 */

import type { Db, Queryable } from '../../server/src/db/index.ts';
import { CATEGORY_MIX, narrativeFor } from '../../server/src/seed/demo-history/plan.ts';
import {
  companyName,
  homeAddress,
  idNumber,
  mobile,
  personName,
  place,
  stationStreet,
} from '../../server/src/seed/demo-history/text.ts';
import { loadCases } from './supervision-history-cases.ts';
import { exec, type HistoryRefs, loadRefs, one, rawRows, u } from './supervision-sql.ts';

export interface HistoryOptions {
  incidents: number;
  cases: number;
  /** The history ends at this instant (its "today"). */
  now: Date;
  years?: number;
  /** Memory for rebuilding the indexes after the load (PostgreSQL's maintenance_work_mem). */
  maintenanceWorkMem?: string;
}

export interface HistoryResult {
  rows: Record<string, number>;
  /** Milliseconds per load step. */
  steps: Record<string, number>;
  refs: HistoryRefs;
}

/** Share of needs-case incidents left without a case (有警无案), and of other incidents that get one. */
export const MISSED_CASE_RATE = 0.02;
const EXTRA_CASE_RATE = 0.02;
/** Categories outside needs-case whose incidents sometimes become a case (醉驾, 纠纷 turning into 殴打 …). */
const EXTRA_CASE_CATEGORIES = ['JT-SG', 'JF-LL', 'JF-JT', 'JF-JJ', 'QT'];

/** Per category: how often a case is criminal, and the penalty items an admin / criminal case applies. */
const CASE_SHAPE: Record<string, [number, string, string]> = {
  'XS-RSDQ': [0.85, 'ZA-49', 'XF-264'],
  'XS-DQ': [0.4, 'ZA-49', 'XF-264'],
  'XS-ZP': [0.6, 'ZA-49-ZP', 'XF-266'],
  'XS-DXZP': [1, 'ZA-49-ZP', 'XF-266'],
  'XS-QJ': [1, 'ZA-49', 'XF-263'],
  'XS-GYSH': [0.7, 'ZA-43-1', 'XF-234'],
  'ZA-DO': [0, 'ZA-43-1', 'XF-234'],
  'ZA-DB': [0.1, 'ZA-70', 'XF-303'],
  'ZA-XC': [0.1, 'ZA-26', 'XF-293'],
  'ZA-XD': [0, 'ZA-72-3', 'XF-303'],
  'ZA-SR': [0, 'ZA-23', 'XF-293'],
  'JT-SG': [1, 'ZA-23', 'XF-133-1'],
  'JF-LL': [0, 'ZA-42', 'XF-234'],
  'JF-JT': [0, 'ZA-43-1', 'XF-234'],
  'JF-JJ': [0, 'ZA-23', 'XF-266'],
  QT: [0, 'ZA-66', 'XF-293'],
};

const NARRATIVES_PER_CATEGORY = 48;
const PLACES_PER_STATION = 32;
const PEOPLE = 512;

/** Small lookup tables the bulk inserts join: categories, units and staff, narratives, places, people. */
async function referenceTables(db: Queryable, refs: HistoryRefs, opts: HistoryOptions) {
  const r = seededRandom(2016);
  // The incidents' category mix, with the needs-case share set so that cases come out at the
  // requested count: needs·(1 − missed) + others·extra = cases / incidents.
  const target = opts.cases / opts.incidents;
  const needsShare = Math.min(
    0.9,
    Math.max(0.01, (target - EXTRA_CASE_RATE) / (1 - MISSED_CASE_RATE - EXTRA_CASE_RATE)),
  );
  const mix = CATEGORY_MIX.filter(([code]) => refs.categories.has(code));
  const needsWeight = mix.filter(([c]) => refs.categories.get(c)!.needsCase).reduce((s, [, w]) => s + w, 0);
  const otherWeight = mix.filter(([c]) => !refs.categories.get(c)!.needsCase).reduce((s, [, w]) => s + w, 0);
  const extraWeight = mix
    .filter(([c]) => EXTRA_CASE_CATEGORIES.includes(c) && !refs.categories.get(c)!.needsCase)
    .reduce((s, [, w]) => s + w, 0);
  const weights = mix.map(([code, w]) => {
    const needs = refs.categories.get(code)!.needsCase;
    return [code, needs ? (w / needsWeight) * needsShare : (w / otherWeight) * (1 - needsShare)] as const;
  });
  // Extra cases come from a subset of the other categories: their per-incident rate.
  const extraRate = Math.min(1, (EXTRA_CASE_RATE * otherWeight) / Math.max(extraWeight, 1e-9));
  const picks: number[] = [];
  let acc = 0;
  weights.forEach(([, w], i) => {
    acc += w;
    while (picks.length < Math.round(acc * 1000)) picks.push(i);
  });
  while (picks.length < 1000) picks.push(weights.length - 1);

  await exec(
    db,
    'drop table if exists bench_cats, bench_cat_pick, bench_texts, bench_staff, bench_unit_pick, bench_people, bench_places',
  );
  const catRows = weights.map(([code], i) => {
    const c = refs.categories.get(code)!;
    const [criminal, adminItem, crimItem] = CASE_SHAPE[code] ?? [0, 'ZA-23', 'XF-293'];
    const extra = !c.needsCase && EXTRA_CASE_CATEGORIES.includes(code) ? extraRate : 0;
    return `(${i}, '${code}', ${c.needsCase}, ${c.cameraRequired}, ${criminal}, '${adminItem}', '${crimItem}', ${extra}, '${c.nameZh}')`;
  });
  await exec(
    db,
    `create table bench_cats (idx int primary key, code text, needs_case boolean, camera_required boolean,
       criminal_share float8, admin_item text, crim_item text, extra_rate float8, name_zh text)`,
  );
  await exec(db, `insert into bench_cats values ${catRows.join(', ')}`);
  await exec(db, 'create table bench_cat_pick (slot int primary key, idx int)');
  await exec(
    db,
    `insert into bench_cat_pick select s - 1, (array[${picks.join(',')}])[s] from generate_series(1, 1000) s`,
  );

  // Narratives, places and callers: rendered here by the demo history's own templates.
  const stations = refs.units
    .filter((x) => x.kind === 'station')
    .sort((a, b) => a.code.localeCompare(b.code));
  const streets = stations.map((s, i) => stationStreet(s.name, i));
  const texts: string[] = [];
  for (const [i, [code]] of weights.entries())
    for (let k = 0; k < NARRATIVES_PER_CATEGORY; k++) {
      const slots = {
        caller: personName(r),
        place: place(r, streets[Math.floor(r() * streets.length)]!),
        amount: Math.round((500 + r() * 49_500) / 100) * 100,
        other: personName(r),
        company: companyName(r),
      };
      texts.push(JSON.stringify({ c: i, k, t: narrativeFor(r, code, slots, false).text }));
    }
  await exec(db, 'create table bench_texts (cat int, k int, narrative text, primary key (cat, k))');
  await exec(
    db,
    `insert into bench_texts select (x->>'c')::int, (x->>'k')::int, x->>'t' from jsonb_array_elements('[${texts.join(',').replaceAll("'", "''")}]'::jsonb) x`,
  );
  const places: string[] = [];
  stations.forEach((s, i) => {
    for (let k = 0; k < PLACES_PER_STATION; k++)
      places.push(JSON.stringify({ u: s.id, k, p: place(r, streets[i]!).full }));
  });
  await exec(db, 'create table bench_places (unit_id int, k int, place text, primary key (unit_id, k))');
  await exec(
    db,
    `insert into bench_places select (x->>'u')::int, (x->>'k')::int, x->>'p' from jsonb_array_elements('[${places.join(',').replaceAll("'", "''")}]'::jsonb) x`,
  );
  const people = Array.from({ length: PEOPLE }, (_, k) =>
    JSON.stringify({
      k,
      n: personName(r),
      p: mobile(r),
      i: idNumber(r),
      a: homeAddress(r, streets[k % streets.length]!),
    }),
  );
  await exec(
    db,
    'create table bench_people (k int primary key, name text, phone text, id_number text, address text)',
  );
  await exec(
    db,
    `insert into bench_people select (x->>'k')::int, x->>'n', x->>'p', x->>'i', x->>'a'
     from jsonb_array_elements('[${people.join(',').replaceAll("'", "''")}]'::jsonb) x`,
  );

  // Case-handling units, their staff, and which station's places an incident of the unit uses.
  await exec(
    db,
    `create table bench_staff (unit_id int primary key, place_unit int, leads int[], unit_legal int[],
       unit_head int[], unqualified int)`,
  );
  const staffRows = refs.handling.map((h, i) => {
    const placeUnit = h.kind === 'station' ? h.id : stations[i % stations.length]!.id;
    const arr = (xs: number[]) => `array[${xs.join(',')}]::int[]`;
    return `(${h.id}, ${placeUnit}, ${arr(h.leads)}, ${arr(h.unitLegal)}, ${arr(h.unitHead)}, ${h.unqualified})`;
  });
  await exec(db, `insert into bench_staff values ${staffRows.join(', ')}`);
  // Stations take four-fifths of the incidents, the detachments and brigades the rest.
  const stationIds = refs.handling.filter((h) => h.kind === 'station').map((h) => h.id);
  const others = refs.handling.filter((h) => h.kind !== 'station').map((h) => h.id);
  const unitSlots = Array.from({ length: 100 }, (_, s) =>
    s < 80 || others.length === 0 ? stationIds[s % stationIds.length]! : others[s % others.length]!,
  );
  await exec(db, 'create table bench_unit_pick (slot int primary key, unit_id int)');
  await exec(
    db,
    `insert into bench_unit_pick select s - 1, (array[${unitSlots.join(',')}])[s] from generate_series(1, 100) s`,
  );
}

const CHUNK = 500_000;

/**
 * Incidents `lo`..`hi` (their ids), received from `start` (epoch seconds) one every `step`
 * seconds, in time order (ids ascend with receipt, as in a live system). A needs-case incident
 * is marked case_opened unless it is one of the ~2% left without; others are disposed on the
 * scene, mediated, no action or transferred; the last three hours' are partly still pending.
 */
export function incidentsSql(orgId: number, lo: number, hi: number, start: number, step: number, now: Date) {
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  return `insert into incidents (id, org_id, incident_no, source, source_id, received_at, caller_name, caller_phone,
         category_code, place, narrative, unit_id, officer_ids, disposal, disposed_at, camera_recorded,
         camera_evidence_ref, tags, version, created_at, updated_at)
       select s.g, ${orgId},
              'J' || to_char(s.t at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(s.g::text, 8, '0'),
              s.src, case when s.src = '110' then 'JJ' || lpad(s.g::text, 10, '0') end, s.t,
              case when s.src = 'transfer' then null else pp.name end,
              case when s.src = 'transfer' then null else pp.phone end,
              c.code, pl.place, tx.narrative, st.unit_id,
              case when s.u6 < 0.6
                   then array[st.leads[1 + floor(s.u6 * 1000)::int % cardinality(st.leads)]]
                   else array[st.leads[1 + floor(s.u6 * 1000)::int % cardinality(st.leads)],
                              st.leads[1 + (floor(s.u6 * 1000)::int + 1) % cardinality(st.leads)]] end,
              d.disposal,
              case when d.disposal = 'pending' then null else s.t + (10 + s.u8 * 230) * interval '1 minute' end,
              case when d.disposal = 'pending' then null
                   when c.camera_required then (case when s.u10 < 0.975 then true when s.u10 < 0.99 then false end)
                   when s.u10 < 0.3 then true end,
              case when d.disposal <> 'pending' and (s.u10 < 0.3 or (c.camera_required and s.u10 < 0.975))
                   then 'JLY-' || lpad(s.g::text, 10, '0') end,
              case when c.code = 'XS-DXZP' then array['反诈'] else '{}'::text[] end,
              case when d.disposal = 'pending' then 1 else 2 end,
              s.t + interval '2 minutes',
              case when d.disposal = 'pending' then s.t + interval '2 minutes'
                   else s.t + (10 + s.u8 * 230) * interval '1 minute' end
       from (select g, to_timestamp(${start} + ((g - ${lo}) + ${u('g', 0)}) * ${step}) as t,
                    case when ${u('g', 5)} < 0.85 then '110' when ${u('g', 5)} < 0.93 then 'walk_in'
                         when ${u('g', 5)} < 0.97 then 'online' else 'transfer' end as src,
                    ${u('g', 1)} as u1, ${u('g', 2)} as u2, ${u('g', 3)} as u3, ${u('g', 4)} as u4,
                    ${u('g', 6)} as u6, ${u('g', 7)} as u7, ${u('g', 8)} as u8, ${u('g', 9)} as u9,
                    ${u('g', 10)} as u10
             from generate_series(${lo}, ${hi}) g) s
       join bench_cat_pick cp on cp.slot = floor(s.u1 * 1000)::int
       join bench_cats c on c.idx = cp.idx
       join bench_unit_pick up on up.slot = floor(s.u2 * 100)::int
       join bench_staff st on st.unit_id = up.unit_id
       join bench_places pl on pl.unit_id = st.place_unit and pl.k = floor(s.u3 * ${PLACES_PER_STATION})::int
       join bench_texts tx on tx.cat = c.idx and tx.k = floor(s.u4 * ${NARRATIVES_PER_CATEGORY})::int
       join bench_people pp on pp.k = floor(s.u9 * ${PEOPLE})::int
       cross join lateral (select case
           when c.needs_case and s.u7 >= ${MISSED_CASE_RATE} then 'case_opened'
           when not c.needs_case and s.u7 < c.extra_rate then 'case_opened'
           when s.t > ${nowSql} - interval '3 hours' and s.u8 < 0.5 then 'pending'
           when c.needs_case then (case when s.u8 < 0.4 then 'handled_on_scene' when s.u8 < 0.65 then 'no_action'
                                        when s.u8 < 0.8 then 'mediated' when s.u8 < 0.92 then 'transferred' else 'pending' end)
           when s.u8 < 0.5 then 'handled_on_scene' when s.u8 < 0.75 then 'mediated'
           when s.u8 < 0.92 then 'no_action' else 'transferred' end as disposal) d`;
}

/** The history's incidents; afterwards exactly `cases` of them are case_opened. */
async function loadIncidents(db: Queryable, orgId: number, opts: HistoryOptions, log: (m: string) => void) {
  const years = opts.years ?? 10;
  const end = opts.now.getTime() / 1000;
  const span = years * 365.25 * 86400;
  const step = span / opts.incidents;
  const start = end - span;
  for (let lo = 1; lo <= opts.incidents; lo += CHUNK) {
    const hi = Math.min(opts.incidents, lo + CHUNK - 1);
    await exec(db, incidentsSql(orgId, lo, hi, start + (lo - 1) * step, step, opts.now));
    log(`  incidents ${hi.toLocaleString()} / ${opts.incidents.toLocaleString()}`);
  }
  // Exactly `cases` incidents lead to a case: the surplus or shortfall is taken from the
  // other categories' extra cases, chosen by a hash so the run stays deterministic.
  const opened = Number(
    (
      await one<{ n: number }>(
        db,
        `select count(*)::int as n from incidents where org_id = ${orgId} and disposal = 'case_opened'`,
      )
    ).n,
  );
  const diff = opened - opts.cases;
  if (diff > 0)
    await exec(
      db,
      `update incidents set disposal = 'handled_on_scene' where id in (
         select i.id from incidents i join bench_cats c on c.code = i.category_code
         where i.disposal = 'case_opened' and not c.needs_case order by ${u('i.id', 11)} limit ${diff})`,
    );
  else if (diff < 0)
    await exec(
      db,
      `update incidents set disposal = 'case_opened' where id in (
         select i.id from incidents i join bench_cats c on c.code = i.category_code
         where i.disposal in ('handled_on_scene', 'no_action') and c.extra_rate > 0 order by ${u('i.id', 11)} limit ${-diff})`,
    );
}

/** Secondary indexes of the tables loaded (constraints and primary keys stay). */
async function dropIndexes(db: Queryable, tables: string[]) {
  const defs = await rawRows<{ name: string; def: string }>(
    db,
    `select indexname as name, indexdef as def from pg_indexes
     where schemaname = current_schema() and tablename in (${tables.map((t) => `'${t}'`).join(', ')})
       and indexname not in (select conname from pg_constraint)`,
  );
  for (const d of defs) await exec(db, `drop index ${d.name}`);
  return defs;
}

/** Generates the history into the branch `orgId` (its demo units, officers and dictionaries). */
export async function generateHistory(
  runner: Db,
  orgId: number,
  opts: HistoryOptions,
  log: (m: string) => void,
): Promise<HistoryResult> {
  const steps: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    log(`history: ${name}`);
    await fn();
    steps[name] = Math.round(performance.now() - t0);
  };
  const refs = await loadRefs(
    runner,
    orgId,
    new Date(opts.now.getTime() - (opts.years ?? 10) * 365.25 * 86_400_000),
  );
  const tables = [
    'incidents',
    'cases',
    'case_parties',
    'evidence',
    'reviews',
    'decisions',
    'publications',
    'proceedings',
    'discussions',
    'case_offences',
    'camera_checks',
  ];
  let indexes: { name: string; def: string }[] = [];
  await step('reference tables', () => referenceTables(runner, refs, opts));
  await step('drop secondary indexes', async () => {
    indexes = await dropIndexes(runner, tables);
  });
  await step('incidents', () => loadIncidents(runner, orgId, opts, log));
  await loadCases(runner, orgId, refs, opts.now, step);
  await step('rebuild indexes', async () => {
    // One transaction, so the session's memory for index builds applies to all of them.
    await runner.transaction(async (tx) => {
      await exec(tx, `set local maintenance_work_mem = '${opts.maintenanceWorkMem ?? '512MB'}'`);
      for (const d of indexes) {
        const t0 = performance.now();
        await exec(tx, d.def);
        log(`  ${d.name} ${Math.round(performance.now() - t0)} ms`);
      }
    });
  });
  await step('sequences', async () => {
    for (const t of ['incidents', 'cases', 'decisions', 'publications'])
      await exec(
        runner,
        `select setval(pg_get_serial_sequence('${t}', 'id'), (select coalesce(max(id), 0) + 1 from ${t}), false)`,
      );
  });
  // A history that grew over ten years has been vacuumed and analysed by now: the visibility map
  // and the planner's statistics are as a live database's would be.
  await step('vacuum analyze', () => exec(runner, 'vacuum analyze'));
  const rows: Record<string, number> = {};
  for (const t of tables)
    rows[t] = Number(
      (await one<{ n: number }>(runner, `select count(*)::int as n from ${t} where org_id = ${orgId}`)).n,
    );
  return { rows, steps, refs };
}
