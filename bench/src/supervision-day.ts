/**
 * One working day of changes after a scan, written with the current time, for the incremental
 * scan to examine: the day's incidents (≈ 800 at full scale) and the cases they open (≈ 110),
 * about as many open cases moving on (submitted, approved at a gate, decided, closed) with their
 * reviews, decisions and publications, and the day's fixes of earlier problems (idle cases
 * taken up again, late publications published, unserved notices served, an incident given its
 * case, yesterday's camera spot checks recorded).
 */
import type { Queryable } from '../../server/src/db/index.ts';
import { incidentsSql } from './history.ts';
import { cst } from './supervision-history-cases.ts';
import { exec, type HistoryRefs, intArray, one, pickFrom, rawRows, u } from './supervision-sql.ts';

const GATES = `array['officer','unit_legal','unit_head','legal','branch_head']`;
/** The review chain of a proposed decision (DEFAULT_GATES in common). */
const chain = (kind: string) =>
  `(${GATES})[1:(case when ${kind} in ('warning', 'no_penalty') then 3 when ${kind} in ('fine', 'confiscation') then 4 else 5 end)]`;

export interface DayResult {
  at: string;
  changed: Record<string, number>;
}

/** Runs a data-changing statement that returns one row per row changed; answers how many. */
async function count(db: Queryable, text: string): Promise<number> {
  return (await rawRows<unknown>(db, text)).length;
}

