/**
 * 执法记录仪未开启: an incident of a category where the body camera must record (the
 * dictionary's `camera_required`) was disposed with the camera flag off, or never recorded it
 * (after a grace period to fill it in); and every incident the command centre's daily spot
 * check (指挥中心每日抽查) found not, or only partly, recorded — those findings carry the source
 * 'spot_check'. A spot check's verdict overrides the incident's own flag, so one incident makes
 * one finding.
 */
import { sql } from 'drizzle-orm';
import {
  both,
  categoryCodes,
  categoryName,
  cstDate,
  GONE,
  inSubjects,
  type RuleImpl,
  type RuleRun,
  textArray,
  ts,
} from './types.ts';

const codes = (r: RuleRun) => (r.prepared.categories as string[] | undefined) ?? [];

const RESULT_ZH = sql`case cc.result when 'partial' then '未全程记录' else '未开启' end`;

export const cameraNotRecorded: RuleImpl<'camera_not_recorded'> = {
  kind: 'camera_not_recorded',
  scope: 'incident',
  sources: ['scan', 'spot_check'],
  prepare: async (db, orgId) => ({ categories: await categoryCodes(db, orgId, 'camera_required') }),
  subjects(r) {
    if (!r.since)
      return sql`select 'incident'::text as subject_type, i.id as subject_id from incidents i
          where i.org_id = ${r.orgId} and i.category_code = any(${textArray(codes(r))})
        union all
        select 'camera_check'::text, cc.id from camera_checks cc where cc.org_id = ${r.orgId} and cc.result <> 'pending'`;
    // Changed since, or whose grace period ran out since: a disposal touches updated_at, so the
    // incident's updated_at is after since − grace (the incidents_updated index answers it).
    // Spot checks are a few dozen a day: checked since, with their incidents.
    const grace = sql`make_interval(hours => ${r.params.graceHours}::int)`;
    const checked = sql`from camera_checks cc where cc.org_id = ${r.orgId} and cc.checked_at >= ${ts(r.since)}`;
    return sql`select 'incident'::text as subject_type, i.id as subject_id from incidents i
        where i.updated_at > ${ts(r.since)} - ${grace} and i.org_id = ${r.orgId}
      union all select 'incident', cc.incident_id ${checked}
      union all select 'camera_check', cc.id ${checked}`;
  },
  problems(r, restrict) {
    const { graceHours, includeUnknown, spotCheckResults } = r.params;
    const flagged = includeUnknown
      ? sql`(i.camera_recorded is null or not i.camera_recorded)`
      : sql`i.camera_recorded = false`;
    return sql`select 'incident:' || i.id as problem_key, 'incident'::text as subject_type, i.id as subject_id,
        i.id as incident_id, null::bigint as case_id, i.unit_id, i.officer_ids[1] as officer_id,
        ${cstDate(sql`i.received_at`)} as occurred_on,
        jsonb_build_object('incidentNo', i.incident_no, 'category', ${categoryName('zh')},
          'categoryEn', ${categoryName('en')}, 'via', 'incident', 'result', case when i.camera_recorded is null then 'unknown' else 'off' end) as detail,
        'scan'::text as source
      from incidents i
      where i.org_id = ${r.orgId} and i.category_code = any(${textArray(codes(r))}) and i.disposal <> 'pending' and ${flagged}
        and i.disposed_at <= ${ts(r.now)} - make_interval(hours => ${graceHours}::int)
        and not exists (select 1 from camera_checks x where x.incident_id = i.id and x.org_id = i.org_id and x.result <> 'pending')
        ${inSubjects(restrict, 'incident', sql`i.id`)}
      union all
      select 'camera_check:' || cc.id, 'camera_check'::text, cc.id, i.id, null::bigint, cc.unit_id, i.officer_ids[1],
        cc.sample_day,
        jsonb_build_object('incidentNo', i.incident_no, 'category', ${categoryName('zh')},
          'categoryEn', ${categoryName('en')}, 'via', 'spot_check', 'result', cc.result, 'checkedOn', ${cstDate(sql`cc.checked_at`)},
          'messageZh', '警情 ' || i.incident_no || ' 经指挥中心抽查，处警时执法记录仪' || ${RESULT_ZH},
          'messageEn', 'Incident ' || i.incident_no || ': the spot check found the body camera '
            || case cc.result when 'partial' then 'only partly recording' else 'not recording' end),
        'spot_check'::text
      from camera_checks cc
      join incidents i on i.id = cc.incident_id
      where cc.org_id = ${r.orgId} and i.category_code = any(${textArray(codes(r))}) and cc.result = any(${textArray(spotCheckResults)})
        ${inSubjects(restrict, 'camera_check', sql`cc.id`)}`;
  },
  reason() {
    const flag = sql`(select i.camera_recorded from incidents i where i.id = f.subject_id)`;
    const checked = sql`(select x.result from camera_checks x where x.incident_id = f.subject_id and x.result <> 'pending' limit 1)`;
    const result = sql`(select x.result from camera_checks x where x.id = f.subject_id)`;
    return sql`case
      when f.subject_type = 'incident' and ${checked} is not null then ${both(
        sql`'以指挥中心抽查结果为准'`,
        sql`'Superseded by the command centre''s spot check'`,
      )}
      when f.subject_type = 'incident' and ${flag} then ${both(sql`'已登记执法记录仪记录'`, sql`'Camera record registered'`)}
      when f.subject_type = 'camera_check' then ${both(
        sql`'抽查结果已更正为“' || case ${result} when 'recorded' then '已记录' when 'partial' then '部分记录' when 'not_recorded' then '未记录' else '待抽查' end || '”'`,
        sql`'Spot-check result corrected to ' || ${result}`,
      )}
      else ${GONE} end`;
  },
};
