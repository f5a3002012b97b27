export * from './contracts.ts';
export * from './workflow.ts';
