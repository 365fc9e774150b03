/**
 * The CLI's options (private): one table of every option, the commands it applies to and its
 * help; the checks that give usage errors in our own words (an unknown option, a missing
 * value, an option of another command, a number that is not plain decimal).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../_suggest.js';
import type { Lang } from './_lang.js';

/** A usage error: the command line itself is wrong (exit code 2); `zh` is its Chinese wording. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly zh?: string,
  ) {
    super(message);
  }
}

/** The commands. */
export const COMMAND_NAMES = [
  'score',
  'history',
  'today',
  'forecast',
  'what-if',
  'target',
  'report',
] as const;
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
  /** The help in Chinese. */
  readonly zh: string;
}

const STORE_COMMANDS: readonly CommandName[] = COMMAND_NAMES;

/** Every option, in the order the help lists them. */
export const OPTION_SPECS = {
  'as-of': {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['score', 'what-if', 'target', 'report'],
    help: 'the evaluation day (Shanghai); nothing stamped at or after its 00:00 counts (report: today in Shanghai by default, with a note)',
    zh: '评估日（上海时间）；该日 00:00 及之后的记录都不计入（report：默认为上海的今天，并给出说明）',
  },
  at: {
    type: 'string',
    arg: 'INSTANT',
    commands: ['today', 'forecast'],
    help: 'the instant to look from (default: now), e.g. "2026-11-22 10:00" (Shanghai time) or 2026-11-22T02:00:00Z',
    zh: '从哪个时刻看（默认：现在），如 "2026-11-22 10:00"（上海时间）或 2026-11-22T02:00:00Z',
  },
  days: {
    type: 'string',
    arg: 'N',
    commands: ['today', 'forecast', 'history', 'report'],
    help: 'today, forecast: how many days to forecast (default 30); history: how many evaluation days (default 30); report: days of history (default 180)',
    zh: 'today、forecast：预测多少天（默认 30）；history：多少个评估日（默认 30）；report：历史天数（默认 180）',
  },
  from: {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['history'],
    help: 'the first evaluation day of the history',
    zh: '历史的第一个评估日',
  },
  to: {
    type: 'string',
    arg: 'YYYY-MM-DD',
    commands: ['history'],
    help: 'the last evaluation day of the history (default: today in Shanghai, with a note)',
    zh: '历史的最后一个评估日（默认：上海的今天，并给出说明）',
  },
  csv: {
    type: 'boolean',
    commands: ['history', 'forecast', 'score'],
    help: 'print the result as CSV for a spreadsheet: one row per day (history, forecast), per store (score --all)',
    zh: '以 CSV 输出，便于用表格软件打开：每天一行（history、forecast），每店一行（score --all）',
  },
  values: {
    type: 'string',
    arg: 'v.json',
    commands: ['score'],
    help: "the values JD's back-end shows ({ asOf, metrics: { <id>: value } }, docs/what-if.md) instead of a store's records",
    zh: '京东后台显示的指标值（{ asOf, metrics: { <指标>: 值 } }，见 docs/what-if.md），代替店铺记录',
  },
  set: {
    type: 'string',
    multiple: true,
    arg: 'id=value',
    commands: ['what-if'],
    help: "a metric's new value (a fraction for ratios: 0.92), once per metric, repeatable",
    zh: '某个指标的新值（比率用小数：0.92），每个指标一次，可重复',
  },
  open: {
    type: 'string',
    multiple: true,
    arg: 'service',
    commands: ['what-if'],
    help: 'open a 放心购 service, repeatable',
    zh: '开通一项放心购服务（id 或中文名，如 运费险），可重复',
  },
  close: {
    type: 'string',
    multiple: true,
    arg: 'service',
    commands: ['what-if'],
    help: 'close a 放心购 service, repeatable',
    zh: '关闭一项放心购服务，可重复',
  },
  total: {
    type: 'string',
    arg: 'N',
    commands: ['target'],
    help: 'the total to reach',
    zh: '要达到的总分',
  },
  composite: {
    type: 'string',
    arg: 'N',
    commands: ['target'],
    help: 'the composite to reach',
    zh: '要达到的综合分',
  },
  module: {
    type: 'string',
    arg: 'id',
    commands: ['target'],
    help: 'a module whose score to reach (with --score N)',
    zh: '要达到某个模块的分数（配合 --score N）',
  },
  score: {
    type: 'string',
    arg: 'N',
    commands: ['target'],
    help: "the module's score to reach",
    zh: '模块要达到的分数',
  },
  stars: {
    type: 'string',
    arg: 'N',
    commands: ['target'],
    help: 'the stars to reach (needs --peers with composites)',
    zh: '要达到的星级（需要带综合分的 --peers）',
  },
  peers: {
    type: 'string',
    arg: 'peers.json',
    commands: ['score', 'history', 'what-if', 'target', 'report'],
    help: 'category peers: { composites (their totals), modules, metrics } (docs/input.md); scores metrics against them and adds the standing',
    zh: '同类目店铺：{ composites, modules, metrics }（docs/input.md）；按同行给指标打分并给出排名',
  },
  output: {
    type: 'string',
    short: 'o',
    arg: 'file.html',
    commands: ['report'],
    help: 'where to write the report (- for standard output)',
    zh: '报告写到哪个文件（- 表示标准输出）',
  },
  all: {
    type: 'boolean',
    commands: ['score'],
    help: 'score every store of a folder (store folders or .json files) in parallel, one line per store; exit code 1 when some failed',
    zh: '为文件夹中的每家店铺评分（店铺文件夹或 .json 文件），并行计算，每店一行；有店铺失败时退出码为 1',
  },
  'peers-from-run': {
    type: 'boolean',
    commands: ['score'],
    help: 'with --all: peers are the other stores of the run, of the same category when the stores give theirs (level 2, else level 1)',
    zh: '与 --all 同用：以本次运行的其他店铺为同行（店铺给出类目时按二级类目，否则按一级类目）',
  },
  workers: {
    type: 'string',
    arg: 'N',
    commands: ['score'],
    help: "with --all: stores scored at once, one worker thread each (default: the machine's cores)",
    zh: '与 --all 同用：同时评分的店铺数，每店一个工作线程（默认：本机核数）',
  },
  averages: {
    type: 'string',
    arg: 'averages.json',
    commands: ['score', 'history', 'report'],
    help: "the industry averages (行业均值) JD's back-end shows, { <metric id>: value }: a metric below its minimum sample is scored at its average, and each metric says better or worse",
    zh: '京东后台显示的行业均值，{ <指标 id>: 值 }：样本不足的指标按行业均值计分，每个指标标出优于或劣于行业均值',
  },
  mapping: {
    type: 'string',
    arg: 'm.json',
    commands: STORE_COMMANDS,
    help: "CSV column mapping for a folder (default: the folder's mapping.json)",
    zh: '文件夹中 CSV 的列映射（默认：文件夹里的 mapping.json）',
  },
  encoding: {
    type: 'string',
    arg: 'name',
    commands: STORE_COMMANDS,
    help: "the text encoding of a folder's CSV files and of a .json store read whole (default utf-8), e.g. gb18030 for a CSV saved by Excel on Chinese Windows; JSON Lines files are UTF-8 always",
    zh: '文件夹中 CSV 文件以及整份读入的 .json 文件的文本编码（默认 utf-8），如 Excel 在中文 Windows 上保存的 CSV 用 gb18030；JSON Lines 文件一律为 UTF-8',
  },
  lenient: {
    type: 'boolean',
    commands: STORE_COMMANDS,
    help: 'set bad records aside (listed with their issues) and score the rest, instead of refusing the store',
    zh: '把有问题的记录放到一边（列出问题），其余照常评分，而不是整份拒绝',
  },
  'max-json-mb': {
    type: 'string',
    arg: 'N',
    commands: STORE_COMMANDS,
    help: 'the largest .json file or standard input read whole, in MB (default 512; a bigger store reads as a folder)',
    zh: '整份读入的 .json 文件或标准输入的上限（MB，默认 512；更大的店铺请用文件夹）',
  },
  json: {
    type: 'boolean',
    commands: STORE_COMMANDS,
    help: 'print the result as JSON (with --all: JSON Lines, one scorecard per line); warnings and errors go to stderr as JSON',
    zh: '以 JSON 输出（--all 时每店一行 JSON Lines）；警告和错误以 JSON 写到 stderr',
  },
  strict: {
    type: 'boolean',
    commands: ['score', 'history', 'forecast', 'what-if', 'target', 'report'],
    help: "treat warnings (an as-of day outside the data's span) as errors",
    zh: '把警告（评估日超出数据范围等）当作错误',
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    commands: STORE_COMMANDS,
    help: 'no progress on stderr (shown only when stderr is a terminal)',
    zh: '不在 stderr 显示进度（只有 stderr 是终端时才显示）',
  },
  version: { type: 'boolean', short: 'v', help: 'print the version', zh: '显示版本号' },
  lang: {
    type: 'string',
    arg: 'zh|en',
    help: "the language of the help and messages (default: the locale's, LANG=zh_CN… gives zh); report: zh (default) Chinese with the English beside it, en English only",
    zh: '帮助与提示的语言（默认按系统区域设置，LANG=zh_CN… 即为中文）；report：zh（默认）中文并附英文，en 仅英文',
  },
  help: {
    type: 'boolean',
    short: 'h',
    help: 'show this help (or one command’s: score --help)',
    zh: '显示帮助（或某个命令的帮助：score --help）',
  },
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
          `未知选项 --${name}${hint === '' ? '' : hint.replace(/: did you mean "([^"]+)"\?/, '：是否要用 --$1？')}`,
        );
      }
      if (spec.type === 'boolean' && a.includes('='))
        throw new UsageError(
          `expected --${name} without a value, found ${JSON.stringify(a)}`,
          `--${name} 不带值，实际为 ${JSON.stringify(a)}`,
        );
      if (spec.type === 'string' && !a.includes('=')) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--'))
          throw new UsageError(
            `expected a value after --${name}, found ${next ?? 'nothing'}`,
            `--${name} 后面需要一个值，实际为 ${next ?? '空'}`,
          );
        i++;
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (SHORT[c] === undefined)
          throw new UsageError(
            `unknown option -${c} (short options: ${Object.keys(SHORT)
              .map((s) => `-${s}`)
              .join(', ')})`,
            `未知选项 -${c}（短选项：${Object.keys(SHORT)
              .map((s) => `-${s}`)
              .join('、')}）`,
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
    throw new UsageError(
      `--${name} does not apply to "${command}" (it is an option of ${where})`,
      `--${name} 不适用于 "${command}"（它是 ${where} 的选项）`,
    );
  }
}

/** The help lines of the given options, in the language given. */
export function optionHelp(names: readonly OptionName[], lang: Lang = 'en'): string {
  const rows = names.map((name) => {
    const s = SPECS[name] as OptionSpec;
    const flag = `${s.short === undefined ? '' : `-${s.short}, `}--${name}${s.arg === undefined ? '' : ` ${s.arg}`}`;
    return [flag, lang === 'zh' ? s.zh : s.help] as const;
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
      `${what} 应为普通十进制数，实际为 ${JSON.stringify(text)}`,
    );
  return Number(t);
}

/** A whole number within `[min, max]`, plain decimal digits only. */
export function wholeNumber(text: string, what: string, min: number, max: number): number {
  const n = WHOLE.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(
      `expected ${what} as a whole number ${min}–${max}, found ${JSON.stringify(text)}`,
      `${what} 应为 ${min}–${max} 之间的整数，实际为 ${JSON.stringify(text)}`,
    );
  return n;
}
