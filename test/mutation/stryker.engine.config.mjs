// The engine's mutation run (`npm run mutation:engine`): `test/mutation/stryker.config.json` with only the
// engine and the entity families mutated (src/engine, the customer, order, service-order and
// review families, the chat sessions), and only the tests that pin measured values run
// (`test/mutation/vitest.engine.config.ts`). It shares the incremental file.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
delete base.$schema;

export default {
  ...base,
  mutate: [
    'src/engine/**/*.ts',
    'src/metrics/_entities.ts',
    'src/metrics/consultation/_customers.ts',
    'src/metrics/consultation/_sessions.ts',
  ],
  vitest: { ...base.vitest, configFile: 'test/mutation/vitest.engine.config.ts' },
};
