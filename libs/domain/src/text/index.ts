export * from './word-diff.js';
export * from './collation.js';
