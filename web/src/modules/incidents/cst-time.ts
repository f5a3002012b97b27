import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime } from '../../app/ui/format.ts';

/**
 * Date-time pickers show and take China Standard Time wall-clock times, whatever the zone of
 * the browser: a picker value is a dayjs whose local fields are the CST fields.
 */
export const cstPickerValue = (iso: string | null | undefined): Dayjs | null =>
  iso ? dayjs(formatDateTime(iso)) : null;

export const cstNow = (): Dayjs => dayjs(formatDateTime(new Date().toISOString()));

/** The instant a picker's CST wall-clock time stands for, with its zone: 2021-03-04T08:30:00+08:00. */
export const cstIso = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
