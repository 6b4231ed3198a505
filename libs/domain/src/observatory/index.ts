export * from './median.js';
export * from './funding-table.js';
export * from './csv.js';
