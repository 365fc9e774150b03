/**
 * The `jd-weather-vane` command line, as a function of its arguments (testable without a
 * child process; `main.ts` wires it to the real process).
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { didYouMean } from '../_suggest.js';
import { openDeadlines } from '../advice/deadlines.js';
import { forecast } from '../advice/forecast.js';
import {
  type InputIssue,
  InvalidInputError,
  isInvalidInputError,
  isWeatherVaneError,
} from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { evaluateStore } from '../evaluate/evaluate.js';
import type { ModuleId } from '../ids.js';
import type { StoreData } from '../model.js';
import type { CsvMapping } from '../node/csvMapping.js';
import { readStoreDir } from '../node/readStoreDir.js';
import { parseStoreData } from '../schemas/parse.js';
import { chatStageCounts, dataSpan } from '../scorecard/dataSummary.js';
import { type PeerData, parsePeerData } from '../scorecard/peers.js';
import { formatShanghaiInstant, parseDayKey, toEpochMs } from '../time/shanghai.js';
import { pathToTarget, type Target } from '../values/pathToTarget.js';
import { type StoreValues, scoreValues } from '../values/scoreValues.js';
import { whatIf } from '../values/whatIf.js';
import { VERSION } from '../version.js';
import { renderTarget, renderWhatIf } from './plan.js';
import { renderScorecard } from './render.js';
import { renderToday } from './today.js';

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
export const USAGE = `Usage: jd-weather-vane score <store> --as-of YYYY-MM-DD [--peers peers.json] [--json] [--strict] [--quiet]
       jd-weather-vane score --values values.json [--peers peers.json] [--json]
       jd-weather-vane today <store> [--at INSTANT] [--days N] [--json]
       jd-weather-vane what-if <store|values> [--as-of D] [--set <metric>=<value>]… [--open <service>]… [--close <service>]…
       jd-weather-vane target <store|values> [--as-of D] (--total N | --composite N | --module <id> --score N | --stars N)

score: computes JD's store weather vane (京东风向标) for one evaluation day.
today: what is still open at an instant and by when (open deadlines, soonest first), and the
       next days of each metric if nothing new happens (docs/daily-routine.md).
what-if: a change scored again, with the difference in every score (docs/what-if.md).
target: what each metric would need alone, and the fewest cases together, to reach a target.

  <store>             the store's data (format: docs/input.md in the package): a .json file,
                      a folder (store.json and one .jsonl or .csv file per collection,
                      streamed; docs/files.md), or - to read the JSON from standard input
  --as-of YYYY-MM-DD  the evaluation day (Shanghai); nothing stamped at or after its 00:00 counts
  --mapping m.json    CSV column mapping for a folder (default: the folder's mapping.json)
  --at INSTANT        today: the instant to look from (default: now), e.g. "2026-11-22 10:00"
                      (Shanghai time) or 2026-11-22T02:00:00Z
  --days N            today: how many days to forecast (default 30)
  --values v.json     score: the values JD's back-end shows ({ asOf, metrics: { <id>: value } },
                      docs/what-if.md) instead of a store's records
  --set id=value      what-if: a metric's new value (a fraction for ratios: 0.92), repeatable
  --open, --close id  what-if: open or close a 放心购 service, repeatable
  --total, --composite N; --module id --score N; --stars N
                      target: what to reach (stars need --peers with composites)
  --peers peers.json  category peers: { composites (their totals), modules, metrics }
                      (docs/input.md); scores metrics against them and adds the standing
  --json              print the scorecard as JSON; warnings and errors go to stderr as JSON
  --strict            treat warnings (an as-of day outside the data's span) as errors
  -q, --quiet         no progress on stderr (shown only when stderr is a terminal)
  -v, --version       print the version
  -h, --help          show this help

Exit codes: 0 success, 1 invalid input (every issue printed with its path; with --strict,
a warning too), 2 usage error.
`;

/** The most issues printed as text; `--json` gives them all. */
export const MAX_ISSUES_SHOWN = 20;

class UsageError extends Error {}

