export * from './change-feed.js';
export * from './onboarding.js';
export * from './unmatched-review.js';
export * from './admin-changes.js';
