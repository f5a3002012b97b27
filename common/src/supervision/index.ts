export * from './checks.ts';
export * from './findings.ts';
export * from './model.ts';
export * from './rules.ts';
export * from './timeliness.ts';
