import {
  BUILT_IN_ROLES,
  type PersonnelKind,
  type QualificationLevel,
  type RoleCode,
  seededRandom,
  type UnitKind,
} from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { officerRoles, officers, units } from '../db/schema/index.ts';
import { hashPassword } from '../modules/platform/passwords.ts';
import { newRecoveryCodes } from '../modules/platform/totp.ts';
import { seedDemoEnforcement } from './demo-history/index.ts';
import { seedDemoReports } from './demo-reports/index.ts';
import { seedDemoSupervision } from './demo-supervision/index.ts';
import { createOrg } from './org.ts';
import { type SeedProgress, silentProgress } from './progress.ts';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** One account per role, listed in the README. */
export const DEMO_ACCOUNTS: { username: string; name: string; role: RoleCode; unit: string }[] = [
  { username: 'admin', name: '系统管理员', role: 'sysadmin', unit: 'OFFICE-IT' },
  { username: 'security', name: '安全管理员', role: 'secadmin', unit: 'OFFICE-IT' },
  { username: 'auditor', name: '审计管理员', role: 'auditadmin', unit: 'DET-DC' },
  { username: 'legal', name: '周法明', role: 'legal', unit: 'DET-FZ' },
  { username: 'head', name: '陈国栋', role: 'branch_head', unit: 'BRANCH' },
  { username: 'officer', name: '李建军', role: 'officer', unit: 'PS-01' },
  { username: 'unitlegal', name: '王晓丽', role: 'unit_legal', unit: 'PS-01' },
  { username: 'unithead', name: '赵志刚', role: 'unit_head', unit: 'PS-01' },
  { username: 'officer2', name: '刘洋', role: 'officer', unit: 'PS-02' },
  { username: 'command', name: '孙明', role: 'command', unit: 'OFFICE-ZH' },
  { username: 'inspector', name: '吴强', role: 'inspector', unit: 'DET-DC' },
  { username: 'mediator', name: '郑律师', role: 'mediator', unit: 'PS-01' },
];

interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  caseHandling: boolean;
  parent: string;
  staff: number;
}

const STATIONS = [
  '城关',
  '南坪',
  '龙溪',
  '江北城',
  '观音桥',
  '大石坝',
  '石马河',
  '人和',
  '礼嘉',
  '鸳鸯',
  '双凤桥',
  '回兴',
  '两路',
  '龙山',
  '宝圣湖',
  '悦来',
  '仙桃',
  '双龙湖',
  '木耳',
  '古路',
];

/**
 * The demo branch: 41 case-handling units (8 detachments, 13 brigades, 20 stations), offices,
 * police areas under every station, and about three hundred officers.
 */
