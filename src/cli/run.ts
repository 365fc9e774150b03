/**
 * The `jd-weather-vane` command line, as a function of its arguments (testable without a
 * child process; `main.ts` wires it to the real process). Each command is a file of
 * `commands/`; their options, the help and the usage errors are shared here and in
 * `_options.ts`.
 *
 * @module
 */
import { didYouMean } from '../_suggest.js';
import { isWeatherVaneError } from '../errors.js';
import { VERSION } from '../version.js';
import { CliInputError, type Command } from './_command.js';
import { type CliIo, MAX_ISSUES_SHOWN, Output } from './_io.js';
import {
  COMMAND_NAMES,
  type CommandName,
  checkApplies,
  OPTION_SPECS,
  type OptionName,
  optionHelp,
  optionsOf,
  parseCommandLine,
  UsageError,
} from './_options.js';
import { historyCommand } from './commands/history.js';
import { scoreCommand } from './commands/score.js';
import { targetCommand } from './commands/target.js';
import { todayCommand } from './commands/today.js';
import { whatIfCommand } from './commands/what-if.js';

export type { CliIo };
export { MAX_ISSUES_SHOWN };

const COMMANDS: Readonly<Record<CommandName, Command>> = {
  score: scoreCommand,
  history: historyCommand,
  today: todayCommand,
  'what-if': whatIfCommand,
  target: targetCommand,
};

const FOOTER = `Exit codes: 0 success, 1 invalid input (every issue printed with its path; with --strict,
a warning too), 2 usage error.
`;

const STORE_HELP = `  <store>  the store's data (format: docs/input.md in the package): a .json file, a folder
           (store.json and one .jsonl or .csv file per collection, streamed; docs/files.md),
           or - to read the JSON from standard input`;

/** The usage text. */
export const USAGE = `${COMMAND_NAMES.map((c, i) =>
  COMMANDS[c].synopsis
    .map((s, j) => `${i === 0 && j === 0 ? 'Usage: ' : '       '}jd-weather-vane ${s}`)
    .join('\n'),
).join('\n')}

${COMMAND_NAMES.map((c) => `${c}: ${COMMANDS[c].summary}`).join('\n')}

${STORE_HELP}
${optionHelp(Object.keys(OPTION_SPECS) as OptionName[])}

Each command's own help: jd-weather-vane <command> --help

${FOOTER}`;

/** One command's help: its synopsis, summary and options. */
export function commandUsage(name: CommandName): string {
  const c = COMMANDS[name];
  return `${c.synopsis.map((s, j) => `${j === 0 ? 'Usage: ' : '       '}jd-weather-vane ${s}`).join('\n')}

${c.summary}

${STORE_HELP}
${optionHelp(optionsOf(name))}

${FOOTER}`;
}

const HINT = "run 'jd-weather-vane --help' for usage\n";

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
  const out = new Output(io, argv.includes('--json'));
  let command: CommandName | undefined;
  try {
    const args = parseCommandLine(argv);
    const [name, ...positionals] = args.positionals;
    command = (COMMAND_NAMES as readonly (string | undefined)[]).includes(name)
      ? (name as CommandName)
      : undefined;
    if (args.values.help === true) {
      io.stdout(command === undefined ? USAGE : commandUsage(command));
      return 0;
    }
    if (args.values.version === true) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined)
      throw new UsageError(
        `expected the command ${COMMAND_NAMES.map((c) => `"${c}"`).join(', ')}, found ${name === undefined ? 'nothing' : JSON.stringify(name)}${name === undefined ? '' : didYouMean(name, COMMAND_NAMES)}`,
      );
    checkApplies(command, args);
    return await COMMANDS[command].run({ args: { values: args.values, positionals }, io, out });
  } catch (e) {
    const hint =
      command === undefined ? HINT : `run 'jd-weather-vane ${command} --help' for usage\n`;
    if (e instanceof UsageError) {
      out.fail('usage', e.message, undefined, hint);
      return 2;
    }
    if (e instanceof CliInputError) {
      out.fail('invalid_input', `invalid ${e.what} input, ${e.issues.length} issue(s):`, e.issues);
      return 1;
    }
    if (isWeatherVaneError(e) && e.code === 'invalid_input') {
      const issues = (e as { issues?: readonly { path: string; message: string }[] }).issues ?? [];
      out.fail('invalid_input', `invalid store input, ${issues.length} issue(s):`, issues);
      return 1;
    }
    if (isWeatherVaneError(e) && e.code === 'invalid_argument') {
      out.fail('usage', e.message.replace('[jd-weather-vane] ', ''), undefined, hint);
      return 2;
    }
    throw e;
  }
}
