export * from './guide-contracts.js';
export * from './guide-generator.js';
export * from './guide-report.js';
export * from './guide-service.js';
export * from './guide-stages.js';
export * from './playlist-reader.js';
export * from './provider-directory.js';
export * from './rehearsal-playlist.js';
