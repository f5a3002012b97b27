export * from './content.ts';
export * from './contracts.ts';
export * from './exclusions.ts';
export * from './withdrawal.ts';
