export * from './vocabulary/index.js';
export * from './contracts/index.js';
export * from './observatory/index.js';
export * from './sessions/index.js';
export * from './notifications/index.js';
export * from './text/index.js';
