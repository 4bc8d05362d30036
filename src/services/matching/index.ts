export * from './match-chain.js';
export * from './match-handlers.js';
export * from './match-jobs.js';
