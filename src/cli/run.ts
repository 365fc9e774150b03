/**
 * The `jd-weather-vane` command line, as a function of its arguments (testable without a
 * child process; `main.ts` wires it to the real process).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvalidInputError, WeatherVaneError } from '../errors.js';
import { parseStoreData } from '../schemas/parse.js';
import { parsePeerData } from '../schemas/peers.js';
import { evaluateStore } from '../scorecard/evaluateStore.js';
import { renderScorecard } from './render.js';

/** Where the CLI writes. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** The usage text. */
export const USAGE = `Usage: jd-weather-vane score <store.json> --as-of YYYY-MM-DD [--peers peers.json] [--json]

Computes JD's store weather vane (京东风向标) for one evaluation day.

  <store.json>        the store's data (see the README for the format)
  --as-of YYYY-MM-DD  the evaluation day (Shanghai); nothing stamped at or after its 00:00 counts
  --peers peers.json  category peers: { composites, modules, metrics } (see the README);
                      scores metrics against them and adds the standing (stars, badges…)
  --json              print the scorecard as JSON instead of a table
  -h, --help          show this help

Exit codes: 0 success, 1 invalid input (every issue printed with its path), 2 usage error.
`;

class UsageError extends Error {}

/**
 * Runs the CLI; returns the exit code.
 *
 * @example
 * ```ts
 * runCli(['score', 'store.json', '--as-of', '2026-11-23'], { stdout: console.log, stderr: console.error });
 * //=> 0
 * runCli(['score'], io); // prints what was expected
 * //=> 2
 * ```
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: [...argv],
          allowPositionals: true,
          options: {
            'as-of': { type: 'string' },
            peers: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
          },
        });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    })();
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [command, file, ...rest] = positionals;
    if (command !== 'score')
      throw new UsageError(
        `expected the command "score", found ${command === undefined ? 'nothing' : JSON.stringify(command)}`,
      );
    if (file === undefined)
      throw new UsageError('expected the path of a store JSON file after "score"');
    if (rest.length > 0)
      throw new UsageError(
        `expected one store file, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
      );
    const asOf = values['as-of'];
    if (asOf === undefined)
      throw new UsageError('expected --as-of YYYY-MM-DD (the evaluation day)');
    const input = readJson(file, 'store');
    const data = parseStoreData(input);
    const peers =
      values.peers === undefined ? undefined : parsePeerData(readJson(values.peers, 'peers'));
    const card = evaluateStore(data, peers ? { asOf, peers } : { asOf });
    io.stdout(values.json ? `${JSON.stringify(card, null, 2)}\n` : `${renderScorecard(card)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jd-weather-vane: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      io.stderr(`jd-weather-vane: invalid input, ${e.issues.length} issue(s):\n`);
      for (const i of e.issues) io.stderr(`  ${i.path || '(root)'}: ${i.message}\n`);
      return 1;
    }
    if (e instanceof WeatherVaneError && e.code === 'invalid_argument') {
      io.stderr(`jd-weather-vane: ${e.message.replace('[jd-weather-vane] ', '')}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read the ${what} file ${JSON.stringify(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidInputError(
      [
        {
          path: '',
          message: `expected JSON in ${path}, found a syntax error: ${(e as Error).message}`,
        },
      ],
      what,
    );
  }
}
