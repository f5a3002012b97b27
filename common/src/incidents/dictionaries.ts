/** Incident sources, disposals, campaign tags and the default category dictionary. */
export const INCIDENT_SOURCES = ['110', 'walk_in', 'online', 'transfer'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_DISPOSALS = [
  'pending',
  'handled_on_scene',
  'case_opened',
  'no_action',
  'transferred',
  'mediated',
] as const;
export type IncidentDisposal = (typeof INCIDENT_DISPOSALS)[number];

/** Campaign tags that statistics count by (the annual report's 涉疫, 涉企, 反诈 …). */
export const CAMPAIGN_TAGS = [
  '涉疫',
  '涉企',
  '反诈',
  '扫黑除恶',
  '涉黄赌毒',
  '涉枪涉爆',
  '家庭暴力',
  '涉校',
] as const;

export interface CategorySeed {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  needsCase: boolean;
  cameraRequired: boolean;
}

const top = (
  code: string,
  nameZh: string,
  nameEn: string,
  needsCase = false,
  cameraRequired = true,
): CategorySeed => ({
  code,
  parentCode: null,
  nameZh,
  nameEn,
  needsCase,
  cameraRequired,
});
const sub = (
  parentCode: string,
  code: string,
  nameZh: string,
  nameEn: string,
  needsCase: boolean,
  cameraRequired = true,
): CategorySeed => ({
  code,
  parentCode,
  nameZh,
  nameEn,
  needsCase,
  cameraRequired,
});

export const DEFAULT_INCIDENT_CATEGORIES: readonly CategorySeed[] = [
  top('XS', '刑事', 'Criminal', true),
  sub('XS', 'XS-RSDQ', '入室盗窃', 'Burglary', true),
  sub('XS', 'XS-DQ', '盗窃', 'Theft', true),
  sub('XS', 'XS-ZP', '诈骗', 'Fraud', true),
  sub('XS', 'XS-DXZP', '电信网络诈骗', 'Telecom fraud', true),
  sub('XS', 'XS-QJ', '抢劫', 'Robbery', true),
  sub('XS', 'XS-GYSH', '故意伤害', 'Assault causing injury', true),
  top('ZA', '治安', 'Public order', true),
  sub('ZA', 'ZA-DO', '殴打他人', 'Beating', true),
  sub('ZA', 'ZA-DB', '赌博', 'Gambling', true),
  sub('ZA', 'ZA-XC', '寻衅滋事', 'Picking quarrels', true),
  sub('ZA', 'ZA-XD', '吸毒', 'Drug use', true),
  sub('ZA', 'ZA-SR', '扰乱公共秩序', 'Disturbing public order', true),
  top('JT', '交通', 'Traffic', false),
  sub('JT', 'JT-SG', '交通事故', 'Traffic accident', false),
  sub('JT', 'JT-YD', '交通拥堵', 'Congestion', false, false),
  top('JF', '纠纷', 'Dispute', false),
  sub('JF', 'JF-LL', '邻里纠纷', 'Neighbour dispute', false),
  sub('JF', 'JF-JT', '家庭纠纷', 'Family dispute', false),
  sub('JF', 'JF-JJ', '经济纠纷', 'Economic dispute', false),
  top('QZ', '求助', 'Request for help', false, false),
  sub('QZ', 'QZ-ZR', '走失人员', 'Missing person', false, false),
  sub('QZ', 'QZ-KS', '开锁求助', 'Locked out', false, false),
  top('QT', '其他', 'Other', false, false),
];
