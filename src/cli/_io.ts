/**
 * What every command shares (private): where the CLI reads and writes, its output with
 * control characters escaped, progress, and reading a store or a JSON file with its checks.
 *
 * @module
 */
import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import { escapeForTerminal, escapeJsonForTerminal } from '../_escape.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import type { StoreData } from '../model.js';
import type { RejectedFileRecord } from '../node/_builder.js';
import { undecodableIssue } from '../node/_files.js';
import type { CsvMapping } from '../node/csvMapping.js';
import { readStoreDir } from '../node/readStoreDir.js';
import { parseStoreData, parseStoreDataLenient, type RejectedRecord } from '../schemas/parse.js';
import { dataSpan } from '../scorecard/dataSummary.js';
import { parseDayKey } from '../time/shanghai.js';
import { type Lang, type LangEnv, WORDS } from './_lang.js';
import { UsageError } from './_options.js';

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
  /** The environment the language is read from (`LANG`…); default none: English. */
  readonly env?: LangEnv;
}

/** The most issues printed as text; `--json` gives them all. */
export const MAX_ISSUES_SHOWN = 20;

/** A warning: the command goes on, and with `--strict` it fails instead. */
export interface Warning {
  readonly code: string;
  readonly message: string;
  /** The message in Chinese (`--lang zh`). */
  readonly zh?: string;
  /** Under `--lenient`, every record set aside with its issues (in the JSON warning only). */
  readonly rejected?: readonly (RejectedRecord | RejectedFileRecord)[];
}

/** The CLI's output: text escaped for a terminal, JSON exact (and escaped where it may act). */
export class Output {
  private progressLine: Progress | undefined;
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
    readonly lang: Lang = 'en',
  ) {}
  /** Progress for the command: only on a terminal, never with `--quiet`; cleared before any output. */
  progress(quiet: boolean | undefined): Progress | undefined {
    this.progressLine =
      this.io.stderrIsTTY === true && quiet !== true ? new Progress(this.io) : undefined;
    return this.progressLine;
  }
  /** The result, as text. */
  text(s: string): void {
    this.progressLine?.done();
    this.io.stdout(escapeForTerminal(s));
  }
  /** The result, as JSON. */
  value(v: unknown): void {
    this.progressLine?.done();
    this.io.stdout(`${escapeJsonForTerminal(JSON.stringify(v, null, 2))}\n`);
  }
  /** The result: `v` as JSON under `--json`, else `text()`. */
  result(v: unknown, text: () => string): void {
    if (this.json) this.value(v);
    else this.text(`${text()}\n`);
  }
  /** A note: what the command chose for the user (a default day), never an error. */
  note(message: string): void {
    this.progressLine?.done();
    this.io.stderr(
      this.json
        ? `${escapeJsonForTerminal(JSON.stringify({ note: message }))}\n`
        : escapeForTerminal(`jd-weather-vane: ${WORDS.note[this.lang]}: ${message}\n`),
    );
  }
  warn(w: Warning): void {
    this.progressLine?.done();
    this.io.stderr(
      this.json
        ? `${escapeJsonForTerminal(JSON.stringify({ warning: w }))}\n`
        : escapeForTerminal(
            `jd-weather-vane: ${WORDS.warning[this.lang]}: ${this.lang === 'zh' && w.zh !== undefined ? w.zh : w.message}\n`,
          ),
    );
  }
  /** An error: its message and issues (the first {@link MAX_ISSUES_SHOWN} as text). */
  fail(code: string, message: string, issues?: readonly InputIssue[], hint?: string): void {
    this.progressLine?.done();
    if (this.json) {
      this.io.stderr(
        `${escapeJsonForTerminal(JSON.stringify({ error: { code, message, ...(issues ? { issues } : {}) } }))}\n`,
      );
      return;
    }
    this.io.stderr(
      escapeForTerminal(
        `jd-weather-vane: ${message}\n${issues ? issueLines(issues, this.lang) : ''}${hint ?? ''}`,
      ),
    );
  }
}

function issueLines(issues: readonly InputIssue[], lang: Lang): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  let s = '';
  for (const i of shown) s += `  ${i.path || '(root)'}: ${i.message}\n`;
  if (issues.length > shown.length) s += `  ${WORDS.more(issues.length - shown.length)[lang]}\n`;
  return s;
}

