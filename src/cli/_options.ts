/**
 * The CLI's options (private): one table of every option, the commands it applies to and its
 * help; the checks that give usage errors in our own words (an unknown option, a missing
 * value, an option of another command, a number that is not plain decimal).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../_suggest.js';

/** A usage error: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {}

/** The commands. */
export const COMMAND_NAMES = ['score', 'history', 'today', 'what-if', 'target'] as const;
/** A command's name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's placeholder in the help (`YYYY-MM-DD`). */
  readonly arg?: string;
  /** The commands it applies to; absent: every command (help, version). */
  readonly commands?: readonly CommandName[];
  readonly help: string;
}

const STORE_COMMANDS: readonly CommandName[] = COMMAND_NAMES;

/** Every option, in the order the help lists them. */
export const OPTION_SPECS = {
  'as-of': {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['score', 'what-if', 'target'],
    help: 'the evaluation day (Shanghai); nothing stamped at or after its 00:00 counts',
  },
  at: {
    type: 'string',
    arg: 'INSTANT',
    commands: ['today'],
    help: 'the instant to look from (default: now), e.g. "2026-11-22 10:00" (Shanghai time) or 2026-11-22T02:00:00Z',
  },
  days: {
    type: 'string',
    arg: 'N',
    commands: ['today', 'history'],
    help: 'today: how many days to forecast (default 30); history: how many evaluation days (default 30)',
  },
  from: {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['history'],
    help: 'the first evaluation day of the history',
  },
  to: {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['history'],
    help: 'the last evaluation day of the history (default: today in Shanghai, with a note)',
  },
  csv: {
    type: 'boolean',
    commands: ['history', 'score'],
    help: 'print the result as CSV for a spreadsheet: one row per day (history), per store (score --all)',
  },
  values: {
    type: 'string',
    arg: 'v.json',
    commands: ['score'],
    help: "the values JD's back-end shows ({ asOf, metrics: { <id>: value } }, docs/what-if.md) instead of a store's records",
  },
  set: {
    type: 'string',
    multiple: true,
    arg: 'id=value',
    commands: ['what-if'],
    help: "a metric's new value (a fraction for ratios: 0.92), once per metric, repeatable",
  },
  open: {
    type: 'string',
    multiple: true,
    arg: 'service',
    commands: ['what-if'],
    help: 'open a 放心购 service, repeatable',
  },
  close: {
    type: 'string',
    multiple: true,
    arg: 'service',
    commands: ['what-if'],
    help: 'close a 放心购 service, repeatable',
  },
  total: { type: 'string', arg: 'N', commands: ['target'], help: 'the total to reach' },
  composite: { type: 'string', arg: 'N', commands: ['target'], help: 'the composite to reach' },
  module: {
    type: 'string',
    arg: 'id',
    commands: ['target'],
    help: 'a module whose score to reach (with --score N)',
  },
  score: { type: 'string', arg: 'N', commands: ['target'], help: "the module's score to reach" },
  stars: {
    type: 'string',
    arg: 'N',
    commands: ['target'],
    help: 'the stars to reach (needs --peers with composites)',
  },
  peers: {
    type: 'string',
    arg: 'peers.json',
    commands: ['score', 'history', 'what-if', 'target'],
    help: 'category peers: { composites (their totals), modules, metrics } (docs/input.md); scores metrics against them and adds the standing',
  },
  all: {
    type: 'boolean',
    commands: ['score'],
    help: 'score every store of a folder (store folders or .json files) in parallel, one line per store; exit code 1 when some failed',
  },
  'peers-from-run': {
    type: 'boolean',
    commands: ['score'],
    help: 'with --all: peers are the other stores of the run, of the same category when the stores give theirs (level 2, else level 1)',
  },
  workers: {
    type: 'string',
    arg: 'N',
    commands: ['score'],
    help: "with --all: stores scored at once, one worker thread each (default: the machine's cores)",
  },
  mapping: {
    type: 'string',
    arg: 'm.json',
    commands: STORE_COMMANDS,
    help: "CSV column mapping for a folder (default: the folder's mapping.json)",
  },
  encoding: {
    type: 'string',
    arg: 'name',
    commands: STORE_COMMANDS,
    help: 'the text encoding of the input files (default utf-8), e.g. gb18030 for a CSV saved by Excel on Chinese Windows',
  },
  lenient: {
    type: 'boolean',
    commands: STORE_COMMANDS,
    help: 'set bad records aside (listed with their issues) and score the rest, instead of refusing the store',
  },
  'max-json-mb': {
    type: 'string',
    arg: 'N',
    commands: STORE_COMMANDS,
    help: 'the largest .json file or standard input read whole, in MB (default 512; a bigger store reads as a folder)',
  },
  json: {
    type: 'boolean',
    commands: STORE_COMMANDS,
    help: 'print the result as JSON (with --all: JSON Lines, one scorecard per line); warnings and errors go to stderr as JSON',
  },
  strict: {
    type: 'boolean',
    commands: ['score', 'history', 'what-if', 'target'],
    help: "treat warnings (an as-of day outside the data's span) as errors",
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    commands: STORE_COMMANDS,
    help: 'no progress on stderr (shown only when stderr is a terminal)',
  },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
  help: { type: 'boolean', short: 'h', help: 'show this help (or one command’s: score --help)' },
} as const satisfies Record<string, OptionSpec>;

