export * from './vocabulary/index.js';
export * from './contracts/index.js';
