export * from './calendar.ts';
export * from './iso-date.ts';
