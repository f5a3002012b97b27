/** 统计报表 (statistics tables), Chinese. */
export const statisticsZh = {
  statistics: {},
};
