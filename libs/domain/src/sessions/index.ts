export * from './agenda-timer.js';
export * from './minutes-markdown.js';
export * from './consent-outcome.js';
export * from './minutes-dates.js';
export * from './option-label.js';
