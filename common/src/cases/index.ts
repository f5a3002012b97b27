export * from './checklist.ts';
export * from './contracts.ts';
export * from './names.ts';
export * from './proposal.ts';
export * from './workflow.ts';
