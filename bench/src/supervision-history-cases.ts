/**
 * The cases of the generated history and everything that hangs off them. One plan row per case
 * (`bench_plan`, drawn from hashes of its incident's id) fixes its type, path, decision and
 * timeline; the case's state is that timeline read at "now", so old cases are closed and recent
 * ones stand in every workflow state. Planted problems, per case unless said otherwise:
 *  - 0.4% stuck in investigation since shortly after acceptance (立而不侦; admin ones overdue)
 *  - 4% of administrative investigations run past 30 days, half of them with an extension
 *  - send-back rounds: 6% one, 0.8% two, 0.2% three (反复退回)
 *  - 0.3% of gate acts signed by an unqualified reviewer
 *  - major cases (5% criminal, 3% detention): 4% without collective discussion
 *  - 2% of criminal and detention cases handled outside the case-handling centre
 *  - 0.5% of penalty decisions without their penalty item
 *  - publications: 1.5% late, 0.3% never published; 0.4% of penalty decisions revoked, 10% of
 *    those never withdrawn
 *  - 2% of not-filed notices never served; 3% of procuratorate feedback never replied to
 */

import { REVIEW_CHECKLIST } from '@fazhi/common';
import type { Queryable } from '../../server/src/db/index.ts';
import { SEND_BACK_REASONS } from '../../server/src/seed/demo-history/text.ts';
import { loadCaseFiles } from './supervision-history-files.ts';
import { exec, type HistoryRefs, intArray, pickFrom, u } from './supervision-sql.ts';

export const cst = (x: string) => `((${x}) at time zone 'Asia/Shanghai')::date`;
const days = (lo: number, hi: number, draw: string) => `((${lo} + ${draw} * ${hi - lo}) * interval '1 day')`;
const hours = (lo: number, hi: number, draw: string) =>
  `((${lo} + ${draw} * ${hi - lo}) * interval '1 hour')`;
const GATES = `array['officer','unit_legal','unit_head','legal','branch_head']`;

