/**
 * The words of the demo year: people, places and the narratives of 110 records, written the
 * way a district branch's records read. Pure data and small pickers; no database.
 */
import { idNumberCheckDigit } from '@fazhi/common';

export type Rng = () => number;

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const between = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** Picks by weight: [[value, weight], …]. */
export function weighted<T>(r: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

// ---- people ----------------------------------------------------------------------------------

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡佳雪梅琳晨阳博文婷晶杨建国志红春燕海波德福';

export const personName = (r: Rng) =>
  pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.7 ? pick(r, [...GIVEN]) : '');

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];
export const mobile = (r: Rng) => pick(r, MOBILE_PREFIXES) + String(Math.floor(r() * 1e8)).padStart(8, '0');

/** Chongqing districts mostly, with the neighbouring provinces people come from. */
const REGIONS = [
  '500112',
  '500112',
  '500112',
  '500105',
  '500103',
  '500106',
  '500108',
  '500107',
  '500113',
  '500101',
  '500230',
  '500235',
  '500243',
  '510122',
  '511602',
  '522121',
  '430181',
  '420500',
  '410105',
];

/** A resident ID number with a valid birth date and check digit (GB 11643-1999). */
export function idNumber(r: Rng, birthYearFrom = 1960, birthYearTo = 2004): string {
  const y = between(r, birthYearFrom, birthYearTo);
  const m = between(r, 1, 12);
  const d = between(r, 1, 28);
  const first17 = `${pick(r, REGIONS)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(between(r, 1, 999)).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A unified social credit code (GB 32100-2015) of a Chongqing company, with its check character. */
export function creditCode(r: Rng): string {
  let body = `915001${pick(r, ['12', '05', '03', '06'])}`;
  while (body.length < 17) body += CREDIT_CHARS[Math.floor(r() * CREDIT_CHARS.length)];
  const sum = [...body].reduce((a, c, i) => a + CREDIT_CHARS.indexOf(c) * CREDIT_WEIGHTS[i]!, 0);
  return body + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

const COMPANY_WORDS = [
  '鑫达',
  '渝丰',
  '恒通',
  '汇川',
  '金桥',
  '盛宇',
  '华信',
  '宏远',
  '嘉禾',
  '同创',
  '两江',
  '巴渝',
  '龙湖',
  '锦程',
];
const COMPANY_KINDS = [
  '科技有限公司',
  '商贸有限公司',
  '物流有限公司',
  '餐饮管理有限公司',
  '建筑劳务有限公司',
  '电子商务有限公司',
  '物业管理有限公司',
];
export const companyName = (r: Rng) => `重庆${pick(r, COMPANY_WORDS)}${pick(r, COMPANY_KINDS)}`;

// ---- places ----------------------------------------------------------------------------------

const ROADS = [
  '解放路',
  '人民路',
  '新华路',
  '建设路',
  '中山路',
  '和平路',
  '兴盛大道',
  '金开大道',
  '松石北路',
  '宝圣大道',
  '汉渝路',
  '双湖路',
  '数据谷路',
  '礼嘉大道',
  '黄山大道',
  '红锦大道',
  '北环大道',
  '龙华大道',
  '空港大道',
  '桃源路',
  '长安路',
  '青枫路',
  '星光大道',
  '金渝大道',
  '民安大道',
  '花卉园路',
  '嘉州路',
  '新南路',
  '龙山路',
  '紫荆路',
  '湖彩路',
  '天山大道',
  '泰山大道',
  '洪湖路',
  '余松路',
  '五童路',
  '龙塘路',
  '回兴路',
  '石坪路',
  '翠云路',
];
const ESTATES = [
  '金科天籁城',
  '龙湖紫都城',
  '融创白象街',
  '恒大名都',
  '万科金域华府',
  '碧桂园',
  '中央公园',
  '协信城',
  '龙湖新壹城',
  '鲁能星城',
  '华润二十四城',
  '保利香雪',
  '棕榈泉',
  '阳光城',
  '东原D7',
];
export const LANDMARKS = [
  '农贸市场',
  '地铁站',
  '公交站台',
  '商业广场',
  '超市',
  '网吧',
  'KTV',
  '火锅店',
  '烧烤摊',
  '宾馆',
  '中学门口',
  '建筑工地',
  '停车场',
  '医院门诊部',
  '快递驿站',
  '棋牌室',
  '小吃街',
  '社区广场',
  '加油站',
  '酒吧',
];

export interface Street {
  /** 城关街道, 木耳镇 … */
  name: string;
  roads: string[];
}

/** Each station's own street (its name) and four roads, fixed per station so places repeat. */
export function stationStreet(stationName: string, index: number): Street {
  const base = stationName.replace(/派出所$/, '');
  const name = base === '木耳' || base === '古路' ? `${base}镇` : `${base}街道`;
  const roads = [0, 1, 2, 3].map((k) => ROADS[(index * 7 + k * 11) % ROADS.length]!);
  return { name, roads };
}

export const DISTRICT = '重庆市渝州区';

export interface Place {
  full: string;
  road: string;
  landmark: string;
  estate: string;
}

export function place(r: Rng, s: Street): Place {
  const road = pick(r, s.roads);
  const landmark = pick(r, LANDMARKS);
  const estate = pick(r, ESTATES);
  const k = r();
  const tail =
    k < 0.45
      ? `${between(r, 1, 399)}号${estate}${between(r, 1, 32)}栋${between(r, 1, 6)}单元${between(r, 2, 33)}-${between(r, 1, 8)}`
      : k < 0.8
        ? `${between(r, 1, 399)}号${landmark}`
        : `${landmark}附近`;
  return { full: `${DISTRICT}${s.name}${road}${tail}`, road, landmark, estate };
}

/** A party's home address: a full street address in a Chongqing district. */
export function homeAddress(r: Rng, s: Street): string {
  return `${DISTRICT}${s.name}${pick(r, s.roads)}${between(r, 1, 399)}号${pick(r, ESTATES)}${between(r, 1, 32)}栋${between(r, 1, 30)}-${between(r, 1, 8)}`;
}

// ---- narratives ------------------------------------------------------------------------------

export interface Slots {
  caller: string;
  place: Place;
  amount: number;
  other: string;
  company: string;
}

type Template = (s: Slots, r: Rng) => string;

const PHONES = ['华为', 'OPPO', 'vivo', '小米', '苹果'];
const FRAUD_ROLES = [
  '电商平台客服',
  '快递理赔专员',
  '公安局民警',
  '贷款平台工作人员',
  '游戏装备交易平台客服',
  '社保局工作人员',
];
const FRAUD_APPS = [
  '刷单返利',
  '网络投资理财',
  '虚假网络贷款',
  '冒充客服退款',
  '网络游戏交易',
  '虚假征信修复',
];

/** 110 narratives per sub-category; every one reads as a call-taker writes it. */
export const NARRATIVES: Record<string, Template[]> = {
  'XS-RSDQ': [
    (s) =>
      `报警人${s.caller}称其位于${s.place.full}的家中被盗，入户门锁有撬压痕迹，丢失现金约${s.amount}元及金首饰若干。`,
    (s) => `报警人${s.caller}称外出返家后发现窗户防盗网被剪断，家中笔记本电脑一台及现金${s.amount}元被盗。`,
    (s) =>
      `报警人${s.caller}称其经营的位于${s.place.road}的门市夜间被人撬门进入，收银台内现金${s.amount}元被盗。`,
  ],
  'XS-DQ': [
    (s, r) =>
      `报警人${s.caller}称停放在${s.place.road}${s.place.landmark}门口的电动自行车被盗，车辆价值约${s.amount}元，车身${pick(r, ['白', '黑', '红', '蓝'])}色。`,
    (s, r) =>
      `报警人${s.caller}称在${s.place.landmark}购物时放在衣服口袋内的${pick(r, PHONES)}手机被盗，价值约${s.amount}元。`,
    (s) =>
      `报警人${s.caller}称其停放在${s.place.estate}地下车库的车辆内财物被盗，车窗玻璃被砸，损失约${s.amount}元。`,
    (s) => `报警人${s.caller}称${s.company}工地上堆放的钢筋、电缆被盗，损失约${s.amount}元。`,
  ],
  'XS-ZP': [
    (s) => `报警人${s.caller}称在网上购买二手手机，通过转账支付${s.amount}元后对方将其拉黑。`,
    (s) =>
      `报警人${s.caller}称在${s.place.landmark}附近遇一男子以低价出售“祖传玉器”为由骗走现金${s.amount}元。`,
    (s) => `报警人${s.caller}称有人冒充其朋友通过微信借款，其转账${s.amount}元后发现被骗。`,
  ],
  'XS-DXZP': [
    (s, r) =>
      `报警人${s.caller}称接到自称“${pick(r, FRAUD_ROLES)}”的电话，按对方指引下载会议软件并开启屏幕共享，通过手机银行转账${s.amount}元后发现被骗。`,
    (s, r) =>
      `报警人${s.caller}称在网上参与“${pick(r, FRAUD_APPS)}”，先后多次转账共计${s.amount}元后无法提现，对方失联。`,
    (s) =>
      `报警人${s.caller}称接到自称公检法工作人员电话，称其涉嫌洗钱需将资金转入“安全账户”，其转账${s.amount}元。`,
  ],
  'XS-QJ': [
    (s) =>
      `报警人${s.caller}称夜间行至${s.place.road}附近时被两名男子持刀威胁，被抢走手机一部及现金${s.amount}元，嫌疑人往${s.place.landmark}方向逃离。`,
    (s) =>
      `报警人${s.caller}称在${s.place.landmark}旁被一男子强行抢走挎包，包内有现金${s.amount}元及身份证件。`,
  ],
  'XS-GYSH': [
    (s) =>
      `报警人${s.caller}称在${s.place.landmark}与${s.other}发生冲突，被对方用啤酒瓶砸伤头部，已送医救治，伤情待鉴定。`,
    (s) => `报警人${s.caller}称其因债务问题被${s.other}等人持械殴打，致手臂骨折。`,
  ],
  'ZA-DO': [
    (s) => `报警人${s.caller}称在${s.place.landmark}因琐事与${s.other}发生口角，被对方殴打致面部软组织挫伤。`,
    (s) => `报警人${s.caller}称因停车问题与${s.other}发生争执，双方互相推搡厮打。`,
    (s) => `报警人${s.caller}称在${s.place.road}驾车时与${s.other}发生剐蹭，对方下车后对其拳打脚踢。`,
    (s) => `报警人${s.caller}称在${s.place.estate}小区内被邻居${s.other}打伤。`,
  ],
  'ZA-DB': [
    (s) => `群众举报${s.place.full}一棋牌室内有人聚众赌博，赌注较大。`,
    (s) => `群众举报${s.place.estate}一出租屋内有多人利用麻将机赌博，每局输赢数百元。`,
    () => `民警巡逻发现一茶馆内有人以“斗地主”形式赌博，现场查获赌资若干。`,
  ],
  'ZA-XC': [
    (s) => `报警人${s.caller}称有人在${s.place.landmark}内借故生非，随意损毁店内物品，拒不赔偿。`,
    (s) => `报警人${s.caller}称一醉酒男子在${s.place.road}无故拦截过往行人并辱骂他人。`,
    (s) => `报警人${s.caller}称${s.other}多次到其经营的门市无故滋扰，影响经营。`,
  ],
  'ZA-XD': [
    (s) => `群众举报${s.place.full}内有人疑似吸食毒品，屋内时常传出异味。`,
    (s) => `民警在${s.place.landmark}盘查发现一男子神情恍惚、言语不清，疑似吸毒。`,
  ],
  'ZA-SR': [
    (s) => `报警人${s.caller}称有人在${s.place.landmark}内大声吵闹、拒不离开，扰乱正常经营秩序。`,
    () => `报警人称有人在医院挂号大厅内滋闹，辱骂医护人员，影响就医秩序。`,
    (s) => `报警人${s.caller}称${s.company}门口有多人聚集，堵塞大门，影响正常办公。`,
  ],
  'JT-SG': [
    (s) =>
      `报警人${s.caller}称在${s.place.road}与${s.place.landmark}路口两车发生碰撞，无人员受伤，双方对责任有争议。`,
    (s) => `报警人${s.caller}称一辆电动自行车与行人在${s.place.road}相撞，行人轻微擦伤。`,
    (s) => `报警人${s.caller}称其车辆停放在${s.place.estate}门口被刮擦，肇事车辆已驶离。`,
  ],
  'JT-YD': [
    (s) => `报警人称${s.place.road}${s.place.landmark}路段车辆拥堵严重，请求疏导。`,
    (s) => `报警人称${s.place.road}有车辆违停堵塞消防通道。`,
  ],
  'JF-LL': [
    (s) => `报警人${s.caller}称楼上住户长期在夜间发出噪音，多次协商未果。`,
    (s) => `报警人${s.caller}称邻居${s.other}在公共过道堆放杂物，双方发生争执。`,
    (s) => `报警人${s.caller}称与邻居因房屋漏水赔偿问题发生纠纷。`,
  ],
  'JF-JT': [
    (s) => `报警人${s.caller}称与丈夫因家庭琐事发生争吵，对方摔砸家中物品，请求民警到场处理。`,
    (s) => `报警人${s.caller}称与兄弟姐妹因父母赡养问题发生纠纷。`,
    (s) => `报警人${s.caller}称与前夫因子女抚养问题发生争执。`,
  ],
  'JF-JJ': [
    (s) => `报警人${s.caller}称在${s.company}务工被拖欠工资${s.amount}元，与负责人发生纠纷。`,
    (s) => `报警人${s.caller}称与${s.company}因货款结算发生纠纷，对方拒不支付${s.amount}元。`,
    (s) => `报警人${s.caller}称在${s.place.landmark}消费后与商家因价格问题发生纠纷。`,
  ],
  'QZ-ZR': [
    (s, r) => `报警人${s.caller}称其${between(r, 72, 89)}岁的母亲外出未归，患有阿尔茨海默症，请求帮助寻找。`,
    (s, r) => `报警人${s.caller}称其${between(r, 4, 9)}岁的孩子在${s.place.landmark}走失。`,
  ],
  'QZ-KS': [
    (s) => `报警人${s.caller}称钥匙遗失被锁门外，家中有幼儿，请求帮助。`,
    (s) => `报警人${s.caller}称其在${s.place.estate}的住房门锁损坏无法进入，请求帮助。`,
  ],
  QT: [
    (s) => `报警人${s.caller}称在${s.place.landmark}拾得钱包一个，内有证件及现金，请求民警帮助寻找失主。`,
    (s) => `报警人${s.caller}反映${s.place.road}附近路灯损坏，夜间出行存在安全隐患。`,
    () => `群众咨询户籍迁移办理相关事项。`,
    (s) => `报警人${s.caller}称有人在${s.place.landmark}附近散发传单，请民警到场查看。`,
  ],
};

/** The 2021-2022 epidemic years: incidents about checkpoints and home health monitoring. */
export const EPIDEMIC_NARRATIVES: Record<string, Template[]> = {
  'ZA-SR': [
    (s) => `报警人${s.caller}称有人在${s.place.landmark}拒不配合扫码测温，与防疫工作人员发生争执。`,
    (s) => `报警人称${s.place.estate}小区有人强行冲卡，拒不配合疫情防控工作。`,
  ],
  QT: [(s) => `群众反映${s.place.full}有人未按规定落实居家健康监测。`],
  'QZ-ZR': [(s) => `报警人${s.caller}称其在${s.place.estate}居家隔离期间家中老人突发疾病，请求协助送医。`],
};

export const DISPOSAL_NOTES: Record<string, string[]> = {
  handled_on_scene: [
    '民警到场后对双方进行了批评教育，双方表示不再发生争执。',
    '民警到场核实情况，已现场处置完毕。',
    '已协助报警人处理，报警人表示满意。',
    '民警到场疏导，现场秩序已恢复正常。',
  ],
  mediated: ['经民警现场调解，双方达成和解协议。', '经驻所律师参与调解，双方自愿和解并签订调解协议。'],
  no_action: [
    '经核实，报警人反映情况不属实。',
    '民警到场时当事人已离开，经联系报警人称已自行解决。',
    '经核实系误报。',
  ],
  transferred: [
    '已移交街道办事处处理。',
    '已告知报警人向市场监管部门反映。',
    '已移交城市管理部门处理。',
    '已告知当事人通过民事诉讼途径解决。',
  ],
};

export const TRANSFER_TARGETS = [
  '区市场监督管理局',
  '区城市管理局',
  '区人力资源和社会保障局',
  '区交通运输委员会',
  '区人民法院',
];

// ---- cases -----------------------------------------------------------------------------------

export const SEND_BACK_REASONS: { item: string; text: string }[] = [
  { item: 'evidence', text: '证据不足：缺少被侵害人伤情鉴定意见，请补充。' },
  { item: 'procedure', text: '询问笔录未记载告知当事人权利义务，程序存在瑕疵，请补正。' },
  { item: 'appropriateness', text: '处罚幅度与同类案件明显不一致，请重新研判裁量基准。' },
  { item: 'facts', text: '违法事实描述与证人证言不一致，请补充调查核实。' },
  { item: 'formalities', text: '缺少呈请处罚审批表负责人签字，法律手续不完备。' },
  { item: 'evidence', text: '现场执法视音频资料未随卷移交，请补充。' },
  { item: 'subject', text: '违法行为人身份信息未核实，请补充户籍证明材料。' },
  { item: 'jurisdiction', text: '违法行为发生地不在本单位辖区，请核实管辖。' },
  { item: 'time_limits', text: '传唤询问时间超过规定时限未说明理由，请补充说明。' },
];

export const MEDIATION_REASONS = [
  '双方当事人自愿和解，经调解达成协议，依法不予处罚。',
  '情节轻微，经调解双方达成和解，赔偿已履行完毕。',
];
export const REFUSE_REASONS = [
  '经审查，报案事实不属于公安机关管辖的行政案件。',
  '经审查，没有违法事实。',
  '经审查，属于民事纠纷，已告知当事人通过诉讼途径解决。',
];
export const NOT_FILED_REASONS = [
  '经审查，没有犯罪事实。',
  '经审查，涉案金额未达到刑事立案追诉标准，转为治安案件处理。',
  '经审查，属于经济纠纷，不属于公安机关管辖。',
];

export const FEEDBACK_CONTENT: Record<string, string[]> = {
  notify_filing: ['检察机关认为该线索应当立案侦查，通知公安机关立案。'],
  correction_notice: [
    '检察机关指出讯问同步录音录像不完整，要求予以纠正。',
    '检察机关指出未在规定期限内通知家属，要求纠正。',
  ],
  procuratorial_suggestion: ['建议加强对涉案财物的规范管理。', '建议规范电子数据提取固定程序。'],
  no_arrest: ['检察机关以证据不足为由作出不批准逮捕决定。'],
  no_prosecution: ['检察机关以犯罪情节轻微为由作出不起诉决定。'],
};

export const OFFLINE_TITLES = [
  '现场醉酒滋事人员即时处置',
  '执法办案系统故障期间受理案件',
  '涉密线索核查案件',
  '网络中断期间办理的治安案件',
  '重大活动安保期间现场处置案件',
];
