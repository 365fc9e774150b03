import mutation from './vitest.mutation.config.js';

/**
 * The test run of the metrics' mutation run (`npm run mutation:metrics`): the tests that pin
 * measured values day by day (`test/metrics`, `test/evaluate`, `test/advice`), the scores and
 * rule sets built on them (`test/scoring`, `test/rules`, `test/values`, `test/scorecard`) and
 * the formatting of values (`test/format.test.ts`). The laws, the baseline and the SQL
 * comparison cover the metrics too, but cost minutes per mutant here; the score means "killed
 * by these tests" (docs/testing.md).
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
      'test/scoring/**/*.test.ts',
      'test/rules/**/*.test.ts',
      'test/values/**/*.test.ts',
      'test/scorecard/**/*.test.ts',
      'test/format.test.ts',
    ],
  },
};
