export * from './match-chain.js';
export * from './match-handlers.js';
