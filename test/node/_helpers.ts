import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../src/errors.js';
import { type ReadStoreDirOptions, readStoreDir } from '../../src/node/index.js';

/** A scratch folder for one test file. */
export const scratch = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

let n = 0;
/** A new store folder under `root` holding the given files. */
export const folder = (root: string, files: Record<string, string>): string => {
  const dir = join(root, `s${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

/** The issues `readStoreDir` rejects with, as `path: message` lines. */
export const issuesOf = async (dir: string, options?: ReadStoreDirOptions): Promise<string[]> => {
  try {
    await readStoreDir(dir, options);
  } catch (e) {
    if (e instanceof InvalidInputError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  throw new Error('expected InvalidInputError');
};
