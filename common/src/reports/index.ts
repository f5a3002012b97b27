export * from './annual.ts';
export * from './annual-dated.ts';
export * from './annual-derive.ts';
export * from './catalogue.ts';
export * from './checker/index.ts';
export * from './contracts.ts';
export * from './submissions.ts';
export * from './tables.ts';
