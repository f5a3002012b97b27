/**
 * Rule parameters the report quotes (公示时限 7 / 20 个工作日, 指挥中心每日抽查 40 起), read from
 * where Fazhi keeps the rule instead of being submitted: the value is the parameter in effect at
 * the period's end, and the records list the one rule or setting row it was read from. The value
 * query reads that same row, so the figure and its source cannot differ.
 *
 * - A statutory clock (legal_rules, national, versioned by effective date): the latest version
 *   whose effective_from is not after the period's last day.
 * - The body-camera sample size (settings 'supervision', per branch, not versioned): the audit
 *   trail keeps every change with its before and after, so the value at the period's end is the
 *   after of the last change before it, else the before of the first change after it, else the
 *   stored setting (the default when never set).
 */
import { DEFAULT_SUPERVISION_SETTINGS } from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, col } from './types.ts';

const RULE_COLUMNS = [
  col('code', '规则编号', 'Rule code'),
  col('name', '规则名称', 'Rule'),
  col('value', '参数值', 'Value'),
  col('unit', '单位', 'Unit'),
  col('effective_from', '生效日期', 'Effective from'),
  col('basis', '依据', 'Legal basis / source'),
];

/** The version of a statutory clock in force on the period's last day. */
function legalRuleRows(code: string) {
  return (_orgId: number, p: PeriodRange): SQL => sql`
    select r.id, r.effective_from as at, r.code, r.name_zh as name, r.amount as value,
           case r.unit when 'working_days' then '工作日' when 'calendar_days' then '日'
                       when 'hours' then '小时' when 'months' then '个月' else r.unit end as unit,
           r.effective_from::text as effective_from,
           r.citation || case when r.unconfirmed then '（待核实）' else '' end as basis
    from legal_rules r
    where r.code = ${code} and r.effective_from < ${p.toDate}::date
    order by r.effective_from desc
    limit 1`;
}

const SAMPLE_KEY = 'cameraSampleSize';

/** The branch's daily body-camera sample size in effect at the period's end (see above). */
function cameraSampleRows(orgId: number, p: PeriodRange): SQL {
  return sql`
    with changes as (
      select a.id, a.at,
             (a.summary -> 'before' ->> ${SAMPLE_KEY})::int as before_n,
             (a.summary -> 'after' ->> ${SAMPLE_KEY})::int as after_n
      from audit_log a
      -- target first: the audit_target index finds the settings' few changes among all records
      where a.target_type = 'settings' and a.target_id = 'supervision' and a.org_id = ${orgId}
        and a.action = 'settings.supervision.update' and a.outcome = 'success'
        and a.summary -> 'after' -> ${SAMPLE_KEY} is not null
    ),
    last_before as (
      select * from changes where at < ${p.to}::timestamptz order by at desc, id desc limit 1
    ),
    first_after as (
      select * from changes where at >= ${p.to}::timestamptz order by at, id limit 1
    ),
    stored as (
      select (s.value ->> ${SAMPLE_KEY})::int as n from settings s
      where s.org_id = ${orgId} and s.key = 'supervision' and jsonb_typeof(s.value -> ${SAMPLE_KEY}) = 'number'
    )
    select 'audit-' || lb.id as id, lb.at, 'supervision.cameraSampleSize' as code,
           '指挥中心每日执法记录仪抽查警情数' as name, lb.after_n as value, '起/日' as unit,
           to_char(lb.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as effective_from,
           '督察设置（监督设置修改，审计记录 #' || lb.id || '）' as basis
    from last_before lb
    union all
    select 'audit-' || fa.id, ${p.to}::timestamptz, 'supervision.cameraSampleSize',
           '指挥中心每日执法记录仪抽查警情数', fa.before_n, '起/日', null,
           '督察设置（其后修改前的值，审计记录 #' || fa.id || '）'
    from first_after fa where not exists (select 1 from last_before)
    union all
    select 'settings-supervision', ${p.to}::timestamptz, 'supervision.cameraSampleSize',
           '指挥中心每日执法记录仪抽查警情数',
           coalesce((select n from stored), ${DEFAULT_SUPERVISION_SETTINGS.cameraSampleSize}::int), '起/日', null,
           case when exists (select 1 from stored) then '督察设置（当前值）' else '督察设置（系统默认值）' end
    where not exists (select 1 from last_before) and not exists (select 1 from first_after)`;
}

/** A parameter metric: its value is the `value` column of its one source row. */
function parameter(id: string, rows: (orgId: number, p: PeriodRange) => SQL): ComputedMetric {
  return {
    id,
    columns: RULE_COLUMNS,
    rows,
    value: (orgId, p) => sql`select r.value as n from (${rows(orgId, p)}) r`,
  };
}

export const RULE_METRICS: ComputedMetric[] = [
  parameter('publicity.deadline_permit_penalty_workdays', legalRuleRows('publicity_penalty')),
  parameter('publicity.deadline_other_workdays', legalRuleRows('publicity_other')),
  parameter('supervision.camera_daily_sample_size', cameraSampleRows),
];
