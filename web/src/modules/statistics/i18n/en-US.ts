import type { statisticsZh } from './zh-CN.ts';

/** 统计报表 (statistics tables), English. */
export const statisticsEn: typeof statisticsZh = {
  statistics: {
    menu: 'Statistics tables',
    title: 'Statistics tables',
    table: 'Table',
    yearlyOnly: 'This table is yearly',
    unit: 'Unit',
    total: 'Total',
    noRows: 'This table has one row for the whole branch',
    download: 'Download Excel',
    chart: {
      title: 'Chart',
      byColumn: 'Totals by column',
      byUnit: 'By unit',
      column: 'Column',
    },
    adhoc: {
      title: 'Ad-hoc metric table',
      hint: 'Pick any metrics and export them for the chosen period as Excel, optionally broken down by unit, quarter or month (quarter and month need the whole year).',
      metrics: 'Metrics',
      metricsPlaceholder: 'Search and pick metrics',
      by: 'Breakdown',
      byNone: 'None (with year-on-year)',
      needsYear: 'A breakdown by quarter or month needs the whole year',
      download: 'Export Excel',
    },
  },
};
