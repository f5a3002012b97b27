/**
 * 治安管理处罚法 as revised on 2025-06-27 (14th NPC Standing Committee, 16th session), in force
 * from 2026-01-01: 144 articles, renumbered.
 *
 * Every article number and range below was read from the law's text: LawRefBook/Laws
 * `行政法/治安管理处罚法(2025-06-27).md` (added 2026-01-06, commit 7620c2a, read in its mirror
 * X-STORAGE/Laws; LawRefBook scrapes the Word text of flk.npc.gov.cn, the 国家法律法规数据库).
 * Spot checks against other copies of the official text (the Supreme People's Procuratorate's
 * reprint for 第七十八条, 第七十九条, 第八十七条; a flk.npc.gov.cn extract for 第五十八条, 第五十九条;
 * the NPC 法工委 statement for 第一百三十六条) agree. Sources per value: /work/notes/zhian-2025.md.
 *
 * The 2012 entries added here (`ZHIAN_2012_MORE_OFFENCES`) were read from LawRefBook/Laws
 * `行政法/治安管理处罚法(2012-10-26).md`, the same text as `zhian-2012.ts`.
 */
import type { LawVersion, OffenceVersion, Scheme } from '../model.ts';
import { ZHIAN_2012 } from './zhian-2012.ts';

export const ZHIAN_2025: LawVersion = {
  id: '治安管理处罚法@2026-01-01',
  law: '治安管理处罚法',
  title: '中华人民共和国治安管理处罚法（2025年修订）',
  adoptedOn: '2025-06-27',
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  general: {
    // 第十六条: 有两种以上违反治安管理行为的，分别决定，合并执行处罚。行政拘留处罚合并执行的，最长不超过二十日。
    combinedDetentionMax: 20,
    combinedDetentionArticle: '第十六条',
    // 第十二条: 不满十四周岁的人违反治安管理的，不予处罚，但是应当责令其监护人严加管教。
    minimumAge: 14,
    minimumAgeArticle: '第十二条',
    // 第十二条: 已满十四周岁不满十八周岁的人违反治安管理的，从轻或者减轻处罚。
    mitigationBelowAge: 18,
    mitigationArticle: '第十二条',
    detentionNotExecuted: {
      article: '第二十三条',
      // 第一款 (一) 已满十四周岁不满十六周岁的; (二) 已满十六周岁不满十八周岁，初次违反治安管理的;
      // (三) 七十周岁以上的; (四) 怀孕或者哺乳自己不满一周岁婴儿的.
      ages: [
        { from: 14, to: 16, firstOffenceOnly: false },
        { from: 16, to: 18, firstOffenceOnly: true },
      ],
      elderlyFrom: 70,
      pregnantOrNursing: true,
      // 第二款, new in 2025. 情节严重、影响恶劣 lifts the bar for items 1–3 (14–16, 16–18 first
      // offence, 70+); two or more violations within a year lift it only for items 1 and 3 (14–16,
      // 70+). Item 4 (pregnant or nursing) has no exception. 第二十四条: minors not detained get
      // 矫治教育 under the 预防未成年人犯罪法. 第一百一十七条第二款: a minor who may be detained under this
      // paragraph, and the guardian, must be told of the right to a (closed) hearing.
      exception:
        '前款第一项、第二项、第三项规定的行为人违反治安管理情节严重、影响恶劣的，或者第一项、第三项规定的行为人在一年以内二次以上违反治安管理的，不受前款规定的限制。',
    },
    // 第一百三十六条: 违反治安管理的记录应当予以封存，不得向任何单位和个人提供或者公开，但有关国家机关为
    // 办案需要或者有关单位根据国家规定进行查询的除外。依法进行查询的单位，应当对被封存的违法记录的情况予以保密。
    recordsSealed: { article: '第一百三十六条' },
    // 第一百一十七条第一款: 吊销许可证件、处四千元以上罚款 (or 责令停业整顿, a measure not modelled as a
    // penalty) — the party must be told of the right to a hearing; 第二款: so must a minor who may be
    // detained under 第二十三条第二款, and the guardian (the hearing is not public).
    hearing: { article: '第一百一十七条', fineFrom: 4000, licenceRevocation: true, minorDetention: true },
    // 第十条: (一) 警告; (二) 罚款; (三) 行政拘留; (四) 吊销公安机关发放的许可证件 (2012: 许可证);
    // 对违反治安管理的外国人，可以附加适用限期出境或者驱逐出境 — the same four types as 2012, no new type.
    // Mapping: 限期出境 has no type of its own in PENALTY_TYPES; like the 2012 entry, `deportation`
    // stands for both 限期出境 and 驱逐出境 (附加, foreigners only). Not penalty types of this law and so
    // not listed: 收缴 / 追缴 (第十一条, handling of seized goods and proceeds; PENALTY_TYPES'
    // `confiscation` is not used); 没收违法所得、没收非法财物 (named only in 第一百四十一条第三款 as
    // penalties of *other* laws imposed by other departments); 责令停业整顿 (a measure, 第一百一十七条);
    // the exclusion orders (第二十八条第二款, 第八十四条第三款), 禁止接触 (第五十条第二款) and 取缔
    // (第六十五条第二款). `licence_suspension` does not exist in this law. 第二十七条's fine of 一倍以上
    // 五倍以下 the 违法所得 is a `fine`.
    penaltyTypes: ['warning', 'fine', 'detention', 'licence_revocation', 'deportation'],
    penaltyTypesArticle: '第十条',
  },
  unconfirmed: false,
  source:
    'LawRefBook/Laws 行政法/治安管理处罚法(2025-06-27).md（commit 7620c2a，文本来自国家法律法规数据库）',
};

