/**
 * SQL helpers of the supervision benchmark's history generator, and the branch facts it reads
 * (units, staff, categories) from the demo branch that `seedDemo(db, {history: false})` made.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../server/src/db/index.ts';

export const exec = (db: Queryable, text: string) => db.execute(sql.raw(text));
export const rawRows = <T>(db: Queryable, text: string) => rows<T>(db, sql.raw(text));
export async function one<T>(db: Queryable, text: string): Promise<T> {
  const [row] = await rawRows<T>(db, text);
  if (!row) throw new Error(`no row: ${text.slice(0, 80)}`);
  return row;
}

/**
 * A uniform number in [0, 1) drawn from a row key and a stream number: deterministic and
 * stateless, so a bulk insert can draw many independent choices per row without random().
 */
export const u = (key: string, stream: number) =>
  `((hashint8extended((${key})::bigint, ${stream}) & 1073741823)::float8 / 1073741824.0)`;

/** `pool[…]` picked by a uniform draw: `pool` is a SQL int[] expression or literal. */
export const pickFrom = (pool: string, draw: string) =>
  `(${pool})[1 + floor((${draw}) * cardinality(${pool}))::int]`;

export const intArray = (xs: number[]) => `array[${xs.join(',')}]::int[]`;

export interface HandlingUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  /** Officers who lead cases. */
  leads: number[];
  unitLegal: number[];
  unitHead: number[];
  /** An officer without enforcement qualification (新警, not yet certified) who now and then signs a gate. */
  unqualified: number;
}

export interface HistoryRefs {
  categories: Map<string, { needsCase: boolean; cameraRequired: boolean; nameZh: string }>;
  units: { id: number; code: string; name: string; kind: string }[];
  handling: HandlingUnit[];
  /** Legal-detachment reviewers qualified for the legal gate (intermediate or above), and not. */
  legal: number[];
  legalUnqualified: number[];
  branchHeads: number[];
  command: number[];
}

interface OfficerRow {
  id: number;
  unit_id: number;
  level: string | null;
  roles: string[];
}

/**
 * Reads the branch. Besides the qualification dates, two facts are set up for the rules to find: one plain officer per
 * case-handling unit loses his qualification (he signs a gate now and then: 审核人员不具备资格),
 * and the legal detachment keeps at least one officer below the legal gate's floor.
 */
export async function loadRefs(db: Queryable, orgId: number, historyStart: Date): Promise<HistoryRefs> {
  // The demo officers qualified between 2012 and 2021; a history going back ten years needs its
  // reviewers qualified before it began, or every earlier act would count as unqualified.
  const before = new Date(historyStart.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  await exec(
    db,
    `update officers set qualification_date = least(qualification_date, '${before}'::date)
     where org_id = ${orgId} and qualification_level is not null`,
  );
  const cats = await rawRows<{
    code: string;
    needs_case: boolean;
    camera_required: boolean;
    name_zh: string;
  }>(
    db,
    `select code, needs_case, camera_required, name_zh from incident_categories where org_id = ${orgId} and active`,
  );
  const units = await rawRows<{
    id: number;
    code: string;
    name: string;
    kind: string;
    case_handling: boolean;
  }>(db, `select id, code, name, kind, case_handling from units where org_id = ${orgId} order by code`);
  const officers = async () =>
    rawRows<OfficerRow>(
      db,
      `select o.id, o.unit_id, o.qualification_level as level,
              coalesce(array_agg(r.role_code) filter (where r.role_code is not null), '{}') as roles
       from officers o left join officer_roles r on r.officer_id = o.id
       where o.org_id = ${orgId} and o.active group by o.id order by o.id`,
    );
  let all = await officers();
  const byUnit = (unitId: number, role: string) =>
    all.filter((o) => o.unit_id === unitId && o.roles.includes(role)).map((o) => Number(o.id));
  const handlingUnits = units.filter((x) => x.case_handling);
  const unqualified: number[] = [];
  for (const h of handlingUnits) {
    const plain = byUnit(Number(h.id), 'officer');
    if (plain.length > 1) unqualified.push(plain[plain.length - 1]!);
  }
  if (unqualified.length)
    await exec(
      db,
      `update officers set qualification_level = null, qualification_date = null where id in (${unqualified.join(',')})`,
    );
  const fz = units.find((x) => x.code === 'DET-FZ');
  const legalIds = fz ? byUnit(Number(fz.id), 'legal') : [];
  const below = all.filter(
    (o) => legalIds.includes(Number(o.id)) && (o.level === 'basic' || o.level === null),
  );
  if (below.length === 0 && legalIds.length > 1)
    await exec(
      db,
      `update officers set qualification_level = 'basic' where id = ${legalIds[legalIds.length - 1]}`,
    );
  all = await officers();
  const levelOf = new Map(all.map((o) => [Number(o.id), o.level]));
  const handling: HandlingUnit[] = handlingUnits.map((h) => {
    const id = Number(h.id);
    const unq = unqualified.find((o) => all.find((x) => Number(x.id) === o)?.unit_id === id);
    const leads = byUnit(id, 'officer').filter((o) => o !== unq);
    const unitLegal = byUnit(id, 'unit_legal');
    const unitHead = byUnit(id, 'unit_head');
    const anyone = all.filter((o) => o.unit_id === id).map((o) => Number(o.id));
    return {
      id,
      code: h.code,
      name: h.name,
      kind: h.kind,
      leads: leads.length ? leads : anyone,
      unitLegal: unitLegal.length ? unitLegal : unitHead.length ? unitHead : anyone,
      unitHead: unitHead.length ? unitHead : unitLegal.length ? unitLegal : anyone,
      unqualified: unq ?? anyone[anyone.length - 1]!,
    };
  });
  const role = (r: string) => all.filter((o) => o.roles.includes(r)).map((o) => Number(o.id));
  const qualifiedLegal = legalIds.filter((o) => ['intermediate', 'advanced'].includes(levelOf.get(o) ?? ''));
  return {
    categories: new Map(
      cats.map((c) => [
        c.code,
        { needsCase: c.needs_case, cameraRequired: c.camera_required, nameZh: c.name_zh },
      ]),
    ),
    units: units.map((x) => ({ id: Number(x.id), code: x.code, name: x.name, kind: x.kind })),
    handling,
    legal: qualifiedLegal,
    legalUnqualified: legalIds.filter((o) => !qualifiedLegal.includes(o)),
    branchHeads: role('branch_head'),
    command: role('command'),
  };
}