/** The plan: one row per case-opened incident. */
function planSql(now: string) {
  const d = (k: number) => u('b.incident_id', k);
  return `create unlogged table bench_plan as
  select x.*, x.t_appr + x.dec_lag as t_dec, x.t_appr + x.dec_lag + x.close_lag as t_close
  from (
    select y.*, y.t_sub1 + (y.rounds - 1) * y.rgap + (y.ngates - 1) * y.gate_gap as t_appr
    from (
      select b.id, b.incident_id, b.unit_id, b.received_at, b.name_zh, b.surname, ty.ctype, k.path, k.kind,
             ng.ngates, p.rounds, p.stop_ord, p.gate_gap, p.stop_ord * p.gate_gap + p.resub_gap as rgap,
             p.t_open, p.t_open + p.inv as t_sub1, p.inv, p.dec_lag, p.close_lag, p.med_lag, p.stuck, p.stuck_idle,
             p.major, p.discussed, p.in_centre, p.complex, p.no_item, p.pub_lag, p.revoke_lag, p.wd_lag,
             p.ctype = 'admin' and p.inv > interval '28 days' and ${d(35)} < 0.5 as extended,
             p.notice_lag, p.feedback_lag, p.reply_lag, p.active_lag,
             case when ty.ctype = 'admin' then b.admin_item else b.crim_item end as item,
             case when k.kind in ('fine', 'confiscation') then round((200 + ${d(50)} * 2800) / 100) * 100 end as fine,
             case when k.kind = 'detention' then 5 + floor(${d(50)} * 11)::int end as detention_days,
             ${pickFrom('st.leads', d(48))} as lead, ${pickFrom('st.leads', d(49))} as co
      from (select row_number() over (order by i.id) as id, i.id as incident_id, i.unit_id, i.received_at,
                   c.name_zh, c.criminal_share, c.admin_item, c.crim_item,
                   coalesce(substr(i.caller_name, 1, 1), '某') as surname
            from incidents i join bench_cats c on c.code = i.category_code
            where i.disposal = 'case_opened') b
      join bench_staff st on st.unit_id = b.unit_id
      cross join lateral (select case when ${d(20)} < b.criminal_share then 'criminal' else 'admin' end as ctype) ty
      cross join lateral (select
          case when ty.ctype = 'admin'
               then (case when ${d(21)} < 0.06 then 'refuse' when ${d(21)} < 0.09 then 'transfer'
                          when ${d(21)} < 0.18 then 'mediate' else 'decide' end)
               else (case when ${d(21)} < 0.07 then 'refuse' when ${d(21)} < 0.10 then 'transfer' else 'decide' end)
          end as path,
          case when ty.ctype = 'admin'
               then (case when ${d(22)} < 0.15 then 'warning' when ${d(22)} < 0.55 then 'fine'
                          when ${d(22)} < 0.90 then 'detention' when ${d(22)} < 0.93 then 'confiscation' else 'no_penalty' end)
               else (case when ${d(22)} < 0.40 then 'arrest_request' when ${d(22)} < 0.95 then 'prosecution_transfer'
                          else 'case_revoked' end)
          end as kind) k
      cross join lateral (select case when k.kind in ('warning', 'no_penalty') then 3
                                      when k.kind in ('fine', 'confiscation') then 4 else 5 end as ngates) ng
      cross join lateral (select ty.ctype,
          b.received_at + case when ty.ctype = 'admin' then ${hours(2, 20, d(23))} else ${hours(12, 60, d(23))} end as t_open,
          case when ty.ctype = 'criminal' then ${days(20, 120, d(25))}
               when ${d(24)} < 0.04 then ${days(30, 45, d(25))} else ${days(3, 25, d(25))} end as inv,
          case when ${d(26)} < 0.93 then 1 when ${d(26)} < 0.99 then 2 when ${d(26)} < 0.998 then 3 else 4 end as rounds,
          case when ng.ngates >= 4 and ${d(27)} < 0.4 then 4 else 2 end as stop_ord,
          ${hours(4, 40, d(28))} as gate_gap,
          ${days(1, 5, d(29))} as resub_gap,
          ${hours(2, 30, d(30))} as dec_lag,
          case when ty.ctype = 'admin' then ${days(1, 10, d(31))} else ${days(10, 90, d(31))} end as close_lag,
          ${days(1, 6, d(32))} as med_lag,
          k.path = 'decide' and ${d(33)} < 0.004 as stuck,
          ${days(1, 6, d(34))} as stuck_idle,
          (ty.ctype = 'criminal' and ${d(36)} < 0.05) or (k.kind = 'detention' and ${d(36)} < 0.03) as major,
          ${d(37)} >= 0.04 as discussed,
          case when ty.ctype = 'criminal' or k.kind = 'detention' then ${d(38)} >= 0.02 else ${d(38)} < 0.5 end as in_centre,
          ${d(39)} < 0.05 as complex,
          ty.ctype = 'admin' and k.kind <> 'no_penalty' and ${d(40)} < 0.005 as no_item,
          case when ${d(41)} < 0.003 then null when ${d(41)} < 0.018 then ${days(12, 40, d(42))}
               else ${days(1, 8, d(42))} end as pub_lag,
          case when ty.ctype = 'admin' and ${d(43)} < 0.004 then ${days(20, 60, d(44))} end as revoke_lag,
          case when ${d(45)} < 0.1 then null else ${days(0.5, 2.5, d(66))} end as wd_lag,
          case when ${d(46)} < 0.02 then null else ${days(0.2, 2, d(47))} end as notice_lag,
          case when ty.ctype = 'criminal' and ${d(46)} < 0.05 then ${days(10, 40, d(47))} end as feedback_lag,
          case when ${d(67)} < 0.03 then null else ${days(5, 25, d(65))} end as reply_lag,
          ${days(0, 20, d(51))} as active_lag) p
    ) y
  ) x
  -- cases opened after "now" would be in the future
  where x.received_at <= ${now}`;
}

