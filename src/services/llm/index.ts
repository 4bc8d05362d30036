export * from './cost-report.js';
export * from './llm-review.js';
export * from './llm-step.js';
export * from './decision-records.js';
