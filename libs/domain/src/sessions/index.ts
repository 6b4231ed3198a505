export * from './agenda-timer.js';
export * from './minutes-markdown.js';