/** The case as its timeline stands at now. */
function casesSql(orgId: number, now: string) {
  const revState = `(select least(p.rounds, 1 + floor(e / rg)::int) as k,
                            1 + floor((e - (least(p.rounds, 1 + floor(e / rg)::int) - 1) * rg) / gg)::int as j
                     from (select extract(epoch from ${now} - p.t_sub1) as e, extract(epoch from p.rgap) as rg,
                                  extract(epoch from p.gate_gap) as gg) z)`;
  return `insert into cases (id, org_id, case_no, case_type, incident_id, unit_id, lead_officer_id, co_officer_ids, title,
      summary, status, proposed_decision, current_gate, review_round, major, in_centre, complex, received_at,
      clock_rule, clock_start, clock_due, accepted_at, period_extended_days, closed_at, version, created_at, updated_at)
    select p.id, ${orgId}, (case when p.ctype = 'admin' then 'A' else 'X' end) || to_char(p.received_at at time zone 'Asia/Shanghai', 'YYYY') || lpad(p.id::text, 7, '0'),
           p.ctype, p.incident_id, p.unit_id, p.lead, array[p.co], p.surname || '某某' || p.name_zh || '案', '',
           s.status,
           case when s.round > 0 then p.kind end,
           case when s.status = 'in_review' then (${GATES})[rv.j + 1] end,
           s.round, p.major, p.in_centre, p.complex, p.received_at,
           ck.rule, ck.start, ck.due,
           case when p.path in ('decide', 'mediate') and p.t_open <= ${now} then p.t_open end,
           case when ck.ext then 30 else 0 end,
           case when s.status in ('closed', 'not_accepted', 'not_filed', 'transferred', 'mediated') then s.at end,
           1 + (p.t_open <= ${now})::int + s.round * p.ngates + (s.status in ('decided', 'with_procuratorate', 'closed'))::int
             + (s.status = 'closed')::int,
           p.received_at, s.at
    from bench_plan p
    cross join lateral ${revState} rv
    cross join lateral (select
        case when ${now} < p.t_open then (case when p.ctype = 'admin' then 'acceptance_review' else 'filing_review' end)
             when p.path = 'refuse' then (case when p.ctype = 'admin' then 'not_accepted' else 'not_filed' end)
             when p.path = 'transfer' then 'transferred'
             when p.path = 'mediate' then (case when ${now} < p.t_open + p.med_lag then 'investigating' else 'mediated' end)
             when p.stuck or ${now} < p.t_sub1 then 'investigating'
             when ${now} < p.t_appr then (case when rv.k < p.rounds and rv.j >= p.stop_ord then 'investigating' else 'in_review' end)
             when ${now} < p.t_dec then 'approved'
             when ${now} < p.t_close then (case when p.ctype = 'admin' then 'decided' else 'with_procuratorate' end)
             else 'closed' end as status,
        case when p.path <> 'decide' or p.stuck or ${now} < p.t_sub1 then 0
             when ${now} < p.t_appr then rv.k else p.rounds end as round) s0
    cross join lateral (select s0.status, s0.round,
        case when s0.status in ('acceptance_review', 'filing_review') then p.received_at
             when s0.status in ('not_accepted', 'not_filed', 'transferred') then p.t_open
             when s0.status = 'mediated' then p.t_open + p.med_lag
             when s0.status = 'investigating' and p.stuck then least(${now}, p.t_open + p.stuck_idle)
             when s0.status = 'investigating' then greatest(p.t_open, ${now} - p.active_lag)
             when s0.status = 'in_review' then p.t_sub1 + (rv.k - 1) * p.rgap + (rv.j - 1) * p.gate_gap
             when s0.status = 'approved' then p.t_appr
             when s0.status in ('decided', 'with_procuratorate') then p.t_dec
             else p.t_close end as at) s
    cross join lateral (select
        case when s.status = 'acceptance_review' then 'acceptance_review' when s.status = 'filing_review' then 'filing_review'
             when p.ctype = 'admin' and s.status in ('investigating', 'in_review', 'approved') then 'admin_case_period' end as rule,
        case when s.status in ('acceptance_review', 'filing_review') then ${cst('p.received_at')}
             when p.ctype = 'admin' and s.status in ('investigating', 'in_review', 'approved') then ${cst('p.t_open')} end as start,
        case when s.status = 'acceptance_review' then ${cst("p.received_at + interval '24 hours'")}
             when s.status = 'filing_review' then ${cst('p.received_at')} + 3
             when p.ctype = 'admin' and s.status in ('investigating', 'in_review', 'approved')
               then ${cst('p.t_open')} + 30 + (case when p.extended and p.t_open + interval '25 days' <= ${now} then 30 else 0 end) end as due,
        p.extended and p.t_open + interval '25 days' <= ${now} as ext) ck`;
}

