export * from './content.ts';
export * from './contracts.ts';
