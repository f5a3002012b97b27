export * from './calendar/index.ts';
export * from './personal-data/index.ts';
export * from './platform/contracts.ts';
export * from './platform/errors.ts';
export * from './platform/field-messages.ts';
export * from './platform/permissions.ts';
