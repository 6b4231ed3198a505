export * from './protocol/events.js';
export * from './protocol/frame.js';
export * from './protocol/document-name.js';
export * from './documents/index.js';
export * from './client/collab-client.js';
export * from './client/offline-copy.js';
export * from './protocol/socket-parser.js';
