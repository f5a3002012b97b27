/**
 * 有警无案 / 应立未立: an incident of a category that normally becomes a case (the dictionary's
 * `needs_case`) still has no case N hours after it was received. Disposals that lawfully end
 * an incident here (移送 to the competent organ, 当场调解 of a minor dispute) are exempt; a
 * pending incident past the limit is a problem too (not handled at all).
 */
import { INCIDENT_DISPOSAL_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import {
  both,
  categoryCodes,
  categoryName,
  cstDate,
  GONE,
  inSubjects,
  nameOf,
  type RuleImpl,
  type RuleRun,
  textArray,
  ts,
} from './types.ts';

const codes = (r: RuleRun) => (r.prepared.categories as string[] | undefined) ?? [];

export const incidentWithoutCase: RuleImpl<'incident_without_case'> = {
  kind: 'incident_without_case',
  scope: 'incident',
  sources: ['scan'],
  prepare: async (db, orgId) => ({ categories: await categoryCodes(db, orgId, 'needs_case') }),
  subjects(r) {
    const all = sql`select 'incident'::text as subject_type, i.id as subject_id from incidents i
      where i.org_id = ${r.orgId} and i.category_code = any(${textArray(codes(r))})`;
    if (!r.since) return all;
    // Branches each an index can answer (an OR over them would read the whole table): changed
    // incidents (any category: one reclassified must be re-judged), those whose N hours ran out
    // between the scans, and those whose case was opened (a new case touches updated_at).
    const hours = sql`make_interval(hours => ${r.params.hours}::int)`;
    return sql`select 'incident'::text as subject_type, i.id as subject_id from incidents i
        where i.updated_at >= ${ts(r.since)} and i.org_id = ${r.orgId}
      union all ${all} and i.received_at > ${ts(r.since)} - ${hours} and i.received_at <= ${ts(r.now)} - ${hours}
      union all select 'incident', k.incident_id from cases k
        where k.org_id = ${r.orgId} and k.updated_at >= ${ts(r.since)} and k.incident_id is not null`;
  },
  problems(r, restrict) {
    const { hours, exemptDisposals } = r.params;
    return sql`select 'incident:' || i.id as problem_key, 'incident'::text as subject_type, i.id as subject_id,
        i.id as incident_id, null::bigint as case_id, i.unit_id, i.officer_ids[1] as officer_id,
        ${cstDate(sql`i.received_at`)} as occurred_on,
        jsonb_build_object('incidentNo', i.incident_no, 'category', ${categoryName('zh')},
          'categoryEn', ${categoryName('en')},
          'receivedOn', ${cstDate(sql`i.received_at`)}, 'hours', ${hours}::int, 'disposal', i.disposal) as detail,
        'scan'::text as source
      from incidents i
      where i.org_id = ${r.orgId} and i.category_code = any(${textArray(codes(r))})
        and i.received_at <= ${ts(r.now)} - make_interval(hours => ${hours}::int)
        and i.disposal <> all(${textArray(exemptDisposals)})
        and not exists (select 1 from cases k where k.incident_id = i.id)
        ${inSubjects(restrict, 'incident', sql`i.id`)}`;
  },
  reason(r) {
    const opened = sql`(select min(k.received_at) from cases k where k.incident_id = f.subject_id)`;
    const disposal = sql`(select i.disposal from incidents i where i.id = f.subject_id)`;
    return sql`case
      when ${opened} is not null then ${both(
        sql`'已于 ' || ${cstDate(opened)} || ' 受案立案'`,
        sql`'Case opened on ' || ${cstDate(opened)}`,
      )}
      when ${disposal} = any(${textArray(r.params.exemptDisposals)}) then ${both(
        sql`'处警结果已改为“' || ${nameOf(INCIDENT_DISPOSAL_NAMES, disposal, 'zh')} || '”'`,
        sql`'Disposal changed to: ' || ${nameOf(INCIDENT_DISPOSAL_NAMES, disposal, 'en')}`,
      )}
      else ${GONE} end`;
  },
};
