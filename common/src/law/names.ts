/** The zh-CN / en-US names of the law register's codes. */
import type { Bilingual } from '../platform/errors.ts';
import type { PenaltyType, Tier } from './model.ts';

/** 治安管理处罚 and other administrative penalty types (行政处罚法 art.9). */
export const PENALTY_TYPE_NAMES: Record<PenaltyType, Bilingual> = {
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  detention: { zh: '行政拘留', en: 'administrative detention' },
  confiscation: { zh: '没收违法所得、非法财物', en: 'confiscation' },
  licence_suspension: { zh: '暂扣许可证件', en: 'licence suspension' },
  licence_revocation: { zh: '吊销许可证件', en: 'licence revocation' },
  deportation: { zh: '限期出境、驱逐出境', en: 'departure order or deportation' },
};

/** 情节 tiers as the articles word them. */
export const TIER_NAMES: Record<Tier, Bilingual> = {
  minor: { zh: '情节较轻', en: 'minor' },
  ordinary: { zh: '一般情节', en: 'ordinary' },
  serious: { zh: '情节较重', en: 'serious' },
};

/** The rules of the penalty check, named wherever a violation or notice is shown. */
export const LAW_RULE_NAMES: Record<string, Bilingual> = {
  decision_before_act: { zh: '决定日期早于行为日', en: 'Decision before the act' },
  unknown_offence: { zh: '违法行为不在法律法规库', en: 'Offence not in the register' },
  not_an_offence_on_act_date: { zh: '行为时无处罚规定', en: 'No penalty at the time of the act' },
  unconfirmed_basis: { zh: '条文未经核实', en: 'Article not confirmed' },
  offence_not_entered: { zh: '新版本尚未录入该违法行为', en: 'Offence not yet entered in the new version' },
  organisation_not_liable: { zh: '单位不是处罚对象', en: 'Organisation not liable' },
  under_minimum_age: { zh: '未达处罚年龄', en: 'Under the age of liability' },
  penalty_type_unknown: { zh: '非法定处罚种类', en: 'Not a penalty type of the law' },
  tier_not_in_article: { zh: '条文无此情节档次', en: 'No such tier in the article' },
  penalty_out_of_range: { zh: '超出法定处罚幅度', en: 'Outside the legal range' },
  minor_mitigation: { zh: '未成年人从轻减轻', en: 'Minor: lighter penalty' },
  combined_detention_cap: { zh: '合并执行拘留上限', en: 'Combined detention cap' },
  detention_not_executed: { zh: '不执行行政拘留', en: 'Detention not executed' },
  decide_per_offence: { zh: '分别决定', en: 'Decide per offence' },
  hearing_right: { zh: '应告知听证权利', en: 'Right to a hearing' },
};
