export * from './vocabulary/index.js';
export * from './contracts/index.js';
export * from './observatory/index.js';
