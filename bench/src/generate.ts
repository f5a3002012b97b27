import { seededRandom } from '@fazhi/common';
/**
 * A generated district year: deterministic incident rows and the CSV that plain COPY loads, so
 * the import path and its COPY reference load exactly the same data.
 */
export interface GeneratedIncident {
  sourceId: string;
  receivedAt: string;
  callerName: string;
  callerPhone: string;
  categoryCode: string;
  place: string;
  narrative: string;
  unitCode: string;
  disposal: string;
}

const CATEGORIES = [
  'XS-RSDQ',
  'XS-DQ',
  'XS-DXZP',
  'ZA-DO',
  'ZA-XC',
  'JT-SG',
  'JF-LL',
  'JF-JT',
  'QZ-ZR',
  'QZ-KS',
  'QT',
];
const STREETS = [
  '龙溪街道松石北路',
  '双龙湖街道双湖路',
  '回兴街道宝圣大道',
  '两路街道汉渝路',
  '仙桃街道数据谷路',
  '礼嘉街道礼嘉大道',
];
const TEXT: Record<string, string> = {
  'XS-RSDQ': '报警人称家中被盗，门锁被撬，丢失现金及首饰若干',
  'XS-DQ': '报警人称停放的电动车被盗',
  'XS-DXZP': '报警人称接到自称客服的电话，按对方指引转账后被骗',
  'ZA-DO': '报警人称与他人发生口角后被对方殴打',
  'ZA-XC': '报警人称有人在店内滋事，损坏物品',
  'JT-SG': '两车发生刮擦，无人员受伤，双方对责任有争议',
  'JF-LL': '报警人称楼上住户噪音扰民，协商未果',
  'JF-JT': '报警人称与家人发生争吵，请求民警到场处理',
  'QZ-ZR': '报警人称老人外出未归，请求帮助寻找',
  'QZ-KS': '报警人称钥匙遗失被锁门外，请求帮助',
  QT: '群众咨询相关事项',
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';

export function generateIncidents(
  count: number,
  year: number,
  unitCodes: string[],
  prefix: string,
  seed = 7,
): GeneratedIncident[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: GeneratedIncident[] = [];
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const span = 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const category = pick(CATEGORIES);
    out.push({
      sourceId: `${prefix}${String(i).padStart(8, '0')}`,
      receivedAt: new Date(start + Math.floor(r() * span)).toISOString(),
      callerName: pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN]),
      callerPhone: `13${Math.floor(r() * 9) + 1}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      categoryCode: category,
      place: `重庆市渝州区${pick(STREETS)}${1 + Math.floor(r() * 300)}号`,
      narrative: TEXT[category]!,
      unitCode: pick(unitCodes),
      disposal: pick(['handled_on_scene', 'no_action', 'mediated', 'pending']),
    });
  }
  return out;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV for `COPY incidents (…) FROM STDIN (FORMAT csv)` — the reference the import is measured against. */
export function incidentsCsv(
  rows: GeneratedIncident[],
  orgId: number,
  unitIds: Map<string, number>,
  numberPrefix: string,
): string {
  return rows
    .map((x, i) =>
      [
        orgId,
        `${numberPrefix}${String(i).padStart(8, '0')}`,
        '110',
        x.sourceId,
        x.receivedAt,
        x.callerName,
        x.callerPhone,
        x.categoryCode,
        x.place,
        x.narrative,
        unitIds.get(x.unitCode)!,
        x.disposal,
      ]
        .map(csvCell)
        .join(','),
    )
    .join('\n')
    .concat('\n');
}

export const COPY_COLUMNS =
  'org_id, incident_no, source, source_id, received_at, caller_name, caller_phone, category_code, place, narrative, unit_id, disposal';
