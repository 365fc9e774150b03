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
import { type Lang, langOf, type Text, WORDS } from './_lang.js';
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
import { forecastCommand } from './commands/forecast.js';
import { historyCommand } from './commands/history.js';
import { reportCommand } from './commands/report.js';
import { scoreCommand } from './commands/score.js';
import { targetCommand } from './commands/target.js';
import { todayCommand } from './commands/today.js';
import { whatIfCommand } from './commands/what-if.js';
import { displayWidth } from './render.js';

export type { CliIo };
export { MAX_ISSUES_SHOWN };

const COMMANDS: Readonly<Record<CommandName, Command>> = {
  score: scoreCommand,
  history: historyCommand,
  today: todayCommand,
  forecast: forecastCommand,
  'what-if': whatIfCommand,
  target: targetCommand,
  report: reportCommand,
};

const FOOTER: Text = {
  en: `Exit codes: 0 success, 1 invalid input (every issue printed with its path; with --strict,
a warning too), 2 usage error.
`,
  zh: `退出码：0 成功，1 输入有误（逐条列出问题及其位置；加 --strict 时警告也算），2 用法错误。
`,
};

const STORE_HELP: Text = {
  en: `  <store>  the store's data (format: docs/input.md in the package): a .json file, a folder
           (store.json and one .jsonl or .csv file per collection, streamed; docs/files.md),
           or - to read the JSON from standard input`,
  zh: `  <store>  店铺数据（格式见包内 docs/input.md）：一个 .json 文件、一个文件夹（store.json 加上
           每类记录一个 .jsonl 或 .csv 文件，流式读取；docs/files.md），或 - 表示从标准输入读 JSON`,
};

const COMMAND_HELP: Text = {
  en: "Each command's own help: jd-weather-vane <command> --help",
  zh: '每个命令的帮助：jd-weather-vane <命令> --help（加 --lang zh 显示中文）',
};

function synopsis(names: readonly CommandName[], lang: Lang): string {
  const first = lang === 'zh' ? '用法：' : 'Usage: ';
  return names
    .flatMap((c) => COMMANDS[c].synopsis)
    .map((s, i) => `${i === 0 ? first : ' '.repeat(displayWidth(first))}jd-weather-vane ${s}`)
    .join('\n');
}

/** The help of every command, in the language given. */
export function usage(lang: Lang = 'en'): string {
  return `${synopsis(COMMAND_NAMES, lang)}

${COMMAND_NAMES.map((c) => `${c}: ${COMMANDS[c].summary[lang]}`).join('\n')}

${STORE_HELP[lang]}
${optionHelp(Object.keys(OPTION_SPECS) as OptionName[], lang)}

${COMMAND_HELP[lang]}

${FOOTER[lang]}`;
}

/** The usage text (English). */
export const USAGE = usage('en');

/** One command's help: its synopsis, summary and options. */
export function commandUsage(name: CommandName, lang: Lang = 'en'): string {
  return `${synopsis([name], lang)}

${COMMANDS[name].summary[lang]}

${STORE_HELP[lang]}
${optionHelp(optionsOf(name), lang)}

${FOOTER[lang]}`;
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
  const lang = langOf(argv, io.env ?? {});
  const out = new Output(io, argv.includes('--json'), lang);
  let command: CommandName | undefined;
  try {
    const args = parseCommandLine(argv);
    const [name, ...positionals] = args.positionals;
    command = (COMMAND_NAMES as readonly (string | undefined)[]).includes(name)
      ? (name as CommandName)
      : undefined;
    const given = args.values.lang;
    if (given !== undefined && given !== 'zh' && given !== 'en')
      throw new UsageError(
        `expected --lang zh or en, found ${JSON.stringify(given)}`,
        `--lang 应为 zh 或 en，实际为 ${JSON.stringify(given)}`,
      );
    if (args.values.help === true) {
      io.stdout(command === undefined ? usage(lang) : commandUsage(command, lang));
      return 0;
    }
    if (args.values.version === true) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined)
      throw new UsageError(
        `expected the command ${COMMAND_NAMES.map((c) => `"${c}"`).join(', ')}, found ${name === undefined ? 'nothing' : JSON.stringify(name)}${name === undefined ? '' : didYouMean(name, COMMAND_NAMES)}`,
        `需要命令 ${COMMAND_NAMES.join('、')}，实际为 ${name === undefined ? '空' : JSON.stringify(name)}${name === undefined ? '' : didYouMean(name, COMMAND_NAMES).replace(': did you mean', '：是否要用').replace('?', '？')}`,
      );
    checkApplies(command, args);
    return await COMMANDS[command].run({ args: { values: args.values, positionals }, io, out });
  } catch (e) {
    const hint = `${WORDS.help(command)[lang]}\n`;
    if (e instanceof UsageError) {
      out.fail('usage', lang === 'zh' && e.zh !== undefined ? e.zh : e.message, undefined, hint);
      return 2;
    }
    if (e instanceof CliInputError) {
      out.fail('invalid_input', WORDS.invalidInput(e.what, e.issues.length)[lang], e.issues);
      return 1;
    }
    if (isWeatherVaneError(e) && e.code === 'invalid_input') {
      const issues = (e as { issues?: readonly { path: string; message: string }[] }).issues ?? [];
      out.fail('invalid_input', WORDS.invalidInput('store', issues.length)[lang], issues);
      return 1;
    }
    if (isWeatherVaneError(e) && e.code === 'invalid_argument') {
      out.fail('usage', e.message.replace('[jd-weather-vane] ', ''), undefined, hint);
      return 2;
    }
    throw e;
  }
}
