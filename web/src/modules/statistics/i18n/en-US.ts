import type { statisticsZh } from './zh-CN.ts';

/** 统计报表 (statistics tables), English. */
export const statisticsEn: typeof statisticsZh = {
  statistics: {},
};
