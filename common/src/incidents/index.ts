export * from './contracts.ts';
export * from './dictionaries.ts';
