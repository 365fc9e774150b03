import { defineConfig } from 'vitest/config';

// `npm run test:clickhouse`: the ClickHouse equality test alone (chDB installed apart, see
// scripts/test-clickhouse.sh), with its own JSON report that .ci/run adds to the main one.
export default defineConfig({
  test: {
    include: ['test/clickhouse/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest-clickhouse.json' },
  },
});