function reviewsSql(orgId: number, refs: HistoryRefs, now: string) {
  const approve = JSON.stringify(
    Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, { ok: true, note: null }])),
  );
  const reasons = SEND_BACK_REASONS.map((x) => `'${x.text}'`).join(',');
  const items = SEND_BACK_REASONS.map((x) => `'${x.item}'`).join(',');
  const pick = (k: number) => u('p.id * 64 + r * 8 + g.ord', k);
  const legal = intArray(refs.legal);
  const legalBad = intArray(refs.legalUnqualified.length ? refs.legalUnqualified : refs.legal);
  const heads = intArray(refs.branchHeads);
  return `insert into reviews (org_id, case_id, round, gate, reviewer_id, outcome, checklist, reasons, acted_at)
    select ${orgId}, p.id, r, g.gate,
           case when g.ord = 1 then p.lead
                when ${pick(52)} < 0.003 then (case when g.gate = 'legal' then ${pickFrom(legalBad, pick(53))} else st.unqualified end)
                when g.gate = 'unit_legal' then ${pickFrom('st.unit_legal', pick(53))}
                when g.gate = 'unit_head' then ${pickFrom('st.unit_head', pick(53))}
                when g.gate = 'legal' then ${pickFrom(legal, pick(53))}
                else ${pickFrom(heads, pick(53))} end,
           o.outcome,
           case when g.ord = 1 then jsonb_build_object('kind', p.kind, 'penaltyItemCodes', jsonb_build_array(p.item))
                when o.outcome = 'approve' then '${approve}'::jsonb
                else '${approve}'::jsonb || jsonb_build_object((array[${items}])[why], jsonb_build_object('ok', false, 'note', (array[${reasons}])[why])) end,
           case when o.outcome in ('send_back', 'disagree') then (array[${reasons}])[why] end,
           a.at
    from bench_plan p
    join bench_staff st on st.unit_id = p.unit_id
    cross join lateral generate_series(1, p.rounds) r
    cross join lateral unnest((${GATES})[1:p.ngates]) with ordinality g(gate, ord)
    cross join lateral (select p.t_sub1 + (r - 1) * p.rgap + (g.ord - 1) * p.gate_gap as at) a
    cross join lateral (select 1 + floor(${pick(54)} * ${SEND_BACK_REASONS.length})::int as why) w
    cross join lateral (select case when g.ord = 1 then 'submit'
                                    when r < p.rounds and g.ord = p.stop_ord
                                      then (case when g.gate = 'legal' and ${pick(55)} < 0.15 then 'disagree' else 'send_back' end)
                                    else 'approve' end as outcome) o
    where p.path = 'decide' and not p.stuck and (r = p.rounds or g.ord <= p.stop_ord) and a.at <= ${now}`;
}

