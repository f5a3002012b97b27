/**
 * The rows of a per-unit statistics table: every active case-handling unit in the unit tree's
 * order, then any other unit some count fell to, then the records of no unit — so the rows always
 * add up to the branch's figure.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../../db/index.ts';

export interface TableUnit {
  unitId: number | null;
  name: string;
}

export const NO_UNIT = { 'zh-CN': '未指定单位', 'en-US': 'No unit' } as const;

export async function tableUnits(
  db: Queryable,
  orgId: number,
  counted: Iterable<number | null>,
  noUnitName: string,
): Promise<TableUnit[]> {
  const all = new Set(counted);
  const extra = [...all].filter((id): id is number => id !== null);
  const list = await rows<{ id: number; name: string }>(
    db,
    sql`select id, name from units
        where org_id = ${orgId} and ((case_handling and active)
          ${
            extra.length
              ? sql`or id in (${sql.join(
                  extra.map((id) => sql`${id}`),
                  sql`, `,
                )})`
              : sql``
          })
        order by path, sort_order, id`,
  );
  const out: TableUnit[] = list.map((u) => ({ unitId: Number(u.id), name: u.name }));
  if (all.has(null)) out.push({ unitId: null, name: noUnitName });
  return out;
}
