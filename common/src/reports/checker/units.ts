/**
 * Units and measure words (量词) the checker counts, with the class two figures must share to be
 * compared: 人 and 名 count the same thing, 件 and 起 both count cases, but 人次 is not 人.
 */

interface UnitInfo {
  canonical: string;
  unitClass: string;
}

const UNITS: Record<string, UnitInfo> = {
  人: { canonical: '人', unitClass: 'person' },
  名: { canonical: '人', unitClass: 'person' },
  人次: { canonical: '人次', unitClass: 'person_times' },
  件: { canonical: '件', unitClass: 'case' },
  起: { canonical: '件', unitClass: 'case' },
  宗: { canonical: '件', unitClass: 'case' },
  // A typo the reference report makes (76 件起); read as 件 rather than miss the figure.
  件起: { canonical: '件', unitClass: 'case' },
  件次: { canonical: '件次', unitClass: 'case_times' },
  次: { canonical: '次', unitClass: 'times' },
  场: { canonical: '场', unitClass: 'session' },
  场次: { canonical: '场', unitClass: 'session' },
  期: { canonical: '期', unitClass: 'issue' },
  个: { canonical: '个', unitClass: 'item' },
  项: { canonical: '项', unitClass: 'xiang' },
  家: { canonical: '家', unitClass: 'organisation' },
  户: { canonical: '户', unitClass: 'household' },
  辆: { canonical: '辆', unitClass: 'vehicle' },
  辆次: { canonical: '辆次', unitClass: 'vehicle_times' },
  证次: { canonical: '证次', unitClass: 'certificate_times' },
  份: { canonical: '份', unitClass: 'copy' },
  条: { canonical: '条', unitClass: 'entry' },
  处: { canonical: '处', unitClass: 'place' },
  枚: { canonical: '枚', unitClass: 'piece' },
  类: { canonical: '类', unitClass: 'category' },
  篇: { canonical: '篇', unitClass: 'article' },
  批: { canonical: '批', unitClass: 'batch' },
  台: { canonical: '台', unitClass: 'machine' },
  套: { canonical: '套', unitClass: 'set' },
  张: { canonical: '张', unitClass: 'sheet' },
  元: { canonical: '元', unitClass: 'money' },
  公斤: { canonical: '公斤', unitClass: 'kg' },
  吨: { canonical: '吨', unitClass: 'ton' },
  天: { canonical: '天', unitClass: 'days' },
  个月: { canonical: '个月', unitClass: 'months' },
  小时: { canonical: '小时', unitClass: 'hours' },
  分钟: { canonical: '分钟', unitClass: 'minutes' },
  工作日: { canonical: '工作日', unitClass: 'workdays' },
  个工作日: { canonical: '工作日', unitClass: 'workdays' },
  '%': { canonical: '%', unitClass: 'percent' },
  个百分点: { canonical: '个百分点', unitClass: 'percentage_points' },
};

/** Durations say how long something takes, not how much was done: never summed or compared. */
export const DURATION_CLASSES = new Set(['days', 'months', 'hours', 'minutes', 'workdays']);

/** Longest first, so 人次 wins over 人 and 个工作日 over 个. */
export const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[%]/g, '\\$&'))
  .join('|');

export function unitInfo(unit: string): UnitInfo | undefined {
  return UNITS[unit];
}

/** The comparison class of a unit as a caller writes it (名 → person, 万元 → money). */
export function unitClassOf(unit: string): string {
  const u = unit.trim().replace(/^[万亿]+(?=元)/, '');
  return UNITS[u]?.unitClass ?? `other:${u}`;
}
