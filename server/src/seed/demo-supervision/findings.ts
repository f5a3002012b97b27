/**
 * The demo's findings: the full scan run over the demo history, as the daily scans would have
 * found it over the years (each finding raised the day after its problem arose). The history
 * never produces some problems by itself — the workflow refuses a major case without discussion
 * or a penalty without its item, and every solved criminal case is handled in the centre — so a
 * few records per year (and the latest ones, so the current month shows them too) are altered
 * first into such problems, as an inspection of a real branch would find.
 */
import { chinaToday } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { scanOn } from '../../modules/supervision/scan.service.ts';

/** One record per year and the latest one, chosen deterministically from `candidates`. */
const perYearAndLatest = (candidates: ReturnType<typeof sql>, at: string) => sql`
  select id from (select distinct on (date_part('year', ${sql.raw(at)})) id from (${candidates}) c
                  order by date_part('year', ${sql.raw(at)}), id) y
  union select id from (select id from (${candidates}) c order by ${sql.raw(at)} desc, id desc limit 1) l`;

async function plantProblems(tx: Queryable, orgId: number) {
  // 决定未关联处罚事项: penalty decisions entered without their penalty item.
  const penalties = sql`select dd.id, dd.decided_at from decisions dd
    where dd.org_id = ${orgId} and dd.kind in ('fine', 'warning') and cardinality(dd.penalty_item_codes) > 0`;
  await tx.execute(
    sql`update decisions set penalty_item_codes = '{}' where id in (${perYearAndLatest(penalties, 'decided_at')})`,
  );
  // 重大案件未集体讨论: heavy penalties on cases later marked major, with no discussion on record.
  const heavy = sql`select k.id, dd.decided_at from decisions dd join cases k on k.id = dd.case_id
    where dd.org_id = ${orgId} and dd.kind in ('detention', 'fine') and not k.major
      and not exists (select 1 from discussions x where x.case_id = k.id)
      and cardinality(dd.penalty_item_codes) > 0`;
  await tx.execute(sql`update cases set major = true where id in (${perYearAndLatest(heavy, 'decided_at')})`);
  // 未在执法办案管理中心办理: criminal cases with a suspect handled outside the centre.
  const criminal = sql`select k.id, k.received_at from cases k
    where k.org_id = ${orgId} and k.case_type = 'criminal' and k.in_centre
      and k.status not in ('not_accepted', 'not_filed', 'transferred')
      and exists (select 1 from case_parties cp where cp.case_id = k.id and cp.role = 'suspect')`;
  await tx.execute(
    sql`update cases set in_centre = false where id in (${perYearAndLatest(criminal, 'received_at')})`,
  );
  // 审核人员不具备相应执法资格: legal-gate approvals by a detachment officer of basic level.
  const approvals = sql`select rv.id, rv.acted_at from reviews rv
    where rv.org_id = ${orgId} and rv.gate = 'legal' and rv.outcome = 'approve'`;
  await tx.execute(
    sql`update reviews set reviewer_id = b.id
        from (select o.id from officers o join units u on u.id = o.unit_id
              where o.org_id = ${orgId} and u.code = 'DET-FZ' and o.qualification_level = 'basic'
                and o.qualification_date < '2021-01-01' order by o.id limit 1) b
        where reviews.id in (${perYearAndLatest(approvals, 'acted_at')})`,
  );
}

export async function seedDemoFindings(tx: Queryable, orgId: number): Promise<void> {
  await plantProblems(tx, orgId);
  const now = new Date();
  const counts = await scanOn(tx, orgId, { mode: 'full', now, raisedAt: 'occurrence', countExamined: false });
  // Today's scheduled scan is this one: the daily job finds the day done and the next day's
  // scan is incremental from here.
  await tx.execute(
    sql`insert into supervision_scans (org_id, trigger, mode, scheduled_for, status, started_at, finished_at, counts, progress)
        values (${orgId}, 'schedule', 'full', ${chinaToday(now)}::date, 'done', ${now.toISOString()}::timestamptz,
          ${now.toISOString()}::timestamptz, ${JSON.stringify(counts)}::jsonb, 1)`,
  );
}
