import dayjs, { type Dayjs } from 'dayjs';
import { todayCst } from '../../app/ui/format.ts';

/**
 * Legal dates are China Standard Time dates whatever the browser's zone: a date picker's
 * default and its "not in the future" limit follow the CST calendar, not the local one.
 */
export const cstToday = (): Dayjs => dayjs(todayCst());
export const afterCstToday = (d: Dayjs) => d.format('YYYY-MM-DD') > todayCst();
export const isoDay = (d: unknown): string | null => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null);