function decisionsSql(orgId: number, refs: HistoryRefs, now: string) {
  const word = `case p.kind when 'arrest_request' then '提捕' when 'prosecution_transfer' then '诉'
                  when 'case_revoked' then '撤案' else '行罚决' end`;
  return `insert into decisions (id, org_id, case_id, kind, doc_no, fine_amount, detention_days, confiscation,
      penalty_item_codes, facts, reasoning, decided_at, decided_by, status, status_changed_at)
    select p.id, ${orgId}, p.id, p.kind,
           '渝州公(' || (case when p.ctype = 'admin' then '治' else '刑' end) || ')' || ${word} || '字〔'
             || to_char(p.t_dec at time zone 'Asia/Shanghai', 'YYYY') || '〕' || p.id || '号',
           p.fine, p.detention_days, case when p.kind = 'confiscation' then '违法所得及作案工具' end,
           case when p.no_item then '{}'::text[] else array[p.item] end,
           '经查，' || p.surname || '某某' || p.name_zh || '，事实清楚，证据确实充分。',
           '根据相关法律规定，作出如下决定。',
           p.t_dec, case when p.ctype = 'admin' then p.lead else ${pickFrom(intArray(refs.legal), u('p.id', 56))} end,
           case when p.t_dec + p.revoke_lag <= ${now} then 'revoked' else 'effective' end,
           case when p.t_dec + p.revoke_lag <= ${now} then p.t_dec + p.revoke_lag end
    from bench_plan p where p.path = 'decide' and not p.stuck and p.t_dec <= ${now}
    union all
    select p.id, ${orgId}, p.id, 'not_filed', '渝州公(刑)不立字〔' || to_char(p.t_open at time zone 'Asia/Shanghai', 'YYYY') || '〕' || p.id || '号',
           null, null, null, '{}'::text[], '经审查，没有犯罪事实。', '根据《刑事诉讼法》第一百一十二条，决定不予立案。',
           p.t_open, ${pickFrom(intArray(refs.legal), u('p.id', 56))}, 'effective', null
    from bench_plan p where p.path = 'refuse' and p.ctype = 'criminal' and p.t_open <= ${now}`;
}

function publicationsSql(orgId: number, now: string) {
  return `insert into publications (id, org_id, decision_id, case_id, unit_id, status, clock_rule, due_on, published_at,
      published_by, content, search_text, withdraw_due_on, withdrawn_at, withdraw_reason)
    select p.id, ${orgId}, p.id, p.id, p.unit_id,
           case when w.rev is not null and (w.pub is null or w.wd <= ${now}) then 'withdrawn'
                when w.pub is not null then 'published' else 'pending' end,
           case when p.kind = 'no_penalty' then 'publicity_other' else 'publicity_penalty' end,
           ${cst('p.t_dec')} + case when p.kind = 'no_penalty' then 28 else 9 end,
           w.pub, case when w.pub is not null then ${pickFrom('st.unit_legal', u('p.id', 57))} end,
           case when w.pub is not null then jsonb_build_object('title', p.name_zh || '案行政处罚决定书', 'kind', p.kind,
                                                             'party', p.surname || '某某', 'facts', p.name_zh) end,
           case when w.pub is not null then p.surname || '某某 ' || p.name_zh end,
           case when w.rev is not null and w.pub is not null then ${cst('w.rev')} + 3 end,
           case when w.rev is not null and w.pub is null then w.rev when w.wd <= ${now} then w.wd end,
           case when w.rev is not null then '行政复议撤销原处罚决定' end
    from bench_plan p
    join bench_staff st on st.unit_id = p.unit_id
    cross join lateral (select case when p.t_dec + p.revoke_lag <= ${now} then p.t_dec + p.revoke_lag end as rev) r0
    cross join lateral (select r0.rev,
        case when p.t_dec + p.pub_lag <= ${now} and (r0.rev is null or p.t_dec + p.pub_lag < r0.rev) then p.t_dec + p.pub_lag end as pub,
        r0.rev + p.wd_lag as wd) w
    where p.ctype = 'admin' and p.path = 'decide' and not p.stuck and p.t_dec <= ${now}`;
}