const OPTIONS = {
  'as-of': { type: 'string' },
  values: { type: 'string' },
  set: { type: 'string', multiple: true },
  open: { type: 'string', multiple: true },
  close: { type: 'string', multiple: true },
  total: { type: 'string' },
  composite: { type: 'string' },
  module: { type: 'string' },
  score: { type: 'string' },
  stars: { type: 'string' },
  at: { type: 'string' },
  days: { type: 'string' },
  peers: { type: 'string' },
  mapping: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  strict: { type: 'boolean', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const LONG = Object.keys(OPTIONS);
const SHORT: Readonly<Record<string, string>> = { v: 'version', h: 'help', q: 'quiet' };

/** Our own wording for unknown options and missing values, before `parseArgs` sees them. */
function checkOptions(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') return;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] as string;
      const spec = (OPTIONS as Record<string, { type: string }>)[name];
      if (spec === undefined) {
        const hint = didYouMean(name, LONG);
        throw new UsageError(
          `unknown option --${name}${hint === '' ? '' : hint.replace(/"([^"]+)"/, '--$1')}`,
        );
      }
      if (spec.type === 'string' && !a.includes('=')) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--'))
          throw new UsageError(`expected a value after --${name}, found ${next ?? 'nothing'}`);
        i++;
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (SHORT[c] === undefined)
          throw new UsageError(`unknown option -${c} (short options: -h, -q, -v)`);
      }
    }
  }
}

interface Warning {
  readonly code: 'as-of-outside-data';
  readonly message: string;
}

/** Warnings about the evaluation day against the days the data covers. */
function asOfWarnings(data: StoreData, asOf: string): Warning[] {
  const span = dataSpan(data);
  const code = 'as-of-outside-data';
  if (span === null)
    return [{ code, message: 'the store data has no records: every metric is no-data' }];
  const day = parseDayKey(asOf, 'asOf');
  const first = parseDayKey(span.from);
  const last = parseDayKey(span.to);
  if (day <= first)
    return [
      {
        code,
        message: `the as-of day ${asOf} is not after the data's first day ${span.from}: nothing in the data has happened by its 00:00, so every metric is no-data`,
      },
    ];
  if (day - 1 > last)
    return [
      {
        code,
        message: `the as-of day ${asOf} is ${day - last} days after the data's last day ${span.to}: the windows read days the data does not cover, so metrics are no-data or rest on part of their window`,
      },
    ];
  return [];
}

function issueLines(issues: readonly InputIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  let s = '';
  for (const i of shown) s += `  ${i.path || '(root)'}: ${i.message}\n`;
  if (issues.length > shown.length)
    s += `  … and ${issues.length - shown.length} more (every issue with --json)\n`;
  return s;
}

