import { defaultRuleParams, type RuleKind, type RuleScope, type Severity } from '@fazhi/common';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { supervisionRules } from '../../db/schema/index.ts';

interface DefaultRule {
  kind: RuleKind;
  nameZh: string;
  nameEn: string;
  legalBasis: string;
  severity: Severity;
  scope: RuleScope;
  rectifyDays: number;
}

const KAOPING = '《公安机关执法质量考评工作规定》';
const XINGZHENG = '《公安机关办理行政案件程序规定》';
const XINGSHI = '《公安机关办理刑事案件程序规定》';

/**
 * The branch's default rules: one per kind, coded by the kind, in force from 2021-01-01 (the
 * first year the annual report covers) with the kind's default parameters.
 */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    kind: 'incident_without_case',
    nameZh: '有警无案（应立未立）',
    nameEn: 'Incident without a case',
    legalBasis: `《公安部关于改革完善受案立案制度的意见》（公通字〔2015〕32号）；${XINGZHENG}；${XINGSHI}；${KAOPING}`,
    severity: 'high',
    scope: 'incident',
    rectifyDays: 10,
  },
  {
    kind: 'case_idle',
    nameZh: '立而不侦',
    nameEn: 'Case idle',
    legalBasis: `${XINGSHI}；${XINGZHENG}；${KAOPING}`,
    severity: 'medium',
    scope: 'case',
    rectifyDays: 15,
  },
  {
    kind: 'clock_overdue',
    nameZh: '法定期限已超',
    nameEn: 'Statutory deadline overdue',
    legalBasis: `${XINGZHENG}第一百六十五条；${XINGSHI}；《公安部关于改革完善受案立案制度的意见》（公通字〔2015〕32号）`,
    severity: 'high',
    scope: 'case',
    rectifyDays: 5,
  },
  {
    kind: 'clock_due_soon',
    nameZh: '法定期限将至',
    nameEn: 'Statutory deadline due soon',
    legalBasis: `${XINGZHENG}；${XINGSHI}`,
    severity: 'low',
    scope: 'case',
    rectifyDays: 3,
  },
  {
    kind: 'camera_not_recorded',
    nameZh: '执法记录仪未开启',
    nameEn: 'Body camera not recording',
    legalBasis: `《公安机关现场执法视音频记录工作规定》；${KAOPING}`,
    severity: 'medium',
    scope: 'incident',
    rectifyDays: 7,
  },
  {
    kind: 'not_in_centre',
    nameZh: '未在执法办案管理中心办理',
    nameEn: 'Not handled in the case-handling centre',
    legalBasis: `公安部关于执法办案管理中心建设和使用管理的规定；${KAOPING}`,
    severity: 'high',
    scope: 'case',
    rectifyDays: 10,
  },
  {
    kind: 'publicity_late',
    nameZh: '执法公示逾期或未公示',
    nameEn: 'Publicity late or missing',
    legalBasis:
      '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
    severity: 'medium',
    scope: 'publication',
    rectifyDays: 5,
  },
  {
    kind: 'decision_without_item',
    nameZh: '决定未关联处罚事项',
    nameEn: 'Decision without a penalty item',
    legalBasis: `《中华人民共和国行政处罚法》第五十九条；${XINGZHENG}；权责清单`,
    severity: 'medium',
    scope: 'case',
    rectifyDays: 10,
  },
  {
    kind: 'unqualified_reviewer',
    nameZh: '审核人员不具备相应执法资格',
    nameEn: 'Reviewer without the required qualification',
    legalBasis: `公安机关人民警察执法资格等级考试有关规定；分局《案件审核规范》；${KAOPING}`,
    severity: 'high',
    scope: 'review',
    rectifyDays: 10,
  },
  {
    kind: 'major_without_discussion',
    nameZh: '重大案件未集体讨论',
    nameEn: 'Major case without collective discussion',
    legalBasis: `《中华人民共和国行政处罚法》第五十七条；${XINGZHENG}；分局重大疑难案件集体讨论制度`,
    severity: 'high',
    scope: 'case',
    rectifyDays: 10,
  },
  {
    kind: 'repeated_send_backs',
    nameZh: '案件反复退回',
    nameEn: 'Repeated send-backs',
    legalBasis: `分局《案件审核规范》；${KAOPING}`,
    severity: 'low',
    scope: 'case',
    rectifyDays: 15,
  },
  {
    kind: 'notice_not_served',
    nameZh: '不予立案通知书未按期送达',
    nameEn: 'Not-filed notice not served in time',
    legalBasis: `${XINGSHI}（2020）第一百七十八条`,
    severity: 'medium',
    scope: 'proceeding',
    rectifyDays: 5,
  },
];

export const DEFAULT_RULES_FROM = '2021-01-01';

/** The branch's default supervision rules (one row per rule code), inserted if missing. */
export async function seedSupervisionDefaults(db: Queryable, orgId: number): Promise<void> {
  // A code the branch already has (any version) is left as the branch configured it.
  const have = new Set(
    (
      await db
        .select({ code: supervisionRules.code })
        .from(supervisionRules)
        .where(eq(supervisionRules.orgId, orgId))
    ).map((r) => r.code),
  );
  const missing = DEFAULT_RULES.filter((r) => !have.has(r.kind));
  if (!missing.length) return;
  await db
    .insert(supervisionRules)
    .values(
      missing.map((r) => ({
        orgId,
        code: r.kind,
        kind: r.kind,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        legalBasis: r.legalBasis,
        severity: r.severity,
        scope: r.scope,
        params: defaultRuleParams(r.kind),
        effectiveFrom: DEFAULT_RULES_FROM,
        rectifyDays: r.rectifyDays,
      })),
    )
    .onConflictDoNothing();
}
