/**
 * The records audit events act on, by the names people know them by: an officer by name and
 * username, a case by its number, a unit by its name … The log keeps only the target's type and
 * id (the record may change or go); the list and the export look the names up for the page shown.
 */
import {
  type AuditTargetType,
  AWARD_KIND_NAMES,
  type AwardKind,
  auditTargetTypeName,
  type Bilingual,
  type Locale,
  say,
} from '@fazhi/common';
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/index.ts';

interface Target {
  targetType: string | null;
  targetId: string | null;
}

type Lookup = (orgId: number, ids: SQL, en: boolean) => SQL;

/** The name of each kind of target from its table: rows of (id text, name text). */
const LOOKUPS: Partial<Record<AuditTargetType, Lookup>> = {
  officer: (org, ids) => sql`select id::text as id, name || ' (' || username || ')' as name
    from officers where org_id = ${org} and id::text in ${ids}`,
  unit: (org, ids) =>
    sql`select id::text as id, name from units where org_id = ${org} and id::text in ${ids}`,
  role: (org, ids, en) => sql`select code as id, ${en ? sql`name_en` : sql`name_zh`} as name
    from roles where org_id = ${org} and code in ${ids}`,
  legalRule: (_org, ids, en) => sql`select distinct on (code) code as id,
    ${en ? sql`name_en` : sql`name_zh`} as name from legal_rules where code in ${ids}
    order by code, effective_from desc`,
  incident: (org, ids) => sql`select id::text as id, incident_no as name
    from incidents where org_id = ${org} and id::text in ${ids}`,
  case: (org, ids) => sql`select id::text as id, case_no as name
    from cases where org_id = ${org} and id::text in ${ids}`,
  offline_report: (org, ids) => sql`select id::text as id, title as name
    from offline_reports where org_id = ${org} and id::text in ${ids}`,
  publication: (org, ids) => sql`select p.id::text as id, d.doc_no as name
    from publications p join decisions d on d.id = p.decision_id
    where p.org_id = ${org} and p.id::text in ${ids}`,
  finding: (org, ids, en) => sql`select f.id::text as id,
    concat_ws(' ', (select ${en ? sql`r.name_en` : sql`r.name_zh`} from supervision_rules r
                    where r.org_id = f.org_id and r.code = f.rule_code order by r.id desc limit 1),
              coalesce(c.case_no, i.incident_no)) as name
    from supervision_findings f left join cases c on c.id = f.case_id
    left join incidents i on i.id = f.incident_id
    where f.org_id = ${org} and f.id::text in ${ids}`,
  supervision_rule: (org, ids, en) => sql`select distinct on (code) code as id,
    ${en ? sql`name_en` : sql`name_zh`} as name from supervision_rules
    where org_id = ${org} and code in ${ids} order by code, id desc`,
  supervision_document: (org, ids) => sql`select id::text as id, doc_no as name
    from supervision_documents where org_id = ${org} and id::text in ${ids}`,
  committee_meeting: (org, ids) => sql`select id::text as id, held_on::text || ' ' || title as name
    from committee_meetings where org_id = ${org} and id::text in ${ids}`,
  camera_check: (org, ids) => sql`select k.id::text as id, i.incident_no as name
    from camera_checks k join incidents i on i.id = k.incident_id
    where k.org_id = ${org} and k.id::text in ${ids}`,
  callback: (org, ids) => sql`select b.id::text as id, i.incident_no as name
    from callbacks b join incidents i on i.id = b.incident_id
    where b.org_id = ${org} and b.id::text in ${ids}`,
  evaluation_round: (org, ids, en) => sql`select id::text as id,
    ${en ? sql`year || ' Q' || quarter` : sql`year || ' 年第 ' || quarter || ' 季度'`} as name
    from evaluation_rounds where org_id = ${org} and id::text in ${ids}`,
  evaluation_sample: (org, ids) => sql`select s.id::text as id, c.case_no as name
    from evaluation_samples s join cases c on c.id = s.case_id
    where s.org_id = ${org} and s.id::text in ${ids}`,
  evaluation_rubric: (org, ids) => sql`select id::text as id, name
    from evaluation_rubrics where org_id = ${org} and id::text in ${ids}`,
  self_inspection: (org, ids) => sql`select s.id::text as id, u.name || ' ' || s.period as name
    from self_inspections s join units u on u.id = s.unit_id
    where s.org_id = ${org} and s.id::text in ${ids}`,
  annual_report: (org, ids, en) => sql`select id::text as id,
    ${en ? sql`year || ' annual report'` : sql`year || ' 年度报告'`} as name
    from annual_reports where org_id = ${org} and id::text in ${ids}`,
  collection_round: (org, ids) => sql`select id::text as id, title as name
    from collection_rounds where org_id = ${org} and id::text in ${ids}`,
  submission: (org, ids) => sql`select s.id::text as id, r.title || ' · ' || u.name as name
    from submissions s join collection_rounds r on r.id = s.round_id join units u on u.id = s.unit_id
    where s.org_id = ${org} and s.id::text in ${ids}`,
};