/** Progress on stderr, one line rewritten in place (`\r`). */
export class Progress {
  private readonly now: () => number;
  private readonly start: number;
  private shown = false;
  constructor(private readonly io: CliIo) {
    this.now = io.now ?? Date.now;
    this.start = this.now();
  }
  private line(s: string): void {
    this.io.stderr(`\r\x1b[K${escapeForTerminal(s)}`);
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
  /** Clears the line (before any warning or result). */
  done(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}

/** How input files are read. */
export interface ReadOptions {
  /** The largest JSON file or standard input read whole, in bytes. */
  readonly maxJsonBytes: number;
  /** The text encoding (`TextDecoder` label); default UTF-8. */
  readonly encoding?: string;
  /** The CSV column mapping of a folder. */
  readonly mapping?: CsvMapping;
  /** Set bad records aside instead of refusing the store. */
  readonly lenient?: boolean;
}

/** The default of `--max-json-mb`. */
export const DEFAULT_MAX_JSON_MB = 512;

/** `--max-json-mb`, `--encoding` as read options (the mapping is read by the caller). */
export function readOptions(values: {
  readonly 'max-json-mb'?: string;
  readonly encoding?: string;
  readonly lenient?: boolean;
}): ReadOptions {
  let mb = DEFAULT_MAX_JSON_MB;
  if (values['max-json-mb'] !== undefined) {
    const t = values['max-json-mb'].trim();
    mb = /^\d+$/.test(t) ? Number(t) : Number.NaN;
    if (!(mb >= 1 && mb <= 4096))
      throw new UsageError(
        `expected --max-json-mb as a whole number of MB 1–4096, found ${JSON.stringify(values['max-json-mb'])}`,
        `--max-json-mb 应为 1–4096 之间的整数（MB），实际为 ${JSON.stringify(values['max-json-mb'])}`,
      );
  }
  const encoding = values.encoding;
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      throw new UsageError(
        `expected --encoding as a text encoding (utf-8, gb18030, gbk, utf-16le…), found ${JSON.stringify(encoding)}`,
        `--encoding 应为文本编码（utf-8、gb18030、gbk、utf-16le……），实际为 ${JSON.stringify(encoding)}`,
      );
    }
  }
  return {
    maxJsonBytes: mb * 1024 * 1024,
    ...(encoding === undefined ? {} : { encoding }),
    ...(values.lenient === true ? { lenient: true } : {}),
  };
}

