/**
 * 治安管理处罚法 (2005, amended 2012-10-26), in force until 2025-12-31. Every article and range
 * below was read from the law's text (LawRefBook/Laws, 行政法/治安管理处罚法(2012-10-26).md).
 */
import type { LawVersion, OffenceVersion } from '../model.ts';

export const ZHIAN_2012: LawVersion = {
  id: '治安管理处罚法@2013-01-01',
  law: '治安管理处罚法',
  title: '中华人民共和国治安管理处罚法（2012年修正）',
  adoptedOn: '2012-10-26',
  effectiveFrom: '2013-01-01',
  effectiveUntil: '2026-01-01',
  general: {
    combinedDetentionMax: 20,
    combinedDetentionArticle: '第十六条',
    organisationArticle: '第十八条',
    minimumAge: 14,
    minimumAgeArticle: '第十二条',
    mitigationBelowAge: 18,
    mitigationArticle: '第十二条',
    detentionNotExecuted: {
      article: '第二十一条',
      ages: [
        { from: 14, to: 16, firstOffenceOnly: false },
        { from: 16, to: 18, firstOffenceOnly: true },
      ],
      elderlyFrom: 70,
      pregnantOrNursing: true,
    },
    // 第九十八条: 公安机关作出吊销许可证以及处二千元以上罚款的治安管理处罚决定前，应当告知违反治安管理
    // 行为人有权要求举行听证.
    hearing: { article: '第九十八条', fineFrom: 2000, licenceRevocation: true, minorDetention: false },
    penaltyTypes: ['warning', 'fine', 'detention', 'licence_revocation', 'deportation'],
    penaltyTypesArticle: '第十条',
  },
  unconfirmed: false,
  source: 'LawRefBook/Laws 行政法/治安管理处罚法(2012-10-26).md',
};

const v = ZHIAN_2012.id;
const law = '治安管理处罚法';
const base = { law, version: v, caseType: 'admin', organisations: false, unconfirmed: false } as const;

const warningOrFine = (max: number) => [
  { required: [{ type: 'warning' as const }], optional: [] },
  { required: [{ type: 'fine' as const, max }], optional: [] },
];
const detentionOrFine = (days: number, fine: number) => [
  { required: [{ type: 'detention' as const, min: 1, max: days }], optional: [] },
  { required: [{ type: 'fine' as const, max: fine }], optional: [] },
];
const detentionMayFine = (min: number, max: number, fine: number) => [
  { required: [{ type: 'detention' as const, min, max }], optional: [{ type: 'fine' as const, max: fine }] },
];

export const ZHIAN_2012_OFFENCES: OffenceVersion[] = [
  {
    ...base,
    name: '扰乱单位秩序',
    article: '第二十三条第一款第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(200) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base,
    name: '寻衅滋事',
    article: '第二十六条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionMayFine(5, 10, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 1000) },
    ],
  },
  {
    ...base,
    name: '威胁他人人身安全',
    article: '第四十二条第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base,
    name: '殴打他人',
    article: '第四十三条第一款',
    publicationExcluded: false,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 500) },
      {
        tier: 'ordinary',
        schemes: [
          {
            required: [
              { type: 'detention', min: 5, max: 10 },
              { type: 'fine', min: 200, max: 500 },
            ],
            optional: [],
          },
        ],
      },
    ],
  },
  {
    ...base,
    name: '盗窃',
    article: '第四十九条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionMayFine(5, 10, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 1000) },
    ],
  },
  {
    ...base,
    name: '诈骗',
    article: '第四十九条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionMayFine(5, 10, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 1000) },
    ],
  },
  {
    ...base,
    name: '拒不执行紧急状态决定、命令',
    article: '第五十条第一款第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(200) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base,
    name: '卖淫、嫖娼',
    article: '第六十六条第一款',
    publicationExcluded: true,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 500) },
      { tier: 'ordinary', schemes: detentionMayFine(10, 15, 5000) },
    ],
  },
  {
    ...base,
    name: '赌博',
    article: '第七十条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      {
        tier: 'serious',
        label: '情节严重',
        schemes: [
          {
            required: [
              { type: 'detention', min: 10, max: 15 },
              { type: 'fine', min: 500, max: 3000 },
            ],
            optional: [],
          },
        ],
      },
    ],
  },
  {
    ...base,
    name: '吸食毒品',
    article: '第七十二条第三项',
    publicationExcluded: true,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 500) },
      { tier: 'ordinary', schemes: detentionMayFine(10, 15, 2000) },
    ],
  },
];