/** Awards read as "2021 执法质量优秀单位 城关派出所": the kind's name needs the code table. */
async function awardNames(db: Queryable, org: number, ids: SQL, locale: Locale) {
  const list = await rows<{ id: string; year: number; kind: string; who: string }>(
    db,
    sql`select a.id::text as id, a.year, a.kind, coalesce(o.name, u.name) as who
      from evaluation_awards a join units u on u.id = a.unit_id left join officers o on o.id = a.officer_id
      where a.org_id = ${org} and a.id::text in ${ids}`,
  );
  return list.map((a) => {
    const kind = AWARD_KIND_NAMES[a.kind as AwardKind];
    return { id: a.id, name: [a.year, kind ? say(kind, locale) : null, a.who].filter(Boolean).join(' ') };
  });
}

/** Targets whose id is itself readable (a year, a day) or names a setting page. */
const SETTINGS: Record<string, Bilingual> = {
  security: { zh: '安全策略', en: 'Security policy' },
  supervision: { zh: '监督参数', en: 'Supervision settings' },
};
function ownName(type: string, id: string, locale: Locale): string | null {
  if (type === 'settings') return SETTINGS[id] ? say(SETTINGS[id], locale) : null;
  if (type === 'calendar' || type === 'evaluation_awards') return locale === 'en-US' ? id : `${id} 年`;
  if (type === 'camera_sample' || type === 'callback_tasks') return id;
  return null;
}

const key = (type: string, id: string) => `${type}:${id}`;

/**
 * The readable names of the targets of a page of records, keyed `type:id`, in one query per kind
 * of target. A target whose record is gone has no name (the page shows its kind and id).
 */
export async function targetNames(
  db: Queryable,
  orgId: number,
  records: readonly Target[],
  locale: Locale,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byType = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.targetType || r.targetId === null) continue;
    const own = ownName(r.targetType, r.targetId, locale);
    if (own !== null) names.set(key(r.targetType, r.targetId), own);
    else byType.set(r.targetType, (byType.get(r.targetType) ?? new Set()).add(r.targetId));
  }
  const en = locale === 'en-US';
  for (const [type, idSet] of byType) {
    const ids = sql`(${sql.join(
      [...idSet].map((id) => sql`${id}`),
      sql`, `,
    )})`;
    const lookup = LOOKUPS[type as AuditTargetType];
    const found =
      type === 'evaluation_award'
        ? await awardNames(db, orgId, ids, locale)
        : lookup
          ? await rows<{ id: string; name: string | null }>(db, lookup(orgId, ids, en))
          : [];
    for (const f of found) if (f.name) names.set(key(type, f.id), f.name);
  }
  return names;
}

/** The looked-up name of a record's target, if it has one. */
export const nameOf = (names: Map<string, string>, r: Target): string | null =>
  (r.targetType && r.targetId !== null && names.get(key(r.targetType, r.targetId))) || null;

/** "人员 张三 (u500004)": the target's kind and name, or its kind and id when it has no name. */
export function targetLabel(r: Target & { targetName: string | null }, locale: Locale): string | null {
  if (!r.targetType) return null;
  const kind = say(auditTargetTypeName(r.targetType), locale);
  const name = r.targetName ?? r.targetId;
  return name === null ? kind : `${kind} ${name}`;
}