function proceedingsSql(orgId: number, refs: HistoryRefs, now: string): string[] {
  const legal = pickFrom(intArray(refs.legal), u('p.id', 58));
  const served = `p.t_open + p.notice_lag`;
  return [
    // 不予立案通知书 and its service (3 days).
    `insert into proceedings (org_id, case_id, kind, status, started_on, clock_rule, due_on, closed_on, detail, outcome, created_by, created_at)
     select ${orgId}, p.id, 'not_filed_notice', case when ${served} <= ${now} then 'done' else 'open' end,
            ${cst('p.t_open')}, 'not_filed_notice_service', ${cst('p.t_open')} + 3,
            case when ${served} <= ${now} then ${cst(served)} end,
            case when ${served} <= ${now} then jsonb_build_object('notice', true, 'decisionId', p.id, 'servedOn', ${cst(served)})
                 else jsonb_build_object('notice', true, 'decisionId', p.id) end,
            case when ${served} <= ${now} then 'served' end, p.lead, p.t_open
     from bench_plan p where p.path = 'refuse' and p.ctype = 'criminal' and p.t_open <= ${now}`,
    // The complainant's 7-day window for 复议, which most let lapse.
    `insert into proceedings (org_id, case_id, kind, status, started_on, clock_rule, due_on, closed_on, detail, outcome, created_by, created_at)
     select ${orgId}, p.id, 'reconsideration_window', case when ${served} + interval '8 days' <= ${now} then 'done' else 'open' end,
            ${cst(served)}, 'reconsideration_apply', ${cst(served)} + 7,
            case when ${served} + interval '8 days' <= ${now} then ${cst(`${served} + interval '8 days'`)} end, '{}'::jsonb,
            case when ${served} + interval '8 days' <= ${now} then 'lapsed' end, ${legal}, ${served}
     from bench_plan p where p.path = 'refuse' and p.ctype = 'criminal' and ${served} <= ${now}`,
    // Extensions of the administrative case period.
    `insert into proceedings (org_id, case_id, kind, status, started_on, clock_rule, due_on, closed_on, detail, outcome, created_by, created_at)
     select ${orgId}, p.id, 'period_extension', 'done', ${cst("p.t_open + interval '25 days'")}, null, null,
            ${cst("p.t_open + interval '25 days'")}, jsonb_build_object('days', 30, 'reason', '案情复杂，需进一步调查取证'), null,
            p.lead, p.t_open + interval '25 days'
     from bench_plan p where p.extended and p.path = 'decide' and p.t_open + interval '25 days' <= ${now}`,
    // Procuratorate feedback on criminal cases and the replies (30 days).
    `insert into proceedings (org_id, case_id, kind, status, started_on, clock_rule, due_on, closed_on, detail, outcome, created_by, created_at)
     select ${orgId}, p.id, 'procuratorate_feedback', case when f.reply <= ${now} then 'done' else 'open' end,
            ${cst('f.at')}, 'procuratorate_reply', ${cst('f.at')} + 30, case when f.reply <= ${now} then ${cst('f.reply')} end,
            jsonb_build_object('feedbackKind', 'correction', 'content', '请补充完善证据材料。'),
            case when f.reply <= ${now} then 'replied' end, ${legal}, f.at
     from bench_plan p cross join lateral (select p.t_dec + p.feedback_lag as at, p.t_dec + p.feedback_lag + p.reply_lag as reply) f
     where p.path = 'decide' and not p.stuck and f.at <= ${now}`,
  ];
}

function discussionsSql(orgId: number, refs: HistoryRefs, now: string) {
  const head = pickFrom(intArray(refs.branchHeads), u('p.id', 59));
  return `insert into discussions (org_id, case_id, held_at, chair_id, opinions, conclusion, dissent, recorded_by)
    select ${orgId}, p.id, p.t_sub1 - interval '1 day', ${head},
           jsonb_build_array(jsonb_build_object('officerId', ${head}, 'opinion', '事实清楚，证据确实充分，同意呈报意见。'),
                             jsonb_build_object('officerId', p.lead, 'opinion', '同意。')),
           '经集体讨论，同意办案单位意见。', null, ${pickFrom(intArray(refs.legal), u('p.id', 58))}
    from bench_plan p
    where p.major and p.discussed and p.path = 'decide' and not p.stuck and p.t_sub1 - interval '1 day' <= ${now}`;
}

