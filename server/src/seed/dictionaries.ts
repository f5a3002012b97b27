import { BUILT_IN_ROLES, DEFAULT_INCIDENT_CATEGORIES, LEGAL_RULES, needsSecondFactor } from '@fazhi/common';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/index.ts';
import { incidentCategories, legalRules, orgs, penaltyItems, roles } from '../db/schema/index.ts';

/**
 * The starting penalty-item dictionary: the offences the demo branch meets most, with their
 * legal basis. Article numbers are those of 治安管理处罚法 (2012 text) and 刑法; the revised
 * 治安管理处罚法 (in force 2026-01-01) renumbers them, so branches maintain this list.
 */
export const PENALTY_ITEMS = [
  {
    code: 'ZA-43-1',
    caseType: 'admin',
    name: '殴打他人',
    law: '治安管理处罚法',
    article: '第四十三条第一款',
    penalties: ['warning', 'fine', 'detention'],
  },
  {
    code: 'ZA-26',
    caseType: 'admin',
    name: '寻衅滋事',
    law: '治安管理处罚法',
    article: '第二十六条',
    penalties: ['fine', 'detention'],
  },
  {
    code: 'ZA-49',
    caseType: 'admin',
    name: '盗窃',
    law: '治安管理处罚法',
    article: '第四十九条',
    penalties: ['fine', 'detention'],
  },
  {
    code: 'ZA-49-ZP',
    caseType: 'admin',
    name: '诈骗',
    law: '治安管理处罚法',
    article: '第四十九条',
    penalties: ['fine', 'detention'],
  },
  {
    code: 'ZA-70',
    caseType: 'admin',
    name: '赌博',
    law: '治安管理处罚法',
    article: '第七十条',
    penalties: ['warning', 'fine', 'detention', 'confiscation'],
  },
  {
    code: 'ZA-72-3',
    caseType: 'admin',
    name: '吸食毒品',
    law: '治安管理处罚法',
    article: '第七十二条第三项',
    penalties: ['fine', 'detention'],
  },
  {
    code: 'ZA-23',
    caseType: 'admin',
    name: '扰乱单位秩序',
    law: '治安管理处罚法',
    article: '第二十三条',
    penalties: ['warning', 'fine', 'detention'],
  },
  {
    code: 'ZA-66',
    caseType: 'admin',
    name: '卖淫、嫖娼',
    law: '治安管理处罚法',
    article: '第六十六条',
    penalties: ['fine', 'detention'],
  },
  {
    code: 'ZA-42',
    caseType: 'admin',
    name: '威胁他人人身安全',
    law: '治安管理处罚法',
    article: '第四十二条',
    penalties: ['warning', 'fine', 'detention'],
  },
  {
    code: 'ZA-50',
    caseType: 'admin',
    name: '拒不执行紧急状态决定、命令',
    law: '治安管理处罚法',
    article: '第五十条',
    penalties: ['warning', 'fine', 'detention'],
  },
  {
    code: 'XF-264',
    caseType: 'criminal',
    name: '盗窃罪',
    law: '刑法',
    article: '第二百六十四条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-266',
    caseType: 'criminal',
    name: '诈骗罪',
    law: '刑法',
    article: '第二百六十六条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-234',
    caseType: 'criminal',
    name: '故意伤害罪',
    law: '刑法',
    article: '第二百三十四条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-263',
    caseType: 'criminal',
    name: '抢劫罪',
    law: '刑法',
    article: '第二百六十三条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-293',
    caseType: 'criminal',
    name: '寻衅滋事罪',
    law: '刑法',
    article: '第二百九十三条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-303',
    caseType: 'criminal',
    name: '赌博罪',
    law: '刑法',
    article: '第三百零三条',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-133-1',
    caseType: 'criminal',
    name: '危险驾驶罪',
    law: '刑法',
    article: '第一百三十三条之一',
    penalties: ['prosecution_transfer', 'case_revoked'],
  },
  {
    code: 'XF-287-2',
    caseType: 'criminal',
    name: '帮助信息网络犯罪活动罪',
    law: '刑法',
    article: '第二百八十七条之二',
    penalties: ['arrest_request', 'prosecution_transfer', 'case_revoked'],
  },
] as const;

/** Dictionaries a new branch starts with; existing rows are kept (branches edit them). */
export async function seedOrgDictionaries(db: Queryable, orgId: number) {
  await db
    .insert(incidentCategories)
    .values(DEFAULT_INCIDENT_CATEGORIES.map((c) => ({ ...c, orgId })))
    .onConflictDoNothing();
  await db
    .insert(penaltyItems)
    .values(PENALTY_ITEMS.map((p) => ({ ...p, penalties: [...p.penalties], orgId })))
    .onConflictDoNothing();
}

export async function seedLegalRules(db: Queryable) {
  await db
    .insert(legalRules)
    .values(
      LEGAL_RULES.map((r) => ({ ...r, custody: r.custody ?? false, unconfirmed: r.unconfirmed ?? false })),
    )
    .onConflictDoNothing();
}

/**
 * Built-in roles gain the permissions later modules add (a branch's own additions stay), and
 * require a second factor when their permissions ask for one (needsSecondFactor).
 */
export async function syncBuiltInRolePermissions(db: Queryable) {
  for (const org of await db.select({ id: orgs.id }).from(orgs)) {
    for (const def of BUILT_IN_ROLES) {
      const [row] = await db
        .select()
        .from(roles)
        .where(and(eq(roles.orgId, org.id), eq(roles.code, def.code)));
      if (!row) continue;
      const merged = [...new Set([...row.permissions, ...def.permissions])];
      await db
        .update(roles)
        .set({ permissions: merged, requiresTotp: row.requiresTotp || needsSecondFactor(merged) })
        .where(and(eq(roles.orgId, org.id), eq(roles.code, def.code)));
    }
  }
}
