import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the package by its name, as users do; here it is the source.
  resolve: {
    alias: { 'jd-weather-vane': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // chDB is installed apart: `npm run test:clickhouse` runs these.
    exclude: ['test/clickhouse/**', '**/node_modules/**'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/cli/main.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 90, branches: 85 },
    },
  },
});
