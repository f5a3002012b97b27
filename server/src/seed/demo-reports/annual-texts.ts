/**
 * How the demo branch rewrote each year's annual report after starting it from the year before:
 * the paragraphs that told the earlier year's events (the 2021 COVID work, the 建党100周年 security,
 * the 2021 training, the 教育整顿) rewritten for the year, with that year's dates and events. A
 * finished year's text so holds no other year's events; the current year's draft, started from
 * last year's, still holds last year's — and shows them flagged, as a real draft would.
 */
import type { ReportBlock } from '@fazhi/common';

type Edit =
  /** The block's text (and heading) rewritten. */
  | { block: string; heading?: string; text: string }
  /** Words replaced in place: [from, to], each expected in the block. */
  | { block: string; replace: [string, string][] };

/** The year's major security event (重大安保) and the campaign of the party's education (学习教育). */
const EVENTS: Record<number, { security: string; task: string; campaign: string }> = {
  2022: {
    security: '党的二十大安保维稳期间',
    task: '党的二十大安保维稳任务',
    campaign: '“喜迎二十大、忠诚保平安”主题实践活动',
  },
  2023: {
    security: '成都大运会安保期间',
    task: '成都大运会等重大活动安保任务',
    campaign: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
  },
  2024: {
    security: '新中国成立75周年安保期间',
    task: '新中国成立75周年等重大活动安保任务',
    campaign: '党纪学习教育',
  },
  2025: {
    security: '纪念抗战胜利80周年安保期间',
    task: '纪念抗战胜利80周年等重大活动安保任务',
    campaign: '深入贯彻中央八项规定精神学习教育',
  },
};
const ORDINARY = {
  security: '全国“两会”等重大活动安保期间',
  task: '各项重大活动安保任务',
  campaign: '习近平新时代中国特色社会主义思想学习',
};

/** The year's legal training, dated in the year (邀请高校法学专家…). */
const TRAINING: Record<number, string> = {
  2022: '3月18日邀请高校法学专家围绕《刑法修正案（十一）》的适用开展法制培训',
  2023: '11月9日邀请高校法学专家就修订后的《中华人民共和国行政复议法》开展专题培训',
  2024: '4月25日邀请高校法学专家围绕行政执法证据收集和审查开展专题培训',
  2025: '9月16日邀请高校法学专家就修订后的《中华人民共和国治安管理处罚法》开展专题培训',
};

const COVID_2022 =
  '按照各级党委政府统一部署，分局疫情防控指挥部坚持“外防输入、内防反弹”，严格落实重点人员排查管控措施，累计核查市局推送重点人员{{epidemic.key_persons_verified}}，落实居家隔离{{epidemic.home_quarantine}}，集中隔离{{epidemic.central_quarantine}}，核查率{{epidemic.key_persons_verification_rate}}。2022年8月至9月本地疫情期间，分局闻令而动，第一时间启动应急处置工作，突出流调溯源、精准封控、维护秩序等重点工作，接处110涉疫情警情{{incidents.epidemic_110}}，其中治安警情{{incidents.epidemic_110_public_order}}，均已妥善处置；共查处涉疫情行政案件{{cases.epidemic_admin_cases}}，处理违法行为人{{cases.epidemic_admin_offenders}}。2022年12月，按照国家优化疫情防控措施的部署，分局有序调整内部防控和窗口服务措施，确保各项警务工作平稳有序。';

const LAW_THOUGHT =
  '分局党委坚持把学习贯彻习近平法治思想作为首要政治任务，纳入党委理论学习中心组学习计划和全警教育培训内容，通过专题辅导、集中研讨、以案释法等方式，推动习近平法治思想入脑入心。坚持把法治要求贯穿公安工作全过程，严格落实党政主要负责人履行推进法治建设第一责任人职责规定，将法治建设纳入分局绩效考评，推动各单位把法治思想转化为严格规范公正文明执法的具体行动。';

const NORMATIVE_DOCUMENTS =
  '分局严格按照《渝州区人民政府办公室关于加强行政规范性文件管理的通知》《重庆市行政规范性文件管理办法》等规定，落实行政规范性文件起草、征求意见、风险评估、合法性审核、集体审议、公布和备案各环节要求。今年以来，分局对现行有效的行政规范性文件逐件开展清理，与新修改法律法规不一致的及时提请修改或者废止，清理结果在渝州区人民政府网站政府信息公开栏目公布。\n一是公开征求意见，涉及群众切身利益的文件均通过电话访问、现场访问、网上征求等方式听取意见，对未采纳的意见作出说明。\n二是进行风险评估，对可能影响社会稳定的文件委托专业机构开展风险评估。\n三是合法性审查，文件提交行政办公会议审议前均经法制支队合法性审核，并按规定报送区司法局备案审查。';

const LITIGATION_OPENING: [string, string] = [
  '2017年6月27日全国人大常务委员会通过了关于修改《中华人民共和国行政诉讼法》的决定，在依法治国的大背景下，公民诉讼权利的保障在法律实体方面又取得了长足进步，人民群众的法律意识逐步提高。2021年3月22日分局修订了《渝州区公安分局行政应诉实施办法》，详细规定了收到应诉通知书后立即启动行政应诉程序，',
  '在依法治国的大背景下，公民诉讼权利的保障不断加强，人民群众的法律意识逐步提高。分局严格执行《渝州区公安分局行政应诉实施办法》，收到应诉通知书后立即启动行政应诉程序，',
];

