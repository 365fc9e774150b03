import engine from './vitest.engine.config.js';

/**
 * The test run of the metrics' mutation run (`npm run mutation:metrics`): the engine run's
 * tests (`test/metrics`, `test/evaluate`, `test/advice`: measured values day by day), and the
 * scores, rule sets and formatting built on the metrics (`test/scoring`, `test/rules`,
 * `test/values`, `test/scorecard`, `test/format.test.ts`). The laws, the baseline and the SQL
 * comparison cover the metrics too, but cost minutes per mutant here; the score means "killed
 * by these tests" (docs/testing.md).
 */
export default {
  ...engine,
  test: {
    ...engine.test,
    include: [
      ...engine.test.include,
      'test/scoring/**/*.test.ts',
      'test/rules/**/*.test.ts',
      'test/values/**/*.test.ts',
      'test/scorecard/**/*.test.ts',
      'test/format.test.ts',
    ],
  },
};
