// The programmes of each guide channel: the window and its blocks (`window`), sport profiles (`sports`),
// titles and descriptions (`text`), and the pre-event, live, post-event and filler blocks (`scheduler`).
export { createScheduler, type GuideChannel, type Programme, type Scheduler } from './scheduler.js';
export type { SportsConfig } from './sports.js';
