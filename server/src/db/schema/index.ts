export * from './enforcement.ts';
export * from './files.ts';
export * from './law.ts';
export * from './platform.ts';
export * from './reports.ts';
export * from './supervision.ts';
