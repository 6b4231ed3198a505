export * from './text.js';
export * from './auth.js';
export * from './organisations.js';
export * from './poles.js';
export * from './spaces.js';
export * from './events.js';
export * from './api-error.js';