const law = '治安管理处罚法';
const base = {
  law,
  version: ZHIAN_2025.id,
  caseType: 'admin',
  organisations: false,
  unconfirmed: false,
} as const;
const base2012 = {
  law,
  version: ZHIAN_2012.id,
  caseType: 'admin',
  organisations: false,
  unconfirmed: false,
} as const;

/** 处警告或者 N 元以下罚款. */
const warningOrFine = (max: number): Scheme[] => [
  { required: [{ type: 'warning' }], optional: [] },
  { required: [{ type: 'fine', max }], optional: [] },
];
/** 处 N 日以下拘留或者 M 元以下罚款. */
const detentionOrFine = (days: number, fine: number): Scheme[] => [
  { required: [{ type: 'detention', min: 1, max: days }], optional: [] },
  { required: [{ type: 'fine', max: fine }], optional: [] },
];
/** 处 A 日以上 B 日以下拘留或者 M 元以下罚款 (new form in 2025: 第三十条, 第五十八条). */
const detentionRangeOrFine = (min: number, max: number, fine: number): Scheme[] => [
  { required: [{ type: 'detention', min, max }], optional: [] },
  { required: [{ type: 'fine', max: fine }], optional: [] },
];
/** 处 A 日以上 B 日以下拘留，可以并处 M 元以下罚款. */
const detentionMayFine = (min: number, max: number, fine: number): Scheme[] => [
  { required: [{ type: 'detention', min, max }], optional: [{ type: 'fine', max: fine }] },
];
/** 处 A 日以上 B 日以下拘留，并处 X 元以上 Y 元以下罚款. */
const detentionAndFine = (min: number, max: number, fineMin: number, fineMax: number): Scheme[] => [
  {
    required: [
      { type: 'detention', min, max },
      { type: 'fine', min: fineMin, max: fineMax },
    ],
    optional: [],
  },
];
/** 处 A 日以上 B 日以下拘留 (no fine). */
const detentionOnly = (min: number, max: number): Scheme[] => [
  { required: [{ type: 'detention', min, max }], optional: [] },
];

