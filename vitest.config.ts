import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Time-zone bugs hide under UTC; every run reads clocks from a zone with DST.
    env: { TZ: 'America/Chicago' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