/** Wording that outlived its year, fixed once in the year it went stale (year-neutral afterwards). */
const ONCE: Record<number, Edit[]> = {
  2022: [
    { block: 'b015', text: NORMATIVE_DOCUMENTS },
    {
      block: 'b016',
      replace: [
        [
          '2016年，分局成立案件管理中心，统筹搭建专门的领导班子。',
          '分局自2016年起设立案件管理中心，统筹搭建专门的领导班子。',
        ],
      ],
    },
    {
      block: 'b020',
      text: '分局认真贯彻公安部、市公安局关于深化执法规范化建设的部署要求，坚持执法规范化建设领导小组统筹、法制部门抓总牵头，各部门警种按照任务分工做好牵头板块工作，对“五个一律”制度贯彻落实，制定明确的刚性举措，并将其作为一项基础性、长期性的重点工作，常抓不懈。',
    },
    { block: 'b025', replace: [LITIGATION_OPENING] },
    {
      block: 'b027',
      replace: [
        [
          '统筹抓好疫情防控和平安稳定工作，着力做好扫黑除恶专项斗争收官、决战脱贫攻坚等重点工作',
          '统筹抓好安全稳定和服务发展工作，着力做好常态化扫黑除恶、防范化解重大风险等重点工作',
        ],
      ],
    },
    {
      block: 'b028',
      replace: [
        [
          '《习近平谈治国理政》第三卷、习近平总书记重要训词精神、党的十九届五中全会精神',
          '《习近平谈治国理政》第四卷、习近平总书记重要训词精神、党的二十大精神',
        ],
        ['建立党委成员教育整顿联系点制度', '建立党委成员基层联系点制度'],
      ],
    },
  ],
  2023: [
    { block: 'b004', heading: '1.深入学习贯彻习近平法治思想。', text: LAW_THOUGHT },
    {
      block: 'b011',
      replace: [
        [
          '并对无法通过智能手机申领出示“健康码”的老年人，安排专人协助完成体温检测和相关登记手续，',
          '对不会使用智能手机的老年人安排专人协助办理，',
        ],
        [
          '根据国务院联防联控机制部署，对渝州辖区外籍人士开展新冠疫苗预约接种政策宣传。',
          '主动对接辖区企业和外籍人士，宣传出入境便利政策。',
        ],
      ],
    },
    {
      block: 'b029',
      replace: [
        ['重点围绕疫情防控、安全生产', '重点围绕安全生产'],
        ['全年实现监所疫情零感染、安全零事故、队伍零减员的“三无目标”', '全年实现监所安全零事故、队伍零违纪'],
        ['认真执行疫情防控期间“非必要非紧急不出境”政策及实质性审查要求', '认真执行实质性审查要求'],
      ],
    },
  ],
};

/** The paragraphs each year writes anew: its security event, its training, its campaign. */
function yearly(year: number, previous: readonly ReportBlock[]): Edit[] {
  const e = EVENTS[year] ?? ORDINARY;
  const b005 = previous.find((b) => b.id === 'b005')!.text;
  const b006 = previous.find((b) => b.id === 'b006')!.text;
  const b028 = previous.find((b) => b.id === 'b028')!.text;
  const training = TRAINING[year] ?? '6月邀请高校法学专家围绕行政执法常见问题开展专题培训';
  return [
    {
      block: 'b005',
      // From 在…期间 to the end: the year's security task replaces last year's.
      text: b005.replace(
        /在[^，。]*期间，分局依托.*$/s,
        `在${e.security}，分局依托“情指勤舆”一体化实战化运行机制，共梳理稳控拟进京重点人员{{stability.key_persons_controlled}}、劝返{{stability.persons_persuaded_back}}，教育训诫网上发表不当涉政言论{{stability.online_speech_admonished}}，成功处置涉稳事件{{stability.stability_events_handled}}、群体性事件{{stability.mass_incidents_handled}}，圆满完成了${e.task}。`,
      ),
    },
    {
      block: 'b006',
      text: b006.replace(
        /(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?邀请[^。]*。/,
        `${year}年${training}，对重点条文和执法中的常见问题进行了详细讲解。`,
      ),
    },
    {
      block: 'b028',
      text: b028.replace(
        /扎实开展[^，]*，以最高政治站位.*?现场会总结提炼经验；/s,
        `扎实开展${e.campaign}，以最高政治站位和最强责任担当，坚决打赢铁腕治警、正风肃纪攻坚战。组建专班，建立定期会商、包片督导、联络指导等{{party.rectification_systems}}制度，做到挂图作战、一体推进，确定{{party.rectification_pilot_units}}试点单位，组织{{party.rectification_onsite_meetings}}现场会总结提炼经验；`,
      ),
    },
    ...(year === 2022 ? [{ block: 'b004', text: COVID_2022 }] : []),
  ];
}

function apply(year: number, blocks: readonly ReportBlock[], edits: readonly Edit[]): ReportBlock[] {
  return blocks.map((b) => {
    let out = { ...b };
    for (const e of edits) {
      if (e.block !== b.id) continue;
      if ('text' in e) out = { ...out, text: e.text, ...(e.heading ? { heading: e.heading } : {}) };
      else
        for (const [from, to] of e.replace) {
          if (!out.text.includes(from)) throw new Error(`demo report ${year} ${b.id}: “${from}” not found`);
          out = { ...out, text: out.text.replace(from, to) };
        }
    }
    return out;
  });
}

/** The year's text: `previous` (last year's, years rebound) with the year's rewrites applied. */
export function rewriteForYear(year: number, previous: readonly ReportBlock[]): ReportBlock[] {
  const fixed = apply(year, previous, ONCE[year] ?? []);
  return apply(year, fixed, yearly(year, fixed));
}