/** About 40 incidents a day checked by the command centre the day after; yesterday's still pending in part. */
function cameraChecksSql(orgId: number, refs: HistoryRefs, now: string, rate: number) {
  const today = cst(now);
  return `insert into camera_checks (org_id, sample_day, incident_id, unit_id, result, note, checked_by, checked_at)
    select ${orgId}, c.day, i.id, i.unit_id, c.result,
           case when c.result = 'not_recorded' then '未开启执法记录仪' when c.result = 'partial' then '视频记录不完整' end,
           case when c.result <> 'pending' then ${pickFrom(intArray(refs.command), u('i.id', 61))} end,
           case when c.result <> 'pending' then (c.day + 1)::timestamp at time zone 'Asia/Shanghai' + ${hours(9, 17, u('i.id', 62))} end
    from incidents i
    cross join lateral (select ${cst('i.received_at')} as day) d
    cross join lateral (select d.day,
        case when d.day = ${today} - 1 and ${u('i.id', 63)} < 0.5 then 'pending'
             when ${u('i.id', 64)} < 0.95 then 'recorded' when ${u('i.id', 64)} < 0.98 then 'not_recorded' else 'partial' end as result) c
    where ${u('i.id', 60)} < ${rate} and i.disposal <> 'pending' and d.day < ${today}`;
}

/** The incident's disposal follows its case: refused → no action, transferred, mediated. */
function disposalSql(now: string) {
  return `update incidents i set disposal = x.disposal, updated_at = x.at, version = i.version + 1
    from (select p.incident_id,
                 case when p.path = 'refuse' then 'no_action' when p.path = 'transfer' then 'transferred' else 'mediated' end as disposal,
                 case when p.path = 'mediate' then p.t_open + p.med_lag else p.t_open end as at
          from bench_plan p where p.path in ('refuse', 'transfer', 'mediate')) x
    where i.id = x.incident_id and x.at <= ${now}`;
}

export async function loadCases(
  db: Queryable,
  orgId: number,
  refs: HistoryRefs,
  now: Date,
  step: (name: string, fn: () => Promise<unknown>) => Promise<void>,
) {
  const n = `'${now.toISOString()}'::timestamptz`;
  await step('case plans', async () => {
    await exec(db, 'drop table if exists bench_plan');
    await exec(db, planSql(n));
    await exec(db, 'analyze bench_plan');
  });
  await step('cases', () => exec(db, casesSql(orgId, n)));
  await step('case parties and evidence', () => loadCaseFiles(db, orgId, n));
  await step('reviews', () => exec(db, reviewsSql(orgId, refs, n)));
  await step('decisions', () => exec(db, decisionsSql(orgId, refs, n)));
  await step('case offences', () =>
    exec(
      db,
      `insert into case_offences (org_id, case_id, penalty_item_code)
       select ${orgId}, p.id, p.item from bench_plan p
       where p.path = 'decide' and not p.no_item and p.t_open <= ${n}`,
    ),
  );
  await step('publications', () => exec(db, publicationsSql(orgId, n)));
  await step('proceedings', async () => {
    for (const s of proceedingsSql(orgId, refs, n)) await exec(db, s);
  });
  await step('discussions', () => exec(db, discussionsSql(orgId, refs, n)));
  await step('camera checks', async () => {
    // The command centre checks 40 of a full-size district's ≈ 820 incidents a day: the same
    // share at every scale.
    await exec(db, cameraChecksSql(orgId, refs, n, 40 / (3_000_000 / (10 * 365.25))));
  });
  await step('incident disposals', () => exec(db, disposalSql(n)));
}
