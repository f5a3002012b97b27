import { CLOCK_UNIT_NAMES, namesIn } from '@fazhi/common';
/** Strings of the statutory-clock page, both languages side by side. */
export const legalRulesZh = {
  title: '法定期限规则',
  intro:
    '系统按以下规则计算各类法定期限（工作日按国务院节假日安排）。法律修订时新增一个版本并注明生效日期，已在计时的期限不受影响。标“待核实”的规则原文尚未核对，请法制支队核实。',
  name: '规则',
  length: '期限',
  amount: '期限长度',
  unit: '计算单位',
  units: namesIn(CLOCK_UNIT_NAMES, 'zh-CN'),
  custody: '羁押期限（不因节假日顺延）',
  effectiveFrom: '生效日期',
  status: '状态',
  inForce: '现行有效',
  notInForce: '历史版本/未生效',
  unconfirmed: '待核实',
  citation: '依据',
  addVersion: '新增版本',
};
export const legalRulesEn: typeof legalRulesZh = {
  title: 'Statutory clocks',
  intro:
    'Fazhi computes every statutory deadline by these rules (working days by the State Council holiday notices). When a law is revised, add a version with its effective date; clocks already running keep theirs. Rules marked unconfirmed await the legal detachment’s check of the source text.',
  name: 'Rule',
  length: 'Length',
  amount: 'Length',
  unit: 'Counted in',
  units: namesIn(CLOCK_UNIT_NAMES, 'en-US'),
  custody: 'Custody period (never extended by holidays)',
  effectiveFrom: 'Effective from',
  status: 'Status',
  inForce: 'In force',
  notInForce: 'Past or future version',
  unconfirmed: 'Unconfirmed',
  citation: 'Source',
  addVersion: 'Add version',
};
