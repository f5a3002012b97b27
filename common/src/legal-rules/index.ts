export * from './rules.ts';
export * from './clocks.ts';
