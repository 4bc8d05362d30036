export * from './art-renderer.js';
export * from './event-art.js';
