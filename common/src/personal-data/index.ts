export * from './id-number.ts';
export * from './masking.ts';
export * from './person-name.ts';
export * from './phone.ts';
export * from './schemas.ts';
