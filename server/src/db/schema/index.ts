export * from './enforcement.ts';
export * from './platform.ts';
