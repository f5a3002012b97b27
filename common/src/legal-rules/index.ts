export * from './clocks.ts';
export * from './rules.ts';
