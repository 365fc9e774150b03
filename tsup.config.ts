import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    report: 'src/report/index.ts',
    sql: 'src/sql/index.ts',
    cli: 'src/cli/main.ts',
    // The worker thread readStoreDir reads JSON Lines files on (beside node.js and cli.js).
    'read-worker': 'src/node/_readWorker.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations come from tsc, one file per source file (scripts/build-types.ts), not from a
  // bundle whose shared chunk gets a hashed name.
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});
