/** Names of the report module's code lists, shared by its pages, exports and documents. */

import type { Bilingual } from '../platform/errors.ts';
import type { DIFF_STATUSES } from './annual.ts';
import type { METRIC_PERIODS } from './catalogue.ts';
import type { FINDING_KINDS } from './checker/types.ts';
import type { METRIC_VALUE_STATUSES } from './contracts.ts';
import type { METRIC_TABLE_BREAKDOWNS } from './tables.ts';

/** Where a figure's value comes from (a figure in the report text the same). */
export const METRIC_VALUE_STATUS_NAMES: Record<(typeof METRIC_VALUE_STATUSES)[number], Bilingual> = {
  computed: { zh: '系统计算', en: 'Computed' },
  submitted: { zh: '部门填报', en: 'Submitted' },
  missing: { zh: '缺失', en: 'Missing' },
};

/** The period a figure describes. */
export const METRIC_PERIOD_NAMES: Record<(typeof METRIC_PERIODS)[number], Bilingual> = {
  year: { zh: '年度', en: 'Year' },
  quarter: { zh: '季度', en: 'Quarter' },
  stock: { zh: '存量（期末）', en: 'Stock (period end)' },
  cumulative: { zh: '累计', en: 'Cumulative' },
};

/** What the consistency check of a report found. */
export const REPORT_FINDING_KIND_NAMES: Record<(typeof FINDING_KINDS)[number], Bilingual> = {
  parts_exceed_total: { zh: '分项超过总数', en: 'Parts exceed total' },
  parts_do_not_sum: { zh: '分项之和不等于总数', en: 'Parts do not sum' },
  rate_mismatch: { zh: '比率与数量不符', en: 'Rate does not match counts' },
  rate_impossible_for_base: { zh: '比率与基数不可能', en: 'Rate impossible for base' },
  same_quantity_different_values: { zh: '同一数量前后不一', en: 'Same quantity, different values' },
  document_number_conflict: { zh: '文号引用不一', en: 'Document number conflict' },
  regulation_citation_conflict: { zh: '法规名称或年份不一', en: 'Regulation cited differently' },
  record_mismatch: { zh: '与系统记录不符', en: "Disagrees with Fazhi's records" },
};

/** A block of a report version against the current text. */
export const DIFF_STATUS_NAMES: Record<(typeof DIFF_STATUSES)[number], Bilingual> = {
  changed: { zh: '已修改', en: 'Changed' },
  added: { zh: '当前新增', en: 'Added since' },
  removed: { zh: '当前已删除', en: 'Removed since' },
  unchanged: { zh: '未变', en: 'Unchanged' },
};

/** How an ad-hoc table of figures is broken down into columns. */
export const METRIC_TABLE_BREAKDOWN_NAMES: Record<(typeof METRIC_TABLE_BREAKDOWNS)[number], Bilingual> = {
  unit: { zh: '按单位', en: 'By unit' },
  quarter: { zh: '按季度', en: 'By quarter' },
  month: { zh: '按月份', en: 'By month' },
};
