import { DEFAULT_INCIDENT_CATEGORIES, type IncidentCategoryNode } from '@fazhi/common';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { incidentCategories } from '../../db/schema/index.ts';
import type { Ctx } from '../../http/context.ts';

type CategoryRow = typeof incidentCategories.$inferSelect;

async function categoryRows(db: Queryable, orgId: number): Promise<CategoryRow[]> {
  return db
    .select()
    .from(incidentCategories)
    .where(eq(incidentCategories.orgId, orgId))
    .orderBy(asc(incidentCategories.code));
}

const toNode = (c: CategoryRow): IncidentCategoryNode => ({
  code: c.code,
  parentCode: c.parentCode,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  needsCase: c.needsCase,
  cameraRequired: c.cameraRequired,
  active: c.active,
  children: [],
});

// The dictionary has no order column: the national default order (刑事, 治安, 交通 …) first,
// a branch's own additions after, by code.
const DEFAULT_ORDER = new Map(DEFAULT_INCIDENT_CATEGORIES.map((c, i) => [c.code, i]));
const order = (code: string) => DEFAULT_ORDER.get(code) ?? DEFAULT_ORDER.size;

/** The branch's category dictionary as a tree: categories, each with its sub-categories. */
export async function listCategories(ctx: Ctx): Promise<IncidentCategoryNode[]> {
  const rows = (await categoryRows(ctx.db, ctx.orgId)).sort(
    (a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code),
  );
  const nodes = new Map(rows.map((r) => [r.code, toNode(r)]));
  const roots: IncidentCategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Lookups of the dictionary for validation: by code, and by name for imported files. */
export class CategoryIndex {
  private readonly byCode = new Map<string, CategoryRow>();
  private readonly byName = new Map<string, CategoryRow>();

  constructor(rows: CategoryRow[]) {
    const ambiguous = new Set<string>();
    for (const r of rows) {
      this.byCode.set(r.code.toUpperCase(), r);
      // a name shared by two categories is ambiguous; the code must be used then
      for (const name of [r.nameZh, r.nameEn.toLowerCase()]) {
        if (this.byName.has(name)) ambiguous.add(name);
        this.byName.set(name, r);
      }
    }
    for (const name of ambiguous) this.byName.delete(name);
  }

  static async load(db: Queryable, orgId: number) {
    return new CategoryIndex(await categoryRows(db, orgId));
  }

  /** An active category by its code. */
  code(code: string): CategoryRow | undefined {
    const c = this.byCode.get(code.trim().toUpperCase());
    return c?.active ? c : undefined;
  }

  /** An active category by code, Chinese or English name, or a path such as 刑事/盗窃. */
  find(text: string): CategoryRow | undefined {
    const t = text.trim();
    const hit = this.code(t) ?? this.byName.get(t) ?? this.byName.get(t.toLowerCase());
    if (hit) return hit.active ? hit : undefined;
    const last = t
      .split(/[/>＞／]/)
      .at(-1)
      ?.trim();
    if (last && last !== t) return this.find(last);
    return undefined;
  }
}
