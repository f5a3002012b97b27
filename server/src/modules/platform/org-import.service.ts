import {
  ADMIN_ROLES,
  BUILT_IN_ROLES,
  PERSONNEL_KIND_NAMES,
  type PersonnelKind,
  POLICE_ROLES,
  QUALIFICATION_NAMES,
  type QualificationLevel,
  type RoleCode,
  UNIT_KIND_NAMES,
  type UnitKind,
  validatePhone,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit/record.ts';
import { officerRoles, officers, units } from '../../db/schema/index.ts';
import { type Ctx, requireActor } from '../../http/context.ts';
import { type Column, isoDateCell, readSheet, writeSheet, yesNo } from '../../platform-io/excel.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { getSecuritySettings } from './settings.service.ts';

/** A cell may hold a code table's Chinese name or its code. */
const byName = <K extends string>(names: Record<K, { zh: string }>) =>
  new Map<string, K>(
    (Object.entries(names) as [K, { zh: string }][]).flatMap(([k, n]) => [
      [n.zh, k],
      [k, k],
    ]),
  );
const kindByName = byName<UnitKind>(UNIT_KIND_NAMES);
const levelByName = byName<QualificationLevel>(QUALIFICATION_NAMES);
const personnelKindByName = byName<PersonnelKind>(PERSONNEL_KIND_NAMES);
const roleByName = new Map<string, RoleCode>(
  BUILT_IN_ROLES.flatMap((r) => [
    [r.nameZh, r.code],
    [r.code, r.code],
  ]),
);

interface UnitRow {
  code: string;
  name: string;
  parentCode: string;
  kind: UnitKind;
  caseHandling: boolean | null;
}

const unitColumns: Column<UnitRow>[] = [
  { key: 'code', header: '单位代码', required: true },
  { key: 'name', header: '单位名称', required: true, width: 28 },
  { key: 'parentCode', header: '上级单位代码', required: true },
  {
    key: 'kind',
    header: '单位类型',
    required: true,
    parse: (r) => (kindByName.has(r) ? { value: kindByName.get(r) } : { error: 'notInList' }),
  },
  { key: 'caseHandling', header: '执法办案部门', parse: yesNo },
];

export const unitTemplate = () =>
  writeSheet(
    '单位',
    unitColumns.map((c) => ({
      header: c.header,
      width: c.width,
      value: (r: string[]) => r[unitColumns.indexOf(c)] ?? '',
    })),
    [[['FZ-XQ-001', '示例派出所', 'BRANCH', '派出所', '是']]],
  );

/**
 * Imports units; a row's parent may be an existing unit or a unit earlier in the same file.
 * All rows or none: the whole file runs in one transaction after every row is checked.
 */
export async function importUnits(ctx: Ctx, data: ArrayBuffer): Promise<number> {
  const existing = await ctx.db.select().from(units).where(eq(units.orgId, ctx.orgId));
  const known = new Map(existing.map((u) => [u.code, u]));
  const inFile = new Set<string>();
  const rows = await readSheet(data, unitColumns, (v, row) => {
    const issues = [];
    if (known.has(v.code) || inFile.has(v.code))
      issues.push({ row, column: '单位代码', key: 'unit.code.taken' });
    if (!known.has(v.parentCode) && !inFile.has(v.parentCode))
      issues.push({ row, column: '上级单位代码', key: 'unit.parent' });
    inFile.add(v.code);
    return issues;
  });
  await ctx.db.transaction(async (tx) => {
    for (const { value: v } of rows) {
      const parent = known.get(v.parentCode)!;
      const [u] = await tx
        .insert(units)
        .values({
          orgId: ctx.orgId,
          parentId: parent.id,
          code: v.code,
          name: v.name,
          kind: v.kind,
          caseHandling: v.caseHandling ?? false,
        })
        .returning();
      const [withPath] = await tx
        .update(units)
        .set({ path: `${parent.path}${u!.id}/` })
        .where(eq(units.id, u!.id))
        .returning();
      known.set(v.code, withPath!);
    }
    await audit(tx, ctx, {
      action: 'unit.import',
      targetType: 'unit',
      summary: { imported: rows.length, codes: rows.map((r) => r.value.code) },
    });
  });
  return rows.length;
}

interface OfficerRow {
  badgeNo: string;
  name: string;
  username: string;
  unitCode: string;
  personnelKind: PersonnelKind | null;
  roles: RoleCode[] | null;
  qualificationLevel: QualificationLevel | null;
  qualificationDate: string | null;
  legalProfessionQualified: boolean | null;
  legalOfficer: boolean | null;
  legalOfficerSince: string | null;
  phone: string | null;
  password: string;
}

const officerColumns: Column<OfficerRow>[] = [
  {
    key: 'badgeNo',
    header: '警号',
    required: true,
    parse: (r) => (/^\d{6}$/.test(r) ? { value: r } : { error: 'badgeNo' }),
  },
  { key: 'name', header: '姓名', required: true },
  {
    key: 'username',
    header: '用户名',
    required: true,
    parse: (r) => (/^[A-Za-z0-9_]{3,32}$/.test(r) ? { value: r } : { error: 'username' }),
  },
  { key: 'unitCode', header: '所属单位代码', required: true },
  // Optional: a sheet made from an older template (without it) imports police officers.
  {
    key: 'personnelKind',
    header: '人员类别',
    parse: (r) =>
      personnelKindByName.has(r) ? { value: personnelKindByName.get(r) } : { error: 'notInList' },
  },
  {
    key: 'roles',
    header: '角色',
    width: 24,
    parse: (r) => {
      const names = r.split(/[,，、\s]+/).filter(Boolean);
      const codes = names.map((n) => roleByName.get(n));
      if (codes.some((c) => !c)) return { error: 'notInList' };
      if (codes.filter((c) => ADMIN_ROLES.includes(c!)).length > 1) return { error: 'roles.separation' };
      return { value: codes };
    },
  },
  {
    key: 'qualificationLevel',
    header: '执法资格等级',
    parse: (r) => (levelByName.has(r) ? { value: levelByName.get(r) } : { error: 'notInList' }),
  },
  { key: 'qualificationDate', header: '资格取得日期', parse: isoDateCell },
  { key: 'legalProfessionQualified', header: '法律职业资格', parse: yesNo },
  { key: 'legalOfficer', header: '法制员', parse: yesNo },
  { key: 'legalOfficerSince', header: '法制员任命日期', parse: isoDateCell },
  { key: 'phone', header: '联系电话', parse: (r) => (validatePhone(r) ? { value: r } : { error: 'phone' }) },
  { key: 'password', header: '初始密码', required: true },
];

export const officerTemplate = () =>
  writeSheet(
    '人员',
    officerColumns.map((c, i) => ({ header: c.header, width: c.width, value: (r: string[]) => r[i] ?? '' })),
    [
      [
        [
          '100001',
          '张三',
          'zhangsan',
          'FZ-XQ-001',
          '民警',
          '办案民警',
          '中级',
          '2020-06-01',
          '否',
          '否',
          '',
          '13800138000',
          'Init@2026x',
        ],
      ],
    ],
  );

export async function importOfficers(ctx: Ctx, data: ArrayBuffer): Promise<number> {
  const actor = requireActor(ctx);
  const policy = await getSecuritySettings(ctx.db, ctx.orgId);
  const unitRows = await ctx.db.select().from(units).where(eq(units.orgId, ctx.orgId));
  const unitByCode = new Map(
    unitRows
      .filter((u) => actor.scope === 'branch' || u.path.startsWith(actor.unitPath))
      .map((u) => [u.code, u]),
  );
  const taken = await ctx.db
    .select({ badgeNo: officers.badgeNo, username: officers.username, orgId: officers.orgId })
    .from(officers);
  const badges = new Set(taken.filter((t) => t.orgId === ctx.orgId).map((t) => t.badgeNo));
  const usernames = new Set(taken.map((t) => t.username));
  const rows = await readSheet(data, officerColumns, (v, row) => {
    const issues: { row: number; column: string; key: string; params?: Record<string, number> }[] = [];
    if (badges.has(v.badgeNo)) issues.push({ row, column: '警号', key: 'officer.badgeNo.taken' });
    if (usernames.has(v.username)) issues.push({ row, column: '用户名', key: 'officer.username.taken' });
    if (!unitByCode.has(v.unitCode)) issues.push({ row, column: '所属单位代码', key: 'notInList' });
    if ((v.personnelKind ?? 'police') !== 'police' && v.roles?.some((r) => POLICE_ROLES.includes(r)))
      issues.push({ row, column: '角色', key: 'officer.roles.policeOnly' });
    const weak = passwordProblem(v.password, policy);
    if (weak) issues.push({ row, column: '初始密码', key: weak.key, params: weak.params });
    badges.add(v.badgeNo);
    usernames.add(v.username);
    return issues;
  });
  const hashes = await Promise.all(rows.map((r) => hashPassword(r.value.password)));
  await ctx.db.transaction(async (tx) => {
    for (const [i, { value: v }] of rows.entries()) {
      const [o] = await tx
        .insert(officers)
        .values({
          orgId: ctx.orgId,
          unitId: unitByCode.get(v.unitCode)!.id,
          badgeNo: v.badgeNo,
          name: v.name,
          username: v.username,
          phone: v.phone,
          qualificationLevel: v.qualificationLevel,
          qualificationDate: v.qualificationDate,
          legalProfessionQualified: v.legalProfessionQualified ?? false,
          legalOfficer: v.legalOfficer ?? false,
          legalOfficerSince: v.legalOfficerSince,
          personnelKind: v.personnelKind ?? 'police',
          passwordHash: hashes[i]!,
          passwordChangedAt: new Date(0),
          mustChangePassword: true,
        })
        .returning({ id: officers.id });
      if (v.roles?.length)
        await tx
          .insert(officerRoles)
          .values(v.roles.map((roleCode) => ({ orgId: ctx.orgId, officerId: o!.id, roleCode })));
    }
    await audit(tx, ctx, {
      action: 'officer.import',
      targetType: 'officer',
      summary: { imported: rows.length, badgeNos: rows.map((r) => r.value.badgeNo) },
    });
  });
  return rows.length;
}
