import type { RubricItem } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { evaluationRubrics } from '../../db/schema/index.ts';

/**
 * The default rubric, modelled on 《公安机关执法质量考评工作规定》 (Ministry of Public Security,
 * 2016): the case is scored out of 100; each item takes off at most its `maxDeduction`; the veto
 * items (一票否决) make the case worth 0. A unit averaging 90 or more without a veto is 优秀.
 * The items overlap the 案件审核规范 checklist on purpose: evaluation checks the same things
 * afterwards, on a sample, that review checked before the decision on every case.
 */
export const DEFAULT_RUBRIC_ITEMS: RubricItem[] = [
  {
    code: 'acceptance',
    nameZh: '受案立案',
    nameEn: 'Acceptance and registration',
    maxDeduction: 15,
    veto: false,
    guide: '有案不受、受案不及时、立案不当、不按规定出具受案回执或不予立案通知书',
  },
  {
    code: 'coercive_measures',
    nameZh: '强制措施',
    nameEn: 'Coercive measures',
    maxDeduction: 15,
    veto: false,
    guide: '适用条件、审批手续、执行期限、告知家属不符合规定；超期羁押',
  },
  {
    code: 'evidence',
    nameZh: '调查取证',
    nameEn: 'Investigation and evidence',
    maxDeduction: 20,
    veto: false,
    guide: '证据收集不全面、不客观，取证程序违法，关键证据缺失，证据之间矛盾未排除',
  },
  {
    code: 'case_review',
    nameZh: '案件审核',
    nameEn: 'Case review',
    maxDeduction: 10,
    veto: false,
    guide: '未经法制审核即作出决定，审核流于形式，重大案件未集体讨论',
  },
  {
    code: 'law_application',
    nameZh: '法律适用与处理',
    nameEn: 'Application of law and disposition',
    maxDeduction: 15,
    veto: false,
    guide: '定性不准，适用法律条款错误，处罚畸轻畸重，超出裁量基准',
  },
  {
    code: 'procedure',
    nameZh: '执法程序',
    nameEn: 'Procedure',
    maxDeduction: 10,
    veto: false,
    guide: '未告知陈述申辩、听证权利，文书未送达或送达不规范，回避不当',
  },
  {
    code: 'documents',
    nameZh: '文书制作',
    nameEn: 'Legal documents',
    maxDeduction: 10,
    veto: false,
    guide: '文书使用不当，漏填错填，签名捺印缺失，笔录不规范',
  },
  {
    code: 'seized_property',
    nameZh: '涉案财物管理',
    nameEn: 'Seized property',
    maxDeduction: 10,
    veto: false,
    guide: '未登记、未移交涉案财物管理中心，保管、处置、返还手续不全',
  },
  {
    code: 'publicity',
    nameZh: '执法公示',
    nameEn: 'Enforcement publicity',
    maxDeduction: 5,
    veto: false,
    guide: '行政处罚决定未在 7 个工作日内、其他决定未在 20 个工作日内公示',
  },
  {
    code: 'time_limits',
    nameZh: '办案期限',
    nameEn: 'Time limits',
    maxDeduction: 10,
    veto: false,
    guide: '超过法定办案期限，延长期限未经审批',
  },
  {
    code: 'camera',
    nameZh: '执法记录仪使用',
    nameEn: 'Body camera',
    maxDeduction: 5,
    veto: false,
    guide: '现场执法未全程录音录像或记录未按规定存储',
  },
  {
    code: 'case_file',
    nameZh: '卷宗管理',
    nameEn: 'Case file',
    maxDeduction: 5,
    veto: false,
    guide: '卷宗材料不全、装订不规范、未按期归档',
  },
  {
    code: 'torture',
    nameZh: '刑讯逼供、暴力取证',
    nameEn: 'Torture or violent evidence-gathering',
    maxDeduction: 100,
    veto: true,
    guide: '一票否决',
  },
  {
    code: 'unlawful_coercion',
    nameZh: '违法使用强制措施',
    nameEn: 'Unlawful use of coercive measures',
    maxDeduction: 100,
    veto: true,
    guide: '一票否决：无法定依据或超越职权限制人身自由、查封扣押财物',
  },
  {
    code: 'wrongful_case',
    nameZh: '错案',
    nameEn: 'Wrongful case',
    maxDeduction: 100,
    veto: true,
    guide: '一票否决：被复议撤销、判决撤销或确认违法，或引起国家赔偿',
  },
  {
    code: 'favouritism',
    nameZh: '徇私枉法、违规插手干预案件',
    nameEn: 'Bending the law or interfering in a case',
    maxDeduction: 100,
    veto: true,
    guide: '一票否决',
  },
];

export const DEFAULT_RUBRIC = {
  name: '执法质量考评细则（2021 版）',
  fullScore: 100,
  excellentScore: 90,
  effectiveFrom: '2021-01-01',
};

/** The branch's default evaluation rubric, inserted if the branch has none. */
export async function seedEvaluationDefaults(db: Queryable, orgId: number): Promise<void> {
  // Idempotent: the data step may run again over a branch that already has its rubric(s).
  const [has] = await db
    .select({ id: evaluationRubrics.id })
    .from(evaluationRubrics)
    .where(eq(evaluationRubrics.orgId, orgId))
    .limit(1);
  if (has) return;
  await db
    .insert(evaluationRubrics)
    .values({ orgId, ...DEFAULT_RUBRIC, items: DEFAULT_RUBRIC_ITEMS })
    .onConflictDoNothing();
}