function demoUnits(): UnitSpec[] {
  const u: UnitSpec[] = [];
  const office = (code: string, name: string, staff = 4) =>
    u.push({ code, name, kind: 'office', caseHandling: false, parent: 'BRANCH', staff });
  office('OFFICE-ZH', '指挥中心', 8);
  office('OFFICE-ZZ', '政治处');
  office('OFFICE-IT', '科技信息化科', 3);
  const det = (code: string, name: string, caseHandling: boolean, staff: number) =>
    u.push({ code, name, kind: 'detachment', caseHandling, parent: 'BRANCH', staff });
  det('DET-FZ', '法制支队', false, 10);
  det('DET-DC', '督察支队', false, 6);
  det('DET-XZ', '刑事侦查支队', true, 8);
  det('DET-ZA', '治安支队', true, 8);
  det('DET-JZ', '经济犯罪侦查支队', true, 6);
  det('DET-JD', '禁毒支队', true, 6);
  det('DET-WA', '网络安全保卫支队', true, 5);
  det('DET-JX', '交通巡逻警察支队', true, 6);
  det('DET-SY', '食品药品环境犯罪侦查支队', true, 5);
  det('DET-TJ', '特警支队', true, 6);
  const cn = ['一', '二', '三', '四', '五', '六'];
  for (let i = 0; i < 6; i++)
    u.push({
      code: `BR-XZ-${i + 1}`,
      name: `刑侦${cn[i]}大队`,
      kind: 'brigade',
      caseHandling: true,
      parent: 'DET-XZ',
      staff: 5,
    });
  for (let i = 0; i < 5; i++)
    u.push({
      code: `BR-JX-${i + 1}`,
      name: `交巡警${cn[i]}大队`,
      kind: 'brigade',
      caseHandling: true,
      parent: 'DET-JX',
      staff: 5,
    });
  for (let i = 0; i < 2; i++)
    u.push({
      code: `BR-JZ-${i + 1}`,
      name: `经侦${cn[i]}大队`,
      kind: 'brigade',
      caseHandling: true,
      parent: 'DET-JZ',
      staff: 4,
    });
  STATIONS.forEach((name, i) => {
    const code = `PS-${String(i + 1).padStart(2, '0')}`;
    u.push({ code, name: `${name}派出所`, kind: 'station', caseHandling: true, parent: 'BRANCH', staff: 7 });
    for (let a = 1; a <= 2; a++) {
      u.push({
        code: `${code}-A${a}`,
        name: `${name}派出所第${cn[a - 1]}警务区`,
        kind: 'police_area',
        caseHandling: false,
        parent: code,
        staff: 1,
      });
    }
  });
  return u;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡佳雪梅琳晨阳博文婷晶杨';

/**
 * The demo branch. `history: false` leaves out the year of enforcement work (incidents, cases,
 * decisions …): tests that build their own records start faster without it. `progress` hears
 * each step (the first start prints them).
 */
export async function seedDemo(
  db: Db,
  { history = true, progress = silentProgress }: { history?: boolean; progress?: SeedProgress } = {},
): Promise<{ orgId: number; officers: number; units: number }> {
  return db.transaction(async (tx) => {
    progress('units and officers');
    const { org, rootUnitId, rootPath } = await createOrg(tx, { code: 'YZ', name: '渝州区公安分局' });
    const byCode = new Map<string, { id: number; path: string }>([
      ['BRANCH', { id: rootUnitId, path: rootPath }],
    ]);
    const specs = demoUnits();
    for (const [i, s] of specs.entries()) {
      const parent = byCode.get(s.parent)!;
      const [row] = await tx
        .insert(units)
        .values({
          orgId: org.id,
          parentId: parent.id,
          code: s.code,
          name: s.name,
          kind: s.kind,
          caseHandling: s.caseHandling,
          sortOrder: i,
        })
        .returning({ id: units.id });
      const path = `${parent.path}${row!.id}/`;
      await tx.update(units).set({ path }).where(eq(units.id, row!.id));
      byCode.set(s.code, { id: row!.id, path });
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const random = seededRandom(2021);
    const pick = (s: string) => s[Math.floor(random() * s.length)]!;
    let badge = 500001;
    const now = new Date();
    const insertOfficer = async (o: {
      unit: string;
      name: string;
      username: string;
      roles: RoleCode[];
      level: QualificationLevel | null;
      legalOfficer?: boolean;
      legalProfession?: boolean;
      kind?: PersonnelKind;
    }) => {
      // Every account whose role requires a second factor is enrolled with the demo secret.
      const totp = o.roles.some((code) => BUILT_IN_ROLES.find((r) => r.code === code)?.requiresTotp);
      const year = 2012 + Math.floor(random() * 10);
      const [row] = await tx
        .insert(officers)
        .values({
          orgId: org.id,
          unitId: byCode.get(o.unit)!.id,
          badgeNo: String(badge++),
          name: o.name,
          username: o.username,
          phone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
          qualificationLevel: o.level,
          qualificationDate: o.level ? `${year}-0${1 + Math.floor(random() * 9)}-15` : null,
          legalProfessionQualified: o.legalProfession ?? false,
          legalOfficer: o.legalOfficer ?? false,
          legalOfficerSince: o.legalOfficer ? '2020-03-01' : null,
          personnelKind: o.kind ?? 'police',
          passwordHash,
          passwordChangedAt: now,
          totpEnabled: totp,
          totpSecret: totp ? DEMO_TOTP_SECRET : null,
          recoveryCodes: totp ? newRecoveryCodes().hashes : [],
        })
        .returning({ id: officers.id });
      if (o.roles.length)
        await tx
          .insert(officerRoles)
          .values(o.roles.map((roleCode) => ({ orgId: org.id, officerId: row!.id, roleCode })));
    };

    for (const a of DEMO_ACCOUNTS) {
      const admin = ['sysadmin', 'secadmin', 'auditadmin'].includes(a.role);
      await insertOfficer({
        unit: a.unit,
        name: a.name,
        username: a.username,
        roles: [a.role],
        level: admin || a.role === 'mediator' ? null : a.role === 'legal' ? 'advanced' : 'intermediate',
        legalOfficer: a.role === 'unit_legal',
        legalProfession: a.role === 'legal' || a.role === 'mediator',
        // The stationed lawyer (郑律师) has an account but is no police officer.
        kind: a.role === 'mediator' ? 'lawyer' : 'police',
      });
    }
    let n = 0;
    for (const s of specs) {
      for (let k = 0; k < s.staff; k++) {
        n++;
        const r = random();
        const level: QualificationLevel = r < 0.05 ? 'advanced' : r < 0.32 ? 'intermediate' : 'basic';
        const legalOfficer = s.caseHandling && k === 0;
        const role: RoleCode =
          s.code === 'DET-FZ'
            ? 'legal'
            : s.code === 'OFFICE-ZH'
              ? 'command'
              : s.code === 'DET-DC'
                ? 'inspector'
                : legalOfficer
                  ? 'unit_legal'
                  : k === 1
                    ? 'unit_head'
                    : 'officer';
        await insertOfficer({
          unit: s.code,
          name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
          username: `u${badge}`,
          // The detachment's second officer also heads it as a department: he signs its 数据填报.
          roles: s.code === 'DET-FZ' && k === 1 ? [role, 'unit_head'] : [role],
          level: s.code === 'DET-FZ' && k < 4 ? 'advanced' : level,
          legalOfficer,
          legalProfession: s.code === 'DET-FZ' ? k < 6 : random() < 0.06,
        });
      }
    }
    if (history) {
      await seedDemoEnforcement(tx, org.id, { progress });
      await seedDemoSupervision(tx, org.id, progress);
      await seedDemoReports(tx, org.id, progress);
    }
    return { orgId: org.id, officers: n + DEMO_ACCOUNTS.length, units: specs.length + 1 };
  });
}
