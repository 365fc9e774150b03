// The `src/schemas` mutation run (`npm run mutation:schemas`): `test/mutation/stryker.config.json` with only
// `src/schemas` mutated, and only the schema tests run (`test/mutation/vitest.schemas.config.ts`).
// It shares the incremental file, which keeps the other folders' results.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;

export default {
  ...base,
  mutate: ['src/schemas/**/*.ts'],
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.schemas.config.ts' },
};
