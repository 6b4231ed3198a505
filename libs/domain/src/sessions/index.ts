export * from './agenda-timer.js';
