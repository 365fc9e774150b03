import mutation from './vitest.config.js';

/**
 * The test run of the `src/schemas` mutation run (`npm run mutation:schemas`): only the tests
 * that exist to pin the input schemas (`test/schemas`, the Node adapters' reading and CSV tests
 * in `test/node`, the error classes, and `test/format.test.ts`, which checks peer data's
 * messages). Every schema mutant is covered by almost every other test too (every test parses
 * a store), so the full set would cost about 80 minutes here; with these about half an hour,
 * and the score means "killed by the schema tests" (docs/testing.md).
 */
export default {
  ...mutation,
  // Replaced, not merged (`mergeConfig` would add these to the base's `test/**/*.test.ts`).
  test: {
    ...mutation.test,
    include: [
      'test/schemas/**/*.test.ts',
      'test/node/**/*.test.ts',
      'test/errors.test.ts',
      'test/format.test.ts',
      // The latest fact the parsers note as they create the records.
      'test/model.test.ts',
    ],
  },
};
