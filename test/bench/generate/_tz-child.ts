/**
 * Child process of the generator's host-time-zone test: run with `TZ` set, it reads generator
 * options from stdin and prints its zone's offset and the generated store. A child process,
 * because in a worker thread setting `process.env.TZ` does not take effect.
 */
import { readFileSync } from 'node:fs';
import { type GenerateStoreOptions, generateStore } from '../../../bench/generate/index.js';

const options = JSON.parse(readFileSync(0, 'utf8')) as GenerateStoreOptions;
process.stdout.write(
  JSON.stringify({
    offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
    store: generateStore(options),
  }),
);
