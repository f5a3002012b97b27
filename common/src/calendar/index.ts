export * from './calendar.ts';
export * from './iso-date.ts';
export * from './lunar.ts';
export * from './statutory-holidays.ts';