/** `scale` 1 is a full-size district day; the history generator's lookup tables must still exist. */
export async function applyDay(
  db: Queryable,
  orgId: number,
  refs: HistoryRefs,
  scale: number,
): Promise<DayResult> {
  const now = new Date();
  const T = `'${now.toISOString()}'::timestamptz`;
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const changed: Record<string, number> = {};
  const seed = Math.floor(now.getTime() / 1000);
  const h = (expr: string, k: number) => u(expr, (seed % 100_000) + k);

  // The day's incidents, received over the last 24 hours and recorded now (the 110 export).
  const { max } = await one<{ max: number }>(db, `select coalesce(max(id), 0)::bigint as max from incidents`);
  const lo = Number(max) + 1;
  const hi = lo + n(800) - 1;
  const start = now.getTime() / 1000 - 86400;
  await exec(db, incidentsSql(orgId, lo, hi, start, 86400 / (hi - lo + 1), now));
  await exec(
    db,
    `update incidents set created_at = ${T}, updated_at = ${T} where id between ${lo} and ${hi}`,
  );
  await exec(db, `select setval(pg_get_serial_sequence('incidents', 'id'), ${hi})`);
  changed.incidentsNew = hi - lo + 1;

  // Their cases: accepted / filed when received more than six hours ago, else still in review.
  changed.casesNew = await count(
    db,
    `insert into cases (org_id, case_no, case_type, incident_id, unit_id, lead_officer_id, title, status, received_at,
        accepted_at, clock_rule, clock_start, clock_due, in_centre, version, created_at, updated_at)
     select ${orgId}, (case when x.criminal then 'X' else 'A' end) || to_char(${T} at time zone 'Asia/Shanghai', 'YYYY') || 'D' || lpad(i.id::text, 9, '0'),
            case when x.criminal then 'criminal' else 'admin' end, i.id, i.unit_id, i.officer_ids[1],
            coalesce(substr(i.caller_name, 1, 1), '某') || '某某' || c.name_zh || '案',
            case when not x.opened then (case when x.criminal then 'filing_review' else 'acceptance_review' end) else 'investigating' end,
            i.received_at + interval '1 hour',
            case when x.opened then ${T} end,
            case when not x.opened then (case when x.criminal then 'filing_review' else 'acceptance_review' end)
                 when not x.criminal then 'admin_case_period' end,
            case when not x.opened or not x.criminal then ${cst('i.received_at')} end,
            case when not x.opened and x.criminal then ${cst('i.received_at')} + 3
                 when not x.opened then ${cst("i.received_at + interval '24 hours'")}
                 when not x.criminal then ${cst(T)} + 30 end,
            x.criminal, case when x.opened then 2 else 1 end, ${T}, ${T}
     from incidents i join bench_cats c on c.code = i.category_code
     cross join lateral (select ${u('i.id', 20)} < c.criminal_share as criminal, i.received_at < ${T} - interval '6 hours' as opened) x
     where i.id between ${lo} and ${hi} and i.disposal = 'case_opened'
     returning 1`,
  );

  // Open cases moving on. Submissions: investigating, active recently (not the idle ones).
  const pick = (where: string, k: number, limit: number) =>
    `select id from cases where org_id = ${orgId} and ${where} order by ${h('id', k)} limit ${limit}`;
  changed.submitted = await count(
    db,
    `with c as (${pick(`status = 'investigating' and updated_at > ${T} - interval '20 days' and created_at < ${T} - interval '2 days'`, 1, n(35))}),
          up as (update cases k set status = 'in_review', current_gate = 'unit_legal', review_round = k.review_round + 1,
                   proposed_decision = coalesce(k.proposed_decision, case when k.case_type = 'admin' then 'fine' else 'prosecution_transfer' end),
                   updated_at = ${T}, version = k.version + 1
                 from c where k.id = c.id
                 returning k.id, k.lead_officer_id, k.review_round, k.proposed_decision)
     insert into reviews (org_id, case_id, round, gate, reviewer_id, outcome, checklist, acted_at)
     select ${orgId}, id, review_round, 'officer', lead_officer_id, 'submit', jsonb_build_object('kind', proposed_decision), ${T}
     from up returning 1`,
  );
  // Approvals at the current gate; the last gate's approval leaves the case approved.
  const legal = intArray(refs.legal);
  const heads = intArray(refs.branchHeads);
  changed.approved = await count(
    db,
    `with c as (${pick(`status = 'in_review' and updated_at < ${T} - interval '4 hours'`, 2, n(40))}),
          g as (select k.id, k.current_gate as gate, k.review_round,
                       ${chain('k.proposed_decision')} as gates,
                       case k.current_gate when 'unit_legal' then ${pickFrom('st.unit_legal', u('k.id', 3))}
                            when 'unit_head' then ${pickFrom('st.unit_head', u('k.id', 3))}
                            when 'legal' then ${pickFrom(legal, u('k.id', 3))} else ${pickFrom(heads, u('k.id', 3))} end as reviewer
                from cases k join c on c.id = k.id join bench_staff st on st.unit_id = k.unit_id),
          up as (update cases k set current_gate = g.gates[array_position(g.gates, g.gate) + 1],
                   status = case when g.gates[array_position(g.gates, g.gate) + 1] is null then 'approved' else 'in_review' end,
                   updated_at = ${T}, version = k.version + 1
                 from g where k.id = g.id returning k.id)
     insert into reviews (org_id, case_id, round, gate, reviewer_id, outcome, checklist, acted_at)
     select ${orgId}, g.id, g.review_round, g.gate, g.reviewer, 'approve', '{}'::jsonb, ${T}
     from g join up on up.id = g.id
     on conflict (case_id, round, gate) do nothing returning 1`,
  );
  // Decisions on approved cases, each administrative one with its publication task.
  changed.decided = await count(
    db,
    `with c as (${pick(`status = 'approved'`, 4, n(20))}),
          up as (update cases k set status = case when k.case_type = 'admin' then 'decided' else 'with_procuratorate' end,
                   current_gate = null, clock_rule = null, clock_start = null, clock_due = null,
                   updated_at = ${T}, version = k.version + 1
                 from c where k.id = c.id
                 returning k.id, k.case_type, k.proposed_decision, k.lead_officer_id, k.unit_id),
          dec as (insert into decisions (org_id, case_id, kind, doc_no, penalty_item_codes, decided_at, decided_by)
                  select ${orgId}, up.id, up.proposed_decision,
                         '渝州公(' || (case when up.case_type = 'admin' then '治' else '刑' end) || ')决字〔'
                           || to_char(${T} at time zone 'Asia/Shanghai', 'YYYY') || '〕D' || up.id || '号',
                         coalesce((select array_agg(o.penalty_item_code) from case_offences o where o.case_id = up.id), '{}'),
                         ${T}, up.lead_officer_id
                  from up returning id, case_id, kind)
     insert into publications (org_id, decision_id, case_id, unit_id, status, clock_rule, due_on)
     select ${orgId}, dec.id, dec.case_id, up.unit_id, 'pending',
            case when dec.kind = 'no_penalty' then 'publicity_other' else 'publicity_penalty' end,
            ${cst(T)} + case when dec.kind = 'no_penalty' then 28 else 9 end
     from dec join up on up.id = dec.case_id where up.case_type = 'admin'
     returning 1`,
  );
  changed.closed = await count(
    db,
    `update cases k set status = 'closed', closed_at = ${T}, updated_at = ${T}, version = k.version + 1
     where k.id in (${pick(`status in ('decided', 'with_procuratorate') and updated_at < ${T} - interval '5 days'`, 5, n(15))})
     returning 1`,
  );

  // The day's fixes of earlier problems.
  changed.idleTakenUp = await count(
    db,
    `update cases k set updated_at = ${T}, version = k.version + 1
     where k.id in (${pick(`status = 'investigating' and updated_at < ${T} - interval '60 days'`, 6, n(5))}) returning 1`,
  );
  changed.latePublished = await count(
    db,
    `update publications p set status = 'published', published_at = ${T}, published_by = k.lead_officer_id,
            content = jsonb_build_object('title', k.title), search_text = k.title
     from cases k
     where k.id = p.case_id and p.id in (select id from publications where org_id = ${orgId} and status = 'pending'
                                          and due_on < ${cst(T)} order by ${h('id', 7)} limit ${n(5)})
     returning 1`,
  );
  changed.noticesServed = await count(
    db,
    `update proceedings set status = 'done', closed_on = ${cst(T)}, outcome = 'served',
            detail = detail || jsonb_build_object('servedOn', ${cst(T)})
     where id in (select id from proceedings where org_id = ${orgId} and kind = 'not_filed_notice' and status = 'open'
                  order by ${h('id', 8)} limit ${n(3)})
     returning 1`,
  );
  changed.incidentsGivenCase = await count(
    db,
    `with i as (select i.id, i.unit_id, i.officer_ids, i.received_at, c.name_zh from incidents i
                join bench_cats c on c.code = i.category_code and c.needs_case
                where i.org_id = ${orgId} and i.id < ${lo} and i.disposal in ('handled_on_scene', 'no_action')
                  and not exists (select 1 from cases k where k.incident_id = i.id)
                order by ${h('i.id', 9)} limit ${n(5)}),
          up as (update incidents x set disposal = 'case_opened', updated_at = ${T}, version = x.version + 1 from i where x.id = i.id returning x.id)
     insert into cases (org_id, case_no, case_type, incident_id, unit_id, lead_officer_id, title, status, received_at,
        accepted_at, clock_rule, clock_start, clock_due, version, created_at, updated_at)
     select ${orgId}, 'A' || to_char(${T} at time zone 'Asia/Shanghai', 'YYYY') || 'R' || lpad(i.id::text, 9, '0'), 'admin', i.id,
            i.unit_id, coalesce(i.officer_ids[1], (select s.leads[1] from bench_staff s where s.unit_id = i.unit_id)),
            '补立 ' || i.name_zh || '案', 'investigating', ${T}, ${T},
            'admin_case_period', ${cst(T)}, ${cst(T)} + 30, 1, ${T}, ${T}
     from i join up on up.id = i.id returning 1`,
  );
  changed.cameraChecked = await count(
    db,
    `update camera_checks set result = case when ${h('id', 10)} < 0.95 then 'recorded' else 'not_recorded' end,
            checked_by = ${refs.command[0] ?? 'null'}, checked_at = ${T}
     where org_id = ${orgId} and result = 'pending' returning 1`,
  );
  return { at: now.toISOString(), changed };
}
