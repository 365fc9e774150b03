// The metrics' mutation run (`npm run mutation:metrics`): `test/mutation/stryker.config.json` with only
// `src/metrics` mutated (the metric definitions, their helpers, the entity families, the
// calculation, the catalogue and the defaults), and only the tests that pin measured values,
// scores and the rule set run (`test/mutation/vitest.metrics.config.ts`). It shares the incremental
// file; pass `--mutate` globs to run a part at a time.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;

export default {
  ...base,
  mutate: ['src/metrics/**/*.ts'],
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.metrics.config.ts' },
};
