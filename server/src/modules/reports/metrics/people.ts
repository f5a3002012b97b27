/**
 * Stock metrics of officers, 执法资格 and units, as of the period's end. Officers are police officers
 * (民警) only: auxiliary police, civilian staff and the stationed lawyer have accounts, but count
 * in none of these figures (a lawyer's 法律职业资格 is not an officer's). An officer is in service at
 * the period's end when they joined before it (or the date is unknown) and had not left by then
 * (left_on, set when an account is deactivated); an officer with no leaving date counts only while
 * active. Qualifications and 法制员 appointments count only when obtained before the period ended.
 * Each officer counts in their unit (today's: transfers keep no history).
 */
import { QUALIFICATION_NAMES, UNIT_KIND_NAMES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import type { PeriodRange } from './period.ts';
import { type ComputedMetric, col } from './types.ts';

const OFFICER_COLUMNS = [
  col('badge_no', '警号', 'Badge no.'),
  col('name', '姓名', 'Name'),
  col('unit', '单位', 'Unit'),
  col('qualification', '执法资格', 'Qualification', QUALIFICATION_NAMES),
  col('qualified_on', '取得日期', 'Obtained on'),
];

/** In service at the period's end (the day after its last day, exclusive). */
const inService = (p: PeriodRange) => sql`(o.joined_on is null or o.joined_on < ${p.toDate}::date)
  and (o.left_on is null or o.left_on >= ${p.toDate}::date) and (o.left_on is not null or o.active)`;

function officerRows(where: (p: PeriodRange) => ReturnType<typeof sql>) {
  return (orgId: number, p: PeriodRange) => sql`
    select o.id, o.badge_no as at, o.badge_no, o.name, u.name as unit, o.qualification_level as qualification,
           o.qualification_date::text as qualified_on, o.unit_id
    from officers o left join units u on u.id = o.unit_id
    where o.org_id = ${orgId} and o.personnel_kind = 'police' and ${inService(p)} and ${where(p)}`;
}

const qualified = (levels: string[]) => (p: PeriodRange) =>
  sql`o.qualification_level in (${sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  )}) and (o.qualification_date is null or o.qualification_date < ${p.toDate}::date)`;

export const PEOPLE_METRICS: ComputedMetric[] = [
  { id: 'officers.total', columns: OFFICER_COLUMNS, byUnit: true, rows: officerRows(() => sql`true`) },
  {
    id: 'qualification.basic_passed',
    columns: OFFICER_COLUMNS,
    byUnit: true,
    rows: officerRows(qualified(['basic', 'intermediate', 'advanced'])),
  },
  {
    id: 'qualification.intermediate_passed',
    columns: OFFICER_COLUMNS,
    byUnit: true,
    rows: officerRows(qualified(['intermediate', 'advanced'])),
  },
  {
    id: 'qualification.advanced_passed',
    columns: OFFICER_COLUMNS,
    byUnit: true,
    rows: officerRows(qualified(['advanced'])),
  },
  {
    id: 'qualification.legal_profession_passed',
    columns: OFFICER_COLUMNS,
    byUnit: true,
    rows: officerRows(() => sql`o.legal_profession_qualified`),
  },
  {
    id: 'officers.unit_legal_officers',
    columns: OFFICER_COLUMNS,
    byUnit: true,
    rows: officerRows(
      (p) =>
        sql`o.legal_officer and (o.legal_officer_since is null or o.legal_officer_since < ${p.toDate}::date)`,
    ),
  },
  {
    id: 'units.case_handling_units',
    columns: [
      col('code', '单位代码', 'Code'),
      col('name', '单位名称', 'Name'),
      col('kind', '类别', 'Kind', UNIT_KIND_NAMES),
    ],
    byUnit: true,
    rows: (orgId) => sql`
      select un.id, un.sort_order as at, un.code, un.name, un.kind, un.id as unit_id
      from units un where un.org_id = ${orgId} and un.case_handling and un.active`,
  },
];
