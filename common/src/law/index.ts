export * from './check.ts';
export * from './model.ts';
export * from './names.ts';
export * from './register.ts';
export * from './validate.ts';