/** One entry for each offence of `ZHIAN_2012_OFFENCES` (same names), then the ones added here. */
export const ZHIAN_2025_OFFENCES: OffenceVersion[] = [
  {
    ...base,
    name: '扰乱单位秩序',
    article: '第二十六条第一款第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第二十三条第一款第一项. 聚众实施的首要分子: 第二款, 十日以上十五日以下拘留，可以并处二千元以下罚款.',
  },
  {
    ...base,
    name: '寻衅滋事',
    article: '第三十条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionRangeOrFine(5, 10, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 2000) },
    ],
    note: '2012 第二十六条 (拘留可以并处罚款); 2025 allows a fine alone: 五日以上十日以下拘留或者一千元以下罚款. 第（一）项 now reads 结伙斗殴或者随意殴打他人的.',
  },
  {
    ...base,
    name: '威胁他人人身安全',
    article: '第五十条第一款第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第四十二条第一项.',
  },
  {
    ...base,
    name: '殴打他人',
    article: '第五十一条第一款',
    publicationExcluded: false,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 1000) },
      { tier: 'ordinary', schemes: detentionAndFine(5, 10, 500, 1000) },
    ],
    note: '2012 第四十三条第一款. Not modelled here (as in the 2012 entry): 第二款 结伙、殴打残疾人/孕妇/不满十四周岁/七十周岁以上 (2012: 六十周岁以上)、多次或者多人, 十日以上十五日以下拘留，并处一千元以上二千元以下罚款.',
  },
  {
    ...base,
    name: '盗窃',
    article: '第五十八条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionRangeOrFine(5, 10, 2000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 3000) },
    ],
    note: '2012 第四十九条 (拘留可以并处五百元以下罚款); 2025 allows a fine alone. 故意损毁公私财物 moved to 第五十九条.',
  },
  {
    ...base,
    name: '诈骗',
    article: '第五十八条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionRangeOrFine(5, 10, 2000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 3000) },
    ],
    note: '2012 第四十九条.',
  },
  {
    ...base,
    name: '拒不执行紧急状态决定、命令',
    article: '第六十一条第一款第一项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(500) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第五十条第一款第一项.',
  },
  {
    ...base,
    name: '卖淫、嫖娼',
    article: '第七十八条第一款',
    publicationExcluded: true,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 1000) },
      { tier: 'ordinary', schemes: detentionMayFine(10, 15, 5000) },
    ],
    note: '2012 第六十六条第一款. 在公共场所拉客招嫖: 第二款, 五日以下拘留或者一千元以下罚款.',
  },
  {
    ...base,
    name: '赌博',
    article: '第八十二条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节严重', schemes: detentionAndFine(10, 15, 1000, 5000) },
    ],
    note: '2012 第七十条.',
  },
  {
    ...base,
    name: '吸食毒品',
    article: '第八十四条第一款第三项',
    publicationExcluded: true,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 1000) },
      { tier: 'ordinary', schemes: detentionMayFine(10, 15, 3000) },
    ],
    note: '2012 第七十二条第三项 (吸食、注射毒品). 第三款 (new): 可以同时责令其六个月至一年以内不得进入娱乐场所、不得擅自接触涉及毒品违法犯罪人员; 违反的，处五日以下拘留或者一千元以下罚款.',
  },
  // Added here: acts a district branch meets often. Names follow the names of the 2012 acts in use
  // (故意伤害, 侵犯隐私 …); the names of the two new acts are ours.
  {
    ...base,
    name: '故意伤害',
    article: '第五十一条第一款',
    publicationExcluded: false,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 1000) },
      { tier: 'ordinary', schemes: detentionAndFine(5, 10, 500, 1000) },
    ],
    note: '2012 第四十三条第一款. 第二款 (aggravated) not modelled, as for 殴打他人.',
  },
  {
    ...base,
    name: '故意损毁财物',
    article: '第五十九条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 3000) },
    ],
    note: '2012 第四十九条 (with 盗窃). 2025 gives it its own article with lower detention: 五日以下拘留或者一千元以下罚款; 情节较重 五日以上十日以下拘留，可以并处三千元以下罚款.',
  },
  {
    ...base,
    name: '侮辱',
    article: '第五十条第一款第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第四十二条第二项 (公然侮辱他人).',
  },
  {
    ...base,
    name: '诽谤',
    article: '第五十条第一款第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第四十二条第二项 (捏造事实诽谤他人).',
  },
  {
    ...base,
    name: '侵犯隐私',
    article: '第五十条第一款第六项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '偷窥、偷拍、窃听、散布他人隐私. 2012 第四十二条第六项.',
  },
  {
    ...base,
    name: '发送信息干扰正常生活',
    article: '第五十条第一款第五项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第四十二条第五项. 2025 widens it: 多次发送淫秽、侮辱、恐吓等信息或者采取滋扰、纠缠、跟踪等方法. 第二款 (new): 经公安机关负责人批准，可以责令一定期限内禁止接触被侵害人; 违反的，五日以上十日以下拘留，可以并处一千元以下罚款.',
  },
  {
    ...base,
    name: '猥亵',
    article: '第五十二条第一款',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOnly(5, 10) },
      {
        tier: 'serious',
        label: '猥亵精神病人、智力残疾人、不满十四周岁的人或者有其他严重情节',
        schemes: detentionOnly(10, 15),
      },
    ],
    note: '2012 第四十四条. 在公共场所故意裸露身体隐私部位 is now 第二款: 警告或者五百元以下罚款; 情节恶劣 五日以上十日以下拘留.',
  },
  {
    ...base,
    name: '阻碍执行职务',
    article: '第六十一条第一款第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(500) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '阻碍国家机关工作人员依法执行职务. 2012 第五十条第一款第二项. 第二款: 阻碍人民警察依法执行职务的，从重处罚.',
  },
  {
    ...base,
    name: '制造噪声干扰正常生活',
    article: '第八十八条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(5, 10, 1000) },
    ],
    note: '2012 第五十八条 (警告; 警告后不改正的 二百元以上五百元以下罚款). 2025 requires that 基层群众性自治组织、业主委员会、物业服务人、有关部门依法劝阻、调解和处理未能制止，继续干扰.',
  },
  {
    ...base,
    name: '高空抛物',
    article: '第四十三条第五项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 1000) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(10, 15, 1000) },
    ],
    note: 'New in 2025 (no 2012 entry): 从建筑物或者其他高空抛掷物品，有危害他人人身安全、公私财产安全或者公共安全危险的. Name ours.',
  },
  {
    ...base,
    name: '违规飞行无人驾驶航空器',
    article: '第四十六条第一款',
    publicationExcluded: false,
    tiers: [{ tier: 'serious', label: '情节较重', schemes: detentionOnly(5, 10) }],
    note: 'New in 2025 (no 2012 entry). 违反有关法律法规关于飞行空域管理规定，飞行民用无人驾驶航空器、航空运动器材，或者升放无人驾驶自由气球、系留气球等升空物体: punished under this law only when 情节较重. 非法穿越国（边）境: 第二款, 十日以上十五日以下拘留. 第一百四十一条第三款: fines or confiscation under other laws are for the competent departments; the police decide the detention. Name ours.',
  },
];

