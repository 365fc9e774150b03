import mutation from './vitest.config.js';

/**
 * The test run of the engine's mutation run (`npm run mutation:engine`): the tests that pin
 * measured values day by day (`test/metrics`, `test/evaluate`, `test/advice`). The laws, the
 * baseline and the SQL comparison cover the engine too, but cost minutes per mutant here; the
 * score means "killed by the metric tests" (docs/testing.md).
 */
export default {
  ...mutation,
  // Replaced, not merged (`mergeConfig` would add these to the base's `test/**/*.test.ts`).
  test: {
    ...mutation.test,
    include: [
      'test/metrics/**/*.test.ts',
      'test/evaluate/**/*.test.ts',
      'test/advice/**/*.test.ts',
    ],
  },
};
