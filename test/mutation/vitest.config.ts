import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/**
 * The test run of `npm run mutation` (Stryker): every test that pins a value, without the
 * ones that only add time per mutant there: the fuzz and hostile-size tests (they find crashes,
 * and run in `npm test`), and the CLI, docs and examples tests (child processes and files).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/fuzz/**',
        'test/cli/**',
        'test/docs/**',
        'test/bench/generate/generate.test.ts',
        'node_modules/**',
      ],
      reporters: ['default'],
      coverage: { enabled: false },
    },
  }),
);