/**
 * 2012 entries for the acts added above that existed before 2026 (read from the 2012 text), so
 * that each pairs with its 2025 entry. 高空抛物 and 违规飞行无人驾驶航空器 are new in 2025 and have none.
 */
export const ZHIAN_2012_MORE_OFFENCES: OffenceVersion[] = [
  {
    ...base2012,
    name: '故意伤害',
    article: '第四十三条第一款',
    publicationExcluded: false,
    tiers: [
      { tier: 'minor', label: '情节较轻', schemes: detentionOrFine(5, 500) },
      { tier: 'ordinary', schemes: detentionAndFine(5, 10, 200, 500) },
    ],
  },
  {
    ...base2012,
    name: '故意损毁财物',
    article: '第四十九条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionMayFine(5, 10, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(10, 15, 1000) },
    ],
  },
  {
    ...base2012,
    name: '侮辱',
    article: '第四十二条第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base2012,
    name: '诽谤',
    article: '第四十二条第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base2012,
    name: '侵犯隐私',
    article: '第四十二条第六项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base2012,
    name: '发送信息干扰正常生活',
    article: '第四十二条第五项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOrFine(5, 500) },
      { tier: 'serious', label: '情节较重', schemes: detentionMayFine(5, 10, 500) },
    ],
  },
  {
    ...base2012,
    name: '猥亵',
    article: '第四十四条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: detentionOnly(5, 10) },
      {
        tier: 'serious',
        label: '猥亵智力残疾人、精神病人、不满十四周岁的人或者有其他严重情节',
        schemes: detentionOnly(10, 15),
      },
    ],
    note: 'The same sentence covers 在公共场所故意裸露身体，情节恶劣 (五日以上十日以下拘留).',
  },
  {
    ...base2012,
    name: '阻碍执行职务',
    article: '第五十条第一款第二项',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: warningOrFine(200) },
      { tier: 'serious', label: '情节严重', schemes: detentionMayFine(5, 10, 500) },
    ],
    note: '第二款: 阻碍人民警察依法执行职务的，从重处罚.',
  },
  {
    ...base2012,
    name: '制造噪声干扰正常生活',
    article: '第五十八条',
    publicationExcluded: false,
    tiers: [
      { tier: 'ordinary', schemes: [{ required: [{ type: 'warning' }], optional: [] }] },
      {
        tier: 'serious',
        label: '警告后不改正',
        schemes: [{ required: [{ type: 'fine', min: 200, max: 500 }], optional: [] }],
      },
    ],
  },
];

