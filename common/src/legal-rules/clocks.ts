/**
 * The statutory clocks Fazhi keeps on its records, by what they belong to. A clock's due date is
 * stored with a provisional (暂定) flag when it was counted on a year whose holiday notice was not
 * loaded; loading the notice recomputes it and tells the owner when it moved (clock_moves).
 */
export const CLOCK_KINDS = ['case', 'proceeding', 'publication', 'publication_withdraw'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_KIND_NAMES: Record<ClockKind, { zh: string; en: string }> = {
  case: { zh: '案件期限', en: 'Case clock' },
  proceeding: { zh: '程序期限', en: 'Proceeding clock' },
  publication: { zh: '公示期限', en: 'Publicity clock' },
  publication_withdraw: { zh: '撤回公示期限', en: 'Publicity withdrawal clock' },
};

/** A due date as the product shows it: the date, and whether it is provisional (暂定). */
export interface Due {
  due: string;
  provisional: boolean;
}
