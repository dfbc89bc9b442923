export * from './errors.js';
export * from './auth.js';
export * from './sittings.js';
export * from './commands.js';
export * from './realtime.js';
export * from './documents.js';
export * from './preparation.js';
export * from './accounts-admin.js';
