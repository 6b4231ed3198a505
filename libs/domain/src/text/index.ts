export * from './word-diff.js';