/**
 * Runs the CLI; returns the exit code.
 *
 * @example
 * ```ts
 * const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
 * await runCli(['score', 'store.json', '--as-of', '2026-11-23'], io);
 * //=> 0
 * await runCli(['score', 'store.json', '--jsn'], io); // "unknown option --jsn: did you mean --json?"
 * //=> 2
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let progress: Progress | undefined;
  const json = argv.includes('--json');
  const fail = (code: string, message: string, issues?: readonly InputIssue[]) => {
    if (json)
      io.stderr(`${JSON.stringify({ error: { code, message, ...(issues ? { issues } : {}) } })}\n`);
    else io.stderr(`jd-weather-vane: ${message}\n${issues ? issueLines(issues) : ''}`);
  };
  let what = 'store';
  try {
    checkOptions(argv);
    const { values, positionals } = (() => {
      try {
        return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
      } catch (e) {
        /* v8 ignore next: checkOptions words every case parseArgs rejects */
        throw new UsageError((e as Error).message);
      }
    })();
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const [command, file, ...rest] = positionals;
    if (!(COMMANDS as readonly (string | undefined)[]).includes(command))
      throw new UsageError(
        `expected the command ${COMMANDS.map((c) => `"${c}"`).join(', ')}, found ${command === undefined ? 'nothing' : JSON.stringify(command)}${command === undefined ? '' : didYouMean(command as string, COMMANDS)}`,
      );
    if (command === 'score' && values.values !== undefined) {
      if (file !== undefined)
        throw new UsageError('expected either a store or --values, found both');
      what = 'values';
      const input = readJson(values.values, 'values') as StoreValues;
      what = 'peers';
      const peers =
        values.peers === undefined ? undefined : parsePeerData(readJson(values.peers, 'peers'));
      what = 'values';
      const card = scoreValues(peers === undefined ? input : { ...input, peers });
      io.stdout(values.json ? `${JSON.stringify(card, null, 2)}\n` : `${renderScorecard(card)}\n`);
      return 0;
    }
    if (command === 'what-if' || command === 'target') {
      if (file === undefined)
        throw new UsageError(`expected the store or values file after "${command}"`);
      if (rest.length > 0)
        throw new UsageError(
          `expected one store or values file, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
        );
      what = 'peers';
      const peers =
        values.peers === undefined ? undefined : parsePeerData(readJson(values.peers, 'peers'));
      what = 'store';
      const card = await cardOf(file, values['as-of'], peers, io, values.mapping);
      const options = peers === undefined ? {} : { peers };
      if (command === 'what-if') {
        what = 'change';
        const change = {
          ...(values.set === undefined ? {} : { metrics: parseSets(values.set) }),
          ...(values.open === undefined ? {} : { open: values.open }),
          ...(values.close === undefined ? {} : { close: values.close }),
        };
        const result = whatIf(card, change, options);
        io.stdout(
          values.json
            ? `${JSON.stringify({ change, difference: result.difference, after: result.after }, null, 2)}\n`
            : `${renderWhatIf(card, result)}\n`,
        );
        return 0;
      }
      const target = parseTarget(values);
      const way = pathToTarget(card, target, options);
      io.stdout(
        values.json ? `${JSON.stringify(way, null, 2)}\n` : `${renderTarget(card, target, way)}\n`,
      );
      return 0;
    }
    if (file === undefined)
      throw new UsageError(
        `expected the store after "${command}": a .json file, a folder, or - for standard input`,
      );
    if (rest.length > 0)
      throw new UsageError(
        `expected one store file, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
      );
    if (command === 'today') {
      if (values['as-of'] !== undefined)
        throw new UsageError(
          'expected --at INSTANT with "today", found --as-of (a "score" option)',
        );
      progress = io.stderrIsTTY === true && !values.quiet ? new Progress(io) : undefined;
      const todayArgs = parseTodayArgs(values.at, values.days, io);
      const data = await readStore(
        file,
        io,
        progress,
        values.mapping === undefined
          ? undefined
          : (readJson(values.mapping, 'mapping') as CsvMapping),
      );
      progress?.phase('looking ahead');
      const deadlines = openDeadlines(data, { at: todayArgs.atMs });
      const f = forecast(data, { knownAt: todayArgs.atMs, days: todayArgs.days });
      progress?.done();
      const at = formatShanghaiInstant(todayArgs.atMs);
      io.stdout(
        values.json
          ? `${JSON.stringify({ at, deadlines, forecast: { knownAt: f.knownAt, days: f.scorecards.map((c) => ({ asOf: c.asOf, metrics: Object.fromEntries(Object.entries(c.metrics).map(([id, m]) => [id, m.value])) })), changes: f.changes } }, null, 2)}\n`
          : `${renderToday(data.store.id, at, deadlines, f)}\n`,
      );
      return 0;
    }
    if (values.at !== undefined || values.days !== undefined)
      throw new UsageError('expected --at and --days with "today" only');
    const asOf = values['as-of'];
    if (asOf === undefined)
      throw new UsageError('expected --as-of YYYY-MM-DD (the evaluation day)');
    parseDayKey(asOf, '--as-of');
    progress = io.stderrIsTTY === true && !values.quiet ? new Progress(io) : undefined;
    const mapping =
      values.mapping === undefined
        ? undefined
        : (readJson(values.mapping, 'mapping') as CsvMapping);
    const data = await readStore(file, io, progress, mapping);
    what = 'peers';
    const peers =
      values.peers === undefined ? undefined : parsePeerData(readJson(values.peers, 'peers'));
    what = 'store';
    const warnings = asOfWarnings(data, asOf);
    if (values.strict && warnings.length > 0) {
      fail(
        'warning_as_error',
        `${warnings.length} warning(s), errors under --strict:`,
        warnings.map((w) => ({ path: '--as-of', message: w.message })),
      );
      return 1;
    }
    for (const w of warnings) {
      io.stderr(
        json ? `${JSON.stringify({ warning: w })}\n` : `jd-weather-vane: warning: ${w.message}\n`,
      );
    }
    progress?.phase(`evaluating as of ${asOf}`);
    const card = evaluateStore(data, peers ? { asOf, peers } : { asOf });
    progress?.done();
    io.stdout(
      values.json
        ? `${JSON.stringify(card, null, 2)}\n`
        : `${renderScorecard(card, { stages: chatStageCounts(data, { asOf }) })}\n`,
    );
    return 0;
  } catch (e) {
    progress?.done();
    if (e instanceof UsageError) {
      if (json) fail('usage', e.message);
      else io.stderr(`jd-weather-vane: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isInvalidInputError(e)) {
      fail('invalid_input', `invalid ${what} input, ${e.issues.length} issue(s):`, e.issues);
      return 1;
    }
    if (isWeatherVaneError(e) && e.code === 'invalid_argument') {
      const message = e.message.replace('[jd-weather-vane] ', '');
      if (json) fail('usage', message);
      else io.stderr(`jd-weather-vane: ${message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** The instant and the days of `today`, checked. */
function parseTodayArgs(
  at: string | undefined,
  days: string | undefined,
  io: CliIo,
): { atMs: number; days: number } {
  let atMs = (io.now ?? Date.now)();
  if (at !== undefined) {
    const ms = toEpochMs(at);
    if (typeof ms !== 'number') throw new UsageError(`--at: ${ms.error}`);
    atMs = ms;
  }
  const n = days === undefined ? 30 : Number(days);
  if (!Number.isInteger(n) || n < 1 || n > 366)
    throw new UsageError(`expected --days as a whole number 1–366, found ${JSON.stringify(days)}`);
  return { atMs, days: n };
}

const COMMANDS = ['score', 'today', 'what-if', 'target'] as const;

/** `--set id=value` pairs as metric values (numbers, fractions for ratios). */
function parseSets(sets: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const i = s.indexOf('=');
    const value = Number(s.slice(i + 1));
    if (i <= 0 || s.slice(i + 1).trim() === '' || !Number.isFinite(value))
      throw new UsageError(`expected --set <metric id>=<number>, found ${JSON.stringify(s)}`);
    out[s.slice(0, i)] = value;
  }
  return out;
}

/** The target of `target` from its options. */
function parseTarget(values: Record<string, unknown>): Target {
  const num = (k: string) => {
    const v = Number(values[k]);
    if (!Number.isFinite(v))
      throw new UsageError(`expected --${k} <number>, found ${JSON.stringify(values[k])}`);
    return v;
  };
  const given = ['total', 'composite', 'stars', 'module'].filter((k) => values[k] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      'expected one target: --total N, --composite N, --module <id> --score N or --stars N',
    );
  if (values.module !== undefined) {
    if (values.score === undefined) throw new UsageError('expected --score N with --module');
    return { module: values.module as ModuleId, score: num('score') };
  }
  if (values.total !== undefined) return { total: num('total') };
  if (values.composite !== undefined) return { composite: num('composite') };
  return { stars: num('stars') };
}

/** A scorecard from a store (evaluated as of `--as-of`) or a values file (scored). */
async function cardOf(
  file: string,
  asOf: string | undefined,
  peers: PeerData | undefined,
  io: CliIo,
  mappingFile: string | undefined,
): Promise<Scorecard> {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    // readJson words the error
  }
  if (!isDir && file !== '-') {
    const json = readJson(file, 'store');
    if (typeof json === 'object' && json !== null && 'metrics' in json) {
      const v = json as StoreValues;
      if (asOf !== undefined && asOf !== v.asOf)
        throw new UsageError(
          `expected --as-of to match the values file's asOf (${JSON.stringify(v.asOf)}), found ${asOf}`,
        );
      return scoreValues(peers === undefined ? v : { ...v, peers });
    }
    if (asOf === undefined)
      throw new UsageError('expected --as-of YYYY-MM-DD for a store (the evaluation day)');
    parseDayKey(asOf, '--as-of');
    const data = parseStoreData(json);
    return evaluateStore(data, peers ? { asOf, peers } : { asOf });
  }
  if (asOf === undefined)
    throw new UsageError('expected --as-of YYYY-MM-DD for a store (the evaluation day)');
  parseDayKey(asOf, '--as-of');
  const mapping =
    mappingFile === undefined ? undefined : (readJson(mappingFile, 'mapping') as CsvMapping);
  const data = await readStore(file, io, undefined, mapping);
  return evaluateStore(data, peers ? { asOf, peers } : { asOf });
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
    this.shown = false;
  }
}

/** The store from a folder (streamed), a .json file, or standard input (`-`). */
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
  // A UTF-8 byte order mark (what Windows tools write) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
