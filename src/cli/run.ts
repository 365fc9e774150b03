/**
 * The `jd-weather-vane` command line, as a function of its arguments (testable without a
 * child process; `main.ts` wires it to the real process).
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvalidInputError, WeatherVaneError } from '../errors.js';
import type { StoreData } from '../model.js';
import type { CsvMapping } from '../node/csvMapping.js';
import { readStoreDir } from '../node/readStoreDir.js';
import { parseStoreData } from '../schemas/parse.js';
import { parsePeerData } from '../schemas/peers.js';
import { evaluateStore } from '../scorecard/evaluateStore.js';
import { renderScorecard } from './render.js';

/** Where the CLI reads and writes. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Whether stderr is a terminal: progress is shown only then (and never with `--quiet`). */
  readonly stderrIsTTY?: boolean;
  /** Standard input, read for the store path `-` (default: the process's). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /** The clock for progress rates, in ms (default `Date.now`). */
  readonly now?: () => number;
}

/** The usage text. */
export const USAGE = `Usage: jd-weather-vane score <store> --as-of YYYY-MM-DD [--peers peers.json] [--json] [--quiet]

Computes JD's store weather vane (京东风向标) for one evaluation day.

  <store>             the store's data (see the README for the format): a .json file, a
                      folder (store.json and one .jsonl or .csv file per collection,
                      streamed), or - to read the JSON from standard input
  --as-of YYYY-MM-DD  the evaluation day (Shanghai); nothing stamped at or after its 00:00 counts
  --mapping m.json    CSV column mapping for a folder (default: the folder's mapping.json)
  --peers peers.json  category peers: { composites, modules, metrics } (see the README);
                      scores metrics against them and adds the standing (stars, badges…)
  --json              print the scorecard as JSON instead of a table
  -q, --quiet         no progress on stderr (shown only when stderr is a terminal)
  -h, --help          show this help

Exit codes: 0 success, 1 invalid input (every issue printed with its path), 2 usage error.
`;

class UsageError extends Error {}

/**
 * Runs the CLI; returns the exit code.
 *
 * @example
 * ```ts
 * await runCli(['score', 'store.json', '--as-of', '2026-11-23'], { stdout: console.log, stderr: console.error });
 * //=> 0
 * await runCli(['score'], io); // prints what was expected
 * //=> 2
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let progress: Progress | undefined;
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: [...argv],
          allowPositionals: true,
          options: {
            'as-of': { type: 'string' },
            peers: { type: 'string' },
            mapping: { type: 'string' },
            json: { type: 'boolean', default: false },
            quiet: { type: 'boolean', short: 'q', default: false },
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
      throw new UsageError(
        'expected the store after "score": a .json file, a folder, or - for standard input',
      );
    if (rest.length > 0)
      throw new UsageError(
        `expected one store file, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
      );
    const asOf = values['as-of'];
    if (asOf === undefined)
      throw new UsageError('expected --as-of YYYY-MM-DD (the evaluation day)');
    progress = io.stderrIsTTY === true && !values.quiet ? new Progress(io) : undefined;
    const mapping =
      values.mapping === undefined
        ? undefined
        : (readJson(values.mapping, 'mapping') as CsvMapping);
    const data = await readStore(file, io, progress, mapping);
    const peers =
      values.peers === undefined ? undefined : parsePeerData(readJson(values.peers, 'peers'));
    progress?.phase(`evaluating as of ${asOf}`);
    const card = evaluateStore(data, peers ? { asOf, peers } : { asOf });
    progress?.done();
    io.stdout(values.json ? `${JSON.stringify(card, null, 2)}\n` : `${renderScorecard(card)}\n`);
    return 0;
  } catch (e) {
    progress?.done();
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

/** Progress on stderr, one line rewritten in place (`\r`). */
class Progress {
  private readonly now: () => number;
  private readonly start: number;
  private shown = false;
  constructor(private readonly io: CliIo) {
    this.now = io.now ?? Date.now;
    this.start = this.now();
  }
  private line(s: string): void {
    this.io.stderr(`\r\x1b[K${s}`);
    this.shown = true;
  }
  phase(s: string): void {
    this.line(`${s}…`);
  }
  records(file: string, records: number, bytesRead: number, totalBytes: number): void {
    const seconds = Math.max(this.now() - this.start, 1) / 1000;
    const rate = Math.round(records / seconds);
    const pct = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
    this.line(
      `reading ${file}: ${records.toLocaleString('en-US')} records, ${rate.toLocaleString('en-US')}/s, ${pct}%`,
    );
  }
  done(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
  }
}

async function readStore(
  path: string,
  io: CliIo,
  progress: Progress | undefined,
  mapping: CsvMapping | undefined,
): Promise<StoreData> {
  if (path === '-') {
    progress?.phase('reading standard input');
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of io.stdin ?? (process.stdin as AsyncIterable<Uint8Array>)) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
    progress?.phase('parsing');
    return parseStoreData(parseJson(text, 'standard input', 'store'));
  }
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // readJson words the error
  }
  if (isDir) {
    return readStoreDir(path, {
      ...(mapping === undefined ? {} : { mapping }),
      ...(progress === undefined
        ? {}
        : { onProgress: (p) => progress.records(p.file, p.records, p.bytesRead, p.totalBytes) }),
    });
  }
  progress?.phase(`reading ${path}`);
  const input = readJson(path, 'store');
  progress?.phase('parsing');
  return parseStoreData(input);
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
  return parseJson(text, path, what);
}

function parseJson(text: string, path: string, what: string): unknown {
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