function kindOf(s: Stats): string {
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooBig(what: string, name: string, max: number): UsageError {
  return new UsageError(
    `expected the ${what} in ${name} to be at most ${max / 1024 / 1024} MB (--max-json-mb), found more: a store this large reads as a folder of JSON Lines (docs/files.md)`,
    `${name} 超过 ${max / 1024 / 1024} MB（--max-json-mb）：这么大的店铺请存为 JSON Lines 文件夹读取（docs/files.md）`,
  );
}

async function readLimited(
  chunks: AsyncIterable<string | Uint8Array>,
  what: string,
  name: string,
  max: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > max) throw tooBig(what, name, max);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/**
 * Text from bytes: UTF-8 (a byte order mark dropped), or the given encoding. Bytes that are
 * not valid in it are one issue naming the file and, where recognisable, its encoding.
 */
export function decodeText(
  bytes: Uint8Array,
  name: string,
  what: string,
  encoding?: string,
): string {
  try {
    const text = new TextDecoder(encoding ?? 'utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InvalidInputError([undecodableIssue(name, bytes, encoding)], what);
  }
}

/**
 * A JSON file (or `-`, standard input) read whole, within the size limit: a regular file
 * or a pipe only, never a device (`/dev/zero`), a socket or a folder.
 */
export async function readJsonInput(
  path: string,
  what: string,
  options: ReadOptions,
  stdin?: AsyncIterable<string | Uint8Array>,
): Promise<unknown> {
  const max = options.maxJsonBytes;
  let bytes: Uint8Array;
  if (path === '-') {
    const input = stdin ?? (process.stdin as AsyncIterable<Uint8Array>);
    bytes = await readLimited(input, what, 'standard input', max);
    return parseJsonText(
      decodeText(bytes, 'standard input', what, options.encoding),
      'standard input',
      what,
    );
  }
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    throw new UsageError(
      `cannot read the ${what} file ${JSON.stringify(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      `无法读取文件 ${JSON.stringify(path)}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  if (stats.isDirectory())
    throw new UsageError(
      `expected the ${what} as a .json file, found a folder ${JSON.stringify(path)}`,
      `这里需要 .json 文件，${JSON.stringify(path)} 是文件夹`,
    );
  if (stats.isFile()) {
    if (stats.size > max) throw tooBig(what, JSON.stringify(path), max);
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new UsageError(
        `cannot read the ${what} file ${JSON.stringify(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        `无法读取文件 ${JSON.stringify(path)}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  } else if (stats.isFIFO()) {
    bytes = await readLimited(createReadStream(path), what, JSON.stringify(path), max);
  } else {
    throw new UsageError(
      `expected the ${what} as a regular file or a pipe, found ${kindOf(stats)} ${JSON.stringify(path)}`,
      `这里需要普通文件或管道，${JSON.stringify(path)} 不是`,
    );
  }
  return parseJsonText(decodeText(bytes, path, what, options.encoding), path, what);
}

/** JSON text parsed, a syntax error as an input issue. */
export function parseJsonText(text: string, path: string, what: string): unknown {
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

/** Whether a path names a folder (a missing path is not one: reading it words the error). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A store read, under `--lenient` the records set aside, and what the folder reader warned of. */
export interface ReadStore {
  readonly data: StoreData;
  readonly rejected: readonly (RejectedRecord | RejectedFileRecord)[];
  /** The folder's files not read, collections without a file, files without records. */
  readonly warnings?: readonly Warning[];
}

/** The store from a folder (streamed), a .json file, or standard input (`-`). */
export async function readStore(
  path: string,
  io: CliIo,
  progress: Progress | undefined,
  options: ReadOptions,
): Promise<ReadStore> {
  if (path !== '-' && isFolder(path)) {
    const warnings: Warning[] = [];
    const read = await readStoreDir(path, {
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      lenient: options.lenient === true,
      onWarning: (w) => warnings.push({ code: w.kind, message: `${w.path}: ${w.message}` }),
      ...(progress === undefined
        ? {}
        : { onProgress: (p) => progress.records(p.file, p.records, p.bytesRead, p.totalBytes) }),
    });
    return 'rejected' in read
      ? { data: read.data, rejected: read.rejected, warnings }
      : { data: read, rejected: [], warnings };
  }
  if (options.mapping !== undefined)
    throw new UsageError(
      '--mapping applies to a store folder (CSV files), not to a .json store',
      '--mapping 只用于店铺文件夹（CSV 文件），不用于 .json 文件',
    );
  progress?.phase(path === '-' ? 'reading standard input' : `reading ${path}`);
  const input = await readJsonInput(path, 'store', options, io.stdin);
  progress?.phase('parsing');
  return parseStoreJson(input, options.lenient);
}

/** A store's JSON parsed (leniently: bad records set aside). */
export function parseStoreJson(input: unknown, lenient: boolean | undefined): ReadStore {
  if (lenient === true) return parseStoreDataLenient(input);
  return { data: parseStoreData(input), rejected: [] };
}

/** Warnings about the evaluation day against the days the data covers. */
export function asOfWarnings(data: StoreData, asOf: string): Warning[] {
  const span = dataSpan(data);
  const code = 'as-of-outside-data';
  if (span === null)
    return [
      {
        code,
        message: 'the store data has no records: every metric is no-data',
        zh: '店铺数据没有任何记录：所有指标都无数据',
      },
    ];
  const day = parseDayKey(asOf, 'asOf');
  const first = parseDayKey(span.from);
  const last = parseDayKey(span.to);
  if (day <= first)
    return [
      {
        code,
        message: `the as-of day ${asOf} is not after the data's first day ${span.from}: nothing in the data has happened by its 00:00, so every metric is no-data`,
        zh: `评估日 ${asOf} 不晚于数据的第一天 ${span.from}：该日 00:00 前数据中什么都还没发生，所有指标都无数据`,
      },
    ];
  if (day - 1 > last)
    return [
      {
        code,
        message: `the as-of day ${asOf} is ${day - last} days after the data's last day ${span.to}: the windows read days the data does not cover, so metrics are no-data or rest on part of their window`,
        zh: `评估日 ${asOf} 比数据的最后一天 ${span.to} 晚 ${day - last} 天：考核窗口读到了数据没有覆盖的日子，指标会无数据或只基于部分窗口`,
      },
    ];
  return [];
}

/** What reading a store warned of: the folder's warnings, then the records set aside. */
export function storeWarnings(read: ReadStore): Warning[] {
  return [...(read.warnings ?? []), ...setAsideWarning(read.rejected)];
}

/** The records set aside under `--lenient`, as a warning. */
export function setAsideWarning(
  rejected: readonly (RejectedRecord | RejectedFileRecord)[],
): Warning[] {
  if (rejected.length === 0) return [];
  return [
    {
      code: 'records-set-aside',
      rejected,
      message: `${rejected.length} record(s) set aside under --lenient (the rest is scored): ${rejected
        .slice(0, MAX_ISSUES_SHOWN)
        .map((r) => `${r.issues[0]?.path ?? r.collection}: ${r.issues[0]?.message ?? ''}`)
        .join(
          '; ',
        )}${rejected.length > MAX_ISSUES_SHOWN ? `; … and ${rejected.length - MAX_ISSUES_SHOWN} more (every one with --json)` : ''}`,
    },
  ];
}

/**
 * Warnings given, or under `--strict` an error: returns false when the command must stop
 * (exit code 1), the progress line cleared first.
 */
export function giveWarnings(
  out: Output,
  warnings: readonly Warning[],
  strict: boolean | undefined,
): boolean {
  if (strict === true && warnings.length > 0) {
    out.fail(
      'warning_as_error',
      WORDS.strict(warnings.length)[out.lang],
      warnings.map((w) => ({
        path: w.code === 'as-of-outside-data' ? '--as-of' : w.code,
        message: out.lang === 'zh' && w.zh !== undefined ? w.zh : w.message,
      })),
    );
    return false;
  }
  for (const w of warnings) out.warn(w);
  return true;
}
