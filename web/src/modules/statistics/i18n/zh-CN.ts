/** 统计报表 (statistics tables), Chinese. */
export const statisticsZh = {
  statistics: {
    menu: '统计报表',
    title: '统计报表',
    table: '统计表',
    yearlyOnly: '该表按年度统计',
    unit: '单位',
    total: '合计',
    noRows: '该表只有全分局一行',
    download: '下载 Excel',
    chart: {
      title: '图表',
      byColumn: '合计（按项目）',
      byUnit: '按单位',
      column: '项目',
    },
    adhoc: {
      title: '自选指标表',
      hint: '选择任意指标，按所选期间导出 Excel；可按单位、季度或月份分列（按季度、按月分列需选择全年）。',
      metrics: '指标',
      metricsPlaceholder: '搜索并选择指标',
      by: '分列方式',
      byNone: '不分列（含同比）',
      needsYear: '按季度、按月分列需选择全年',
      download: '导出 Excel',
    },
  },
};