/** An option's name. */
export type OptionName = keyof typeof OPTION_SPECS;
const SPECS: Readonly<Record<string, OptionSpec>> = OPTION_SPECS;
const LONG = Object.keys(OPTION_SPECS);
const SHORT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPECS).flatMap(([name, s]) => (s.short === undefined ? [] : [[s.short, name]])),
);

/** The parsed command line: the options given (only those) and the positionals. */
export interface ParsedArgs {
  readonly values: {
    readonly [K in OptionName]?: (typeof OPTION_SPECS)[K] extends { multiple: true }
      ? string[]
      : (typeof OPTION_SPECS)[K] extends { type: 'boolean' }
        ? boolean
        : string;
  };
  readonly positionals: readonly string[];
}

/** Our own wording for unknown options and missing values, before `parseArgs` sees them. */
function checkSpelling(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') return;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] as string;
      const spec = SPECS[name];
      if (spec === undefined) {
        const hint = didYouMean(name, LONG);
        throw new UsageError(
          `unknown option --${name}${hint === '' ? '' : hint.replace(/"([^"]+)"/, '--$1')}`,
        );
      }
      if (spec.type === 'boolean' && a.includes('='))
        throw new UsageError(`expected --${name} without a value, found ${JSON.stringify(a)}`);
      if (spec.type === 'string' && !a.includes('=')) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--'))
          throw new UsageError(`expected a value after --${name}, found ${next ?? 'nothing'}`);
        i++;
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (SHORT[c] === undefined)
          throw new UsageError(
            `unknown option -${c} (short options: ${Object.keys(SHORT)
              .map((s) => `-${s}`)
              .join(', ')})`,
          );
      }
    }
  }
}

/** Parses the command line, with every check that does not need the command. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  checkSpelling(argv);
  const options = Object.fromEntries(
    Object.entries(SPECS).map(([name, s]) => [
      name,
      {
        type: s.type,
        ...(s.multiple === true ? { multiple: true } : {}),
        ...(s.short === undefined ? {} : { short: s.short }),
      },
    ]),
  );
  try {
    const r = parseArgs({ args: [...argv], allowPositionals: true, options: options as never });
    return { values: r.values as ParsedArgs['values'], positionals: r.positionals };
  } catch (e) {
    /* v8 ignore next: checkSpelling words every case parseArgs rejects */
    throw new UsageError((e as Error).message);
  }
}

/** The options of a command. */
export function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(SPECS) as OptionName[]).filter((name) => {
    const c = SPECS[name]?.commands;
    return c === undefined || c.includes(command);
  });
}

/** An option given to a command it does not apply to is a usage error, naming its commands. */
export function checkApplies(command: CommandName, args: ParsedArgs): void {
  const own = new Set<string>(optionsOf(command));
  for (const name of Object.keys(args.values)) {
    if (own.has(name)) continue;
    const where = (SPECS[name]?.commands ?? []).map((c) => `"${c}"`).join(', ');
    throw new UsageError(`--${name} does not apply to "${command}" (it is an option of ${where})`);
  }
}

/** The help lines of the given options. */
export function optionHelp(names: readonly OptionName[]): string {
  const rows = names.map((name) => {
    const s = SPECS[name] as OptionSpec;
    const flag = `${s.short === undefined ? '' : `-${s.short}, `}--${name}${s.arg === undefined ? '' : ` ${s.arg}`}`;
    return [flag, s.help] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`).join('\n');
}

const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const WHOLE = /^\d+$/;

/**
 * A number as people write it: plain decimal (`0.92`, `9`, `-1.5`), never `0x1`, `1e3`,
 * `Infinity` or an empty string, which `Number()` would take.
 */
export function plainNumber(text: string, what: string): number {
  const t = text.trim();
  if (!PLAIN_DECIMAL.test(t))
    throw new UsageError(
      `expected ${what} as a plain decimal number, found ${JSON.stringify(text)}`,
    );
  return Number(t);
}

/** A whole number within `[min, max]`, plain decimal digits only. */
export function wholeNumber(text: string, what: string, min: number, max: number): number {
  const n = WHOLE.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(
      `expected ${what} as a whole number ${min}–${max}, found ${JSON.stringify(text)}`,
    );
  return n;
}