export interface ZhianRenumbering {
  /** The act (or group of acts) the article punishes. */
  name: string;
  /** The 2012 article; null for an act new in 2025. */
  article2012: string | null;
  article2025: string;
  unconfirmed: boolean;
}

const moved = (name: string, article2012: string | null, article2025: string): ZhianRenumbering => ({
  name,
  article2012,
  article2025,
  unconfirmed: false,
});

/**
 * Chapter 3 (违反治安管理的行为和处罚) of the 2012 text (arts 23–76) against the 2025 text (arts
 * 26–89), established by reading both texts side by side. Rows are per article, with per-item rows
 * where items go different ways or where an offence above cites the item. 2012 articles without a
 * 2025 counterpart are in `ZHIAN_2012_NOT_CARRIED_OVER`.
 */
export const ZHIAN_RENUMBERING: ZhianRenumbering[] = [
  // 第一节 扰乱公共秩序
  moved('扰乱单位秩序', '第二十三条第一款第一项', '第二十六条第一款第一项'),
  moved('扰乱公共场所秩序', '第二十三条第一款第二项', '第二十六条第一款第二项'),
  moved('扰乱公共交通工具上的秩序', '第二十三条第一款第三项', '第二十六条第一款第三项'),
  moved('妨碍交通工具正常行驶', '第二十三条第一款第四项', '第二十六条第一款第四项'),
  moved('破坏选举秩序', '第二十三条第一款第五项', '第二十六条第一款第五项'),
  moved('聚众扰乱（首要分子）', '第二十三条第二款', '第二十六条第二款'),
  moved('组织考试作弊、代替考试等扰乱考试秩序', null, '第二十七条'),
  moved('扰乱大型群众性活动秩序', '第二十四条第一款', '第二十八条第一款'),
  moved('被责令不得进入后违反规定进入体育场馆（演出场馆）', '第二十四条第二款', '第二十八条第二款'),
  moved('散布谣言、谎报险情疫情警情', '第二十五条第一项', '第二十九条第一项'),
  moved('投放虚假危险物质', '第二十五条第二项', '第二十九条第二项'),
  moved('扬言实施放火、爆炸、投放危险物质', '第二十五条第三项', '第二十九条第三项'),
  moved('寻衅滋事', '第二十六条', '第三十条'),
  moved('邪教、会道门、非法宗教活动，冒用宗教、气功名义', '第二十七条', '第三十一条'),
  moved('干扰无线电业务、擅设无线电台（站）', '第二十八条', '第三十二条'),
  moved('侵入、破坏计算机信息系统', '第二十九条', '第三十三条'),
  moved('组织、领导传销，胁迫、诱骗他人参加传销', null, '第三十四条'),
  moved('有损英雄烈士、重要活动氛围，宣扬美化侵略战争', null, '第三十五条'),
  // 第二节 妨害公共安全
  moved('非法制造、买卖、储存、运输、携带、使用危险物质', '第三十条', '第三十六条'),
  moved('危险物质被盗、被抢、丢失不报', '第三十一条', '第三十七条'),
  moved('非法携带枪支、弹药、管制器具', '第三十二条', '第三十八条'),
  moved('盗窃、损毁公共设施，移动、损毁边境标志', '第三十三条', '第三十九条'),
  moved('盗窃、损坏、擅自移动航空设施，强行进入驾驶舱', '第三十四条第一款', '第四十条第一款'),
  moved('在航空器上使用影响导航的器具、工具', '第三十四条第二款', '第四十条第二款'),
  moved('抢控驾驶操纵装置、殴打驾驶人员等干扰公共交通工具行驶', null, '第四十条第三款'),
  moved('盗窃、损毁铁路（城市轨道交通）设施、设备等', '第三十五条', '第四十一条'),
  moved('擅自进入铁路（城市轨道交通）防护网、抢越铁路', '第三十六条', '第四十二条'),
  moved('擅自安装使用电网、施工不设警示、盗窃损毁井盖等', '第三十七条', '第四十三条第一项至第三项'),
  moved('升放携带明火的升空物体', null, '第四十三条第四项'),
  moved('高空抛物', null, '第四十三条第五项'),
  moved('大型群众性活动违反安全规定', '第三十八条', '第四十四条'),
  moved('公众活动场所违反安全规定', '第三十九条', '第四十五条'),
  moved('违规飞行无人驾驶航空器', null, '第四十六条第一款'),
  moved('飞行、升放升空物体非法穿越国（边）境', null, '第四十六条第二款'),
  // 第三节 侵犯人身权利、财产权利
  moved('组织恐怖残忍表演、强迫劳动、非法限制人身自由、非法侵入住宅、非法搜查身体', '第四十条', '第四十七条'),
  moved('组织、胁迫未成年人有偿陪侍', null, '第四十八条'),
  moved('胁迫、诱骗、利用他人乞讨；滋扰他人乞讨', '第四十一条', '第四十九条'),
  moved('威胁他人人身安全', '第四十二条第一项', '第五十条第一款第一项'),
  moved('侮辱', '第四十二条第二项', '第五十条第一款第二项'),
  moved('诽谤', '第四十二条第二项', '第五十条第一款第二项'),
  moved('诬告陷害', '第四十二条第三项', '第五十条第一款第三项'),
  moved('威胁、侮辱、殴打、打击报复证人及其近亲属', '第四十二条第四项', '第五十条第一款第四项'),
  moved('发送信息干扰正常生活', '第四十二条第五项', '第五十条第一款第五项'),
  moved('侵犯隐私', '第四十二条第六项', '第五十条第一款第六项'),
  moved('违反禁止接触被侵害人的规定', null, '第五十条第二款'),
  moved('殴打他人', '第四十三条第一款', '第五十一条第一款'),
  moved('故意伤害', '第四十三条第一款', '第五十一条第一款'),
  moved('结伙、殴打特定对象、多次或者多人殴打伤害', '第四十三条第二款', '第五十一条第二款'),
  moved('猥亵', '第四十四条', '第五十二条第一款'),
  moved('在公共场所故意裸露身体', '第四十四条', '第五十二条第二款'),
  moved('虐待家庭成员', '第四十五条第一项', '第五十三条第一项'),
  moved('虐待被监护、看护的人', null, '第五十三条第二项'),
  moved('遗弃', '第四十五条第二项', '第五十三条第三项'),
  moved('强迫交易', '第四十六条', '第五十四条'),
  moved('煽动民族仇恨、民族歧视，刊载民族歧视、侮辱内容', '第四十七条', '第五十五条'),
  moved('出售、提供、非法获取个人信息', null, '第五十六条'),
  moved('冒领、隐匿、毁弃、倒卖、私自开拆、非法检查他人邮件、快件', '第四十八条', '第五十七条'),
  moved('盗窃', '第四十九条', '第五十八条'),
  moved('诈骗', '第四十九条', '第五十八条'),
  moved('哄抢、抢夺、敲诈勒索', '第四十九条', '第五十八条'),
  moved('故意损毁财物', '第四十九条', '第五十九条'),
  moved('学生欺凌（依照本法处罚，采取矫治教育措施；无独立罚则）', null, '第六十条'),
  // 第四节 妨害社会管理
  moved('拒不执行紧急状态决定、命令', '第五十条第一款第一项', '第六十一条第一款第一项'),
  moved('阻碍执行职务', '第五十条第一款第二项', '第六十一条第一款第二项'),
  moved('阻碍特种车辆（专用船舶）通行', '第五十条第一款第三项', '第六十一条第一款第三项'),
  moved('冲闯警戒带、警戒区（检查点）', '第五十条第一款第四项', '第六十一条第一款第四项'),
  moved('阻碍人民警察依法执行职务（从重）', '第五十条第二款', '第六十一条第二款'),
  moved('冒充国家机关工作人员招摇撞骗', '第五十一条第一款', '第六十二条第一款'),
  moved('冒充军警人员招摇撞骗（从重）', '第五十一条第二款', '第六十二条第二款'),
  moved('以其他虚假身份（盗用、冒用个人、组织身份、名义）招摇撞骗', '第五十一条第一款', '第六十二条第三款'),
  moved(
    '伪造、变造、买卖、出租、出借公文、证件、证明文件、印章，倒卖有价票证，伪造船舶户牌',
    '第五十二条',
    '第六十三条',
  ),
  moved('船舶擅自进入、停靠禁止、限制进入的水域或者岛屿', '第五十三条', '第六十四条'),
  moved('非法以社会组织名义活动，擅自经营需公安机关许可的行业', '第五十四条', '第六十五条'),
  moved('煽动、策划非法集会、游行、示威', '第五十五条', '第六十六条'),
  moved('旅馆业不按规定登记、不制止、不报告', '第五十六条', '第六十七条'),
  moved('房屋出租人不按规定登记、不报告', '第五十七条', '第六十八条'),
  moved('娱乐场所和公章刻制、机动车修理、报废机动车回收行业不登记信息', null, '第六十九条'),
  moved('非法安装、使用、提供窃听、窃照专用器材', null, '第七十条'),
  moved('典当、废旧物品收购违反规定', '第五十九条', '第七十一条'),
  moved('妨害执法秩序（隐藏扣押财物、伪造证据、窝藏赃物、违反监管规定）', '第六十条', '第七十二条'),
  moved('违反禁止令、职业禁止决定，拒不执行告诫书，违反禁止接触保护措施', null, '第七十三条'),
  moved('依法被关押的违法行为人脱逃', null, '第七十四条'),
  moved('故意损坏文物、名胜古迹，危及文物安全', '第六十三条', '第七十五条'),
  moved('偷开机动车，无证驾驶、偷开航空器、机动船舶', '第六十四条', '第七十六条'),
  moved('破坏、污损坟墓，毁坏、丢弃尸骨、骨灰，违法停放尸体', '第六十五条', '第七十七条'),
  moved('卖淫、嫖娼', '第六十六条第一款', '第七十八条第一款'),
  moved('拉客招嫖', '第六十六条第二款', '第七十八条第二款'),
  moved('引诱、容留、介绍卖淫', '第六十七条', '第七十九条'),
  moved('制作、运输、复制、出售、出租淫秽物品，传播淫秽信息', '第六十八条', '第八十条'),
  moved('组织播放淫秽音像、组织或者进行淫秽表演、参与聚众淫乱', '第六十九条', '第八十一条'),
  moved('赌博', '第七十条', '第八十二条'),
  moved('非法种植毒品原植物，非法买卖、运输、持有毒品原植物种子、幼苗、罂粟壳', '第七十一条', '第八十三条'),
  moved(
    '非法持有毒品、向他人提供毒品、胁迫欺骗医务人员开具麻醉药品精神药品',
    '第七十二条',
    '第八十四条第一款',
  ),
  moved('吸食毒品', '第七十二条第三项', '第八十四条第一款第三项'),
  moved('聚众、组织吸食、注射毒品（首要分子、组织者从重）', null, '第八十四条第二款'),
  moved('违反责令不得进入娱乐场所、不得接触涉毒人员的规定', null, '第八十四条第三款'),
  moved('引诱、教唆、欺骗、强迫他人吸食、注射毒品', '第七十三条', '第八十五条第一款'),
  moved('容留他人吸毒、介绍买卖毒品', null, '第八十五条第二款'),
  moved('非法生产、经营、购买、运输制毒原料、配剂', null, '第八十六条'),
  moved('为吸毒、赌博、卖淫、嫖娼人员通风报信', '第七十四条', '第八十七条'),
  moved('制造噪声干扰正常生活', '第五十八条', '第八十八条'),
  moved('饲养动物干扰他人正常生活、放任动物恐吓他人', '第七十五条第一款', '第八十九条第一款'),
  moved('违规出售、饲养烈性犬等危险动物', null, '第八十九条第二款'),
  moved('未对动物采取安全措施致使动物伤害他人', null, '第八十九条第三款'),
  moved('驱使动物伤害他人', '第七十五条第二款', '第八十九条第四款'),
];

/** 2012 chapter-3 articles the 2025 text does not carry over (checked: no 偷越, no 强制性教育措施). */
export const ZHIAN_2012_NOT_CARRIED_OVER: { name: string; article2012: string; note: string }[] = [
  {
    name: '协助组织、运送他人偷越国（边）境',
    article2012: '第六十一条',
    note: 'Not in the 2025 text. 出境入境管理法 (2012) 第七十二条 punishes 协助他人非法出境入境.',
  },
  {
    name: '为偷越国（边）境人员提供条件；偷越国（边）境',
    article2012: '第六十二条',
    note: 'Not in the 2025 text. 出境入境管理法 (2012) 第七十一条 punishes 非法出境入境.',
  },
  {
    name: '屡教不改的强制性教育措施',
    article2012: '第七十六条',
    note: 'A measure, not an offence; not in the 2025 text.',
  },
];
