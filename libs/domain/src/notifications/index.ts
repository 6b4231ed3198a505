export * from './notification-wording.js';
