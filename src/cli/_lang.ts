/**
 * The CLI's language (private): `--lang zh|en`, else the locale of the environment
 * (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`), else English. The help, the CLI's own
 * messages and its framing words follow it; the issues found in the data keep the library's
 * English wording, with the same paths.
 *
 * @module
 */

/** A language of the CLI. */
export type Lang = 'zh' | 'en';

/** The environment variables the language is read from. */
export type LangEnv = Readonly<Record<string, string | undefined>>;

/**
 * The language: `--lang` when given on the command line (checked by the option parser
 * later), else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set.
 */
export function langOf(argv: readonly string[], env: LangEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A text in both languages. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** The CLI's framing words. */
export const WORDS = {
  warning: { en: 'warning', zh: '警告' },
  note: { en: 'note', zh: '说明' },
  invalidInput: (what: string, n: number): Text => ({
    en: `invalid ${what} input, ${n} issue(s):`,
    zh: `${WHAT_ZH[what] ?? what}有 ${n} 处问题：`,
  }),
  more: (n: number): Text => ({
    en: `… and ${n} more (every issue with --json)`,
    zh: `……另有 ${n} 处（--json 列出全部）`,
  }),
  strict: (n: number): Text => ({
    en: `${n} warning(s), errors under --strict:`,
    zh: `${n} 条警告，在 --strict 下视为错误：`,
  }),
  help: (command: string | undefined): Text => ({
    en: `run 'jd-weather-vane ${command === undefined ? '' : `${command} `}--help' for usage`,
    zh: `用法见 'jd-weather-vane ${command === undefined ? '' : `${command} `}--help --lang zh'`,
  }),
} as const;

/** The inputs named in messages, in Chinese. */
const WHAT_ZH: Readonly<Record<string, string>> = {
  store: '店铺数据',
  peers: '同类目店铺数据（peers）',
  values: '指标值文件',
  mapping: 'CSV 列映射',
  change: '改动',
  target: '目标',
  averages: '行业均值',
  scorecard: '评分卡',
};
