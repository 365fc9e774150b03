/**
 * Worker threads on the library's own scripts (private).
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Worker threads started so far (tests check that a read did use them). */
export const threadsStarted = { count: 0 };

/**
 * A worker thread running `script` with `workerData`. Run from the TypeScript sources
 * (development, tests), the worker registers tsx's loader first: Node 20's workers do not
 * inherit `--import tsx`.
 */
export function startThread(script: URL, workerData: unknown): Worker {
  threadsStarted.count++;
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script.href)}); });`,
    { eval: true, workerData },
  );
}

/**
 * The script beside this module's file: `source` when run from the TypeScript sources,
 * `built` (`.js` or `.cjs`, as this module's own file) from the package's `dist/`; `undefined`
 * when this module's file is unknown (a bundle of someone else's) or the script is missing.
 */
export function siblingScript(source: string, built: string): URL | undefined {
  const own =
    typeof import.meta.url === 'string'
      ? import.meta.url
      : typeof __filename === 'string'
        ? pathToFileURL(__filename).href
        : undefined;
  if (own === undefined) return undefined;
  const name = own.endsWith('.ts') ? source : own.endsWith('.cjs') ? `${built}.cjs` : `${built}.js`;
  const url = new URL(`./${name}`, own);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
