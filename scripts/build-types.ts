/**
 * `npm run build`'s second half: the package's declarations, one `.d.ts` per source file, named
 * as the source is, instead of a bundle whose shared chunk gets a hashed name
 * (`parse-BoIVn8bl.d.ts`) and whose types an editor shows behind one-letter aliases.
 *
 *   tsx scripts/build-types.ts
 *
 * - `tsc` (the repository's tsconfig.json, narrowed to `src/` by a generated config in `.tmp/`, so
 *   the root holds no second tsconfig) writes `dist/types/<path>.d.ts` for every file of `src/`: an
 *   editor hovering `parseStoreData` or `StoreDataInput` lands on the named declaration, with
 *   its TSDoc, in `dist/types/schemas/…`.
 * - The same files are copied to `dist/types-cjs/`, beside a `package.json` saying
 *   `"type": "commonjs"`: the package is `"type": "module"`, so a `.d.ts` is read as ESM, and the
 *   `require` condition needs declarations read as CommonJS (attw's "masquerading as ESM"
 *   otherwise). The copy keeps every `./x.js` specifier valid, which renaming to `.d.cts` would
 *   have to rewrite.
 * - For each entry of `tsup.config.ts` (however many there are), `dist/<entry>.d.ts` and
 *   `dist/<entry>.d.cts` re-export its source file's declarations, so `package.json`'s
 *   `exports` keep the paths tsup's own `dts` would have given (`./dist/node.d.ts`).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsupConfig from '../tsup.config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** tsup's entries as `{ name: source }`, from an entry map, an array or a config array. */
export function tsupEntries(config: unknown): Record<string, string> {
  const configs = Array.isArray(config) ? config : [config];
  const entries: Record<string, string> = {};
  for (const c of configs) {
    const entry = (c as { entry?: unknown }).entry;
    if (Array.isArray(entry)) {
      for (const file of entry as string[])
        entries[basename(file).replace(/\.[cm]?tsx?$/, '')] = file;
    } else if (entry !== null && typeof entry === 'object') {
      Object.assign(entries, entry as Record<string, string>);
    } else {
      throw new Error(`expected tsup.config.ts's entry as a map or a list, found ${String(entry)}`);
    }
  }
  return entries;
}

function main(): void {
  const types = join(dist, 'types');
  const typesCjs = join(dist, 'types-cjs');
  rmSync(types, { recursive: true, force: true });
  rmSync(typesCjs, { recursive: true, force: true });
  const config = join(root, '.tmp/tsconfig.types.json');
  mkdirSync(dirname(config), { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: {
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: '../src',
        outDir: '../dist/types',
        // The source imports itself by relative paths only; the name is for tests and examples.
        paths: {},
        ignoreDeprecations: '6.0',
      },
      include: ['../src'],
    }),
  );
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', config], {
    cwd: root,
    stdio: 'inherit',
  });
  cpSync(types, typesCjs, { recursive: true });
  writeFileSync(join(typesCjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

  const entries = tsupEntries(tsupConfig);
  for (const [name, source] of Object.entries(entries)) {
    const module = relative('src', source).replace(/\.tsx?$/, '.js');
    if (!existsSync(join(types, module.replace(/\.js$/, '.d.ts'))))
      throw new Error(`expected declarations for the entry ${name} at dist/types/${module}`);
    for (const [ext, folder] of [
      ['d.ts', 'types'],
      ['d.cts', 'types-cjs'],
    ] as const) {
      const banner = `// The declarations of ${source}: one file per source file under ./${folder}/.\n`;
      writeFileSync(
        join(dist, `${name}.${ext}`),
        `${banner}export * from './${folder}/${module}';\n`,
      );
    }
  }
  console.log(
    `declarations: dist/types/ and dist/types-cjs/, entries ${Object.keys(entries).join(', ')}`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main();
