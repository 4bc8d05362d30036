export * from './events-refresh.js';
export * from './events-store.js';
export * from './reference-data.js';
export * from './source-call-log.js';
export * from './source-days.js';
export * from './source-fetcher.js';
export * from './team-book.js';
