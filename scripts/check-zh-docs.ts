/**
 * Keeps the Chinese pages (`README.zh-CN.md`, `docs/zh-CN/*.md`) in step with the code: every
 * command, option, field, metric id and export they name must exist. Run by `npm run docs:check`
 * and by `test/docs/zh-docs.test.ts`.
 *
 *   tsx scripts/check-zh-docs.ts [page.md…]
 *
 * The names are read from the live tables, never from a copy, so a command or an option added
 * to the CLI is known here the day it lands:
 *
 * - commands and options: `COMMAND_NAMES` and `OPTION_SPECS` (src/cli/_options.ts), with the
 *   commands each option applies to;
 * - fields and values: every property and string-literal value reachable from the exported
 *   types of both entries (`StoreDataInput`, `Scorecard`, …, read with the TypeScript compiler),
 *   `CSV_FIELDS` (the CSV files' columns, `chatMessages` included), the metric ids of
 *   `metricCatalogue` and `MODULE_IDS`;
 * - exports: the names `src/index.ts` and `src/node/index.ts` export (types included);
 * - environment variables: those the source reads (`env.LANG`, `process.env.NO_COLOR`).
 *
 * What a page is checked for: `jd-weather-vane <command>` anywhere; every `--option` on a line
 * that runs `jd-weather-vane` (and that the option applies to the line's command) and in inline
 * code; every name inline code holds alone (`parseStoreData`, `deliveredAt`,
 * `consultation.response-rate-30s`, `'pre-sales'`, `orders[12].paidAt`); every name a TypeScript
 * block imports from `jd-weather-vane` or `jd-weather-vane/node`. Prose, numbers, file names and
 * Chinese text are not names and are left alone.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { COMMAND_NAMES, OPTION_SPECS } from '../src/cli/_options.js';
import { MODULE_IDS, metricCatalogue } from '../src/index.js';
import { CSV_FIELDS } from '../src/node/csvMapping.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The names a page may use, read from the code. */
export interface KnownNames {
  readonly commands: ReadonlySet<string>;
  /** Option name → the commands it applies to (`undefined`: every command). */
  readonly options: ReadonlyMap<string, readonly string[] | undefined>;
  /** What each entry exports, by module specifier (`jd-weather-vane`, `jd-weather-vane/node`). */
  readonly exports: ReadonlyMap<string, ReadonlySet<string>>;
  /** Exports, fields, property names, metric and module ids, string-literal values. */
  readonly names: ReadonlySet<string>;
}

/**
 * Words that inline code may hold without naming anything of the library: JavaScript's own
 * values and the globals the pages speak of.
 */
const LANGUAGE_WORDS = new Set([
  'null',
  'undefined',
  'true',
  'false',
  'Date',
  'NaN',
  'Infinity',
  // A CSV cell's booleans (docs/files.md).
  'TRUE',
  'FALSE',
]);
/** A file name (`store.json`, `orders.csv`) is not a path of fields. */
const FILE_NAME = /\.(?:json|jsonl|ndjson|csv|tsv|xls|xlsx|bak|md|ts|mts|js|mjs|cjs|html|txt)$/i;

const ENTRIES = {
  'jd-weather-vane': 'src/index.ts',
  'jd-weather-vane/node': 'src/node/index.ts',
} as const;

/** Reads every name from the code (the TypeScript program takes a few seconds). */
export function loadKnownNames(): KnownNames {
  const names = new Set<string>();
  const exports = new Map<string, Set<string>>();
  const program = ts.createProgram(
    Object.values(ENTRIES).map((f) => join(root, f)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
  );
  const checker = program.getTypeChecker();
  const seen = new Set<ts.Type>();
  // Properties and literal values reachable from a type, a few levels deep (a scorecard's
  // metrics' windows); zod's and decimal.js's own members are not the library's names.
  const walk = (type: ts.Type, depth: number): void => {
    if (depth > 5 || seen.has(type)) return;
    seen.add(type);
    if (type.isStringLiteral()) {
      names.add(type.value);
      return;
    }
    if (type.isUnionOrIntersection()) {
      for (const t of type.types) walk(t, depth);
      return;
    }
    const decl = type.getSymbol()?.declarations?.[0];
    if (decl !== undefined && !decl.getSourceFile().fileName.startsWith(join(root, 'src'))) return;
    for (const prop of type.getProperties()) {
      names.add(prop.getName());
      const propDecl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (propDecl !== undefined)
        walk(checker.getTypeOfSymbolAtLocation(prop, propDecl), depth + 1);
    }
    const index = type.getStringIndexType();
    if (index !== undefined) walk(index, depth + 1);
    if (checker.isArrayType(type) || checker.isTupleType(type))
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) walk(t, depth);
  };
  for (const [specifier, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(root, file));
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`expected ${file} to be a module`);
    const own = new Set<string>();
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      own.add(symbol.getName());
      names.add(symbol.getName());
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (
        target.flags &
        (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class)
      )
        walk(checker.getDeclaredTypeOfSymbol(target), 0);
      if (target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
        const t = checker.getTypeOfSymbol(target);
        for (const sig of t.getCallSignatures()) {
          for (const p of sig.getParameters()) walk(checker.getTypeOfSymbol(p), 0);
          walk(sig.getReturnType(), 0);
        }
      }
    }
    exports.set(specifier, own);
  }
  for (const [collection, fields] of Object.entries(CSV_FIELDS)) {
    names.add(collection);
    for (const f of fields) names.add(f);
  }
  for (const file of sourceFiles(join(root, 'src')))
    for (const m of readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g))
      names.add(m[1] as string);
  for (const m of metricCatalogue) names.add(m.id);
  for (const id of MODULE_IDS) names.add(id);
  const options = new Map<string, readonly string[] | undefined>();
  for (const [name, spec] of Object.entries(OPTION_SPECS))
    options.set(name, 'commands' in spec ? (spec.commands as readonly string[]) : undefined);
  return { commands: new Set(COMMAND_NAMES), options, exports, names };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** `orders[12].paidAt`, `card.metrics`: a path of identifiers with indices. */
const PATH = /^[A-Za-z_$][\w$]*(?:\[\d+\])?(?:\.[A-Za-z_$][\w$]*(?:\[\d+\])?)+$/;
const QUOTED = /^'([a-z0-9]+(?:-[a-z0-9]+)+)'$/;
const OPTION = /(?<![\w-])--([a-z][a-z0-9-]*)/g;

/** The problems of one page, each `file:line: what`. */
export function checkChinesePage(file: string, text: string, known: KnownNames): string[] {
  const problems: string[] = [];
  const moduleIds = new Set<string>(MODULE_IDS);
  const isMetricLike = (s: string): boolean => {
    const dot = s.indexOf('.');
    return dot > 0 && moduleIds.has(s.slice(0, dot)) && /^[a-z0-9.-]+$/.test(s);
  };
  const lines = text.split('\n');
  let fence: string | null = null;
  let block: string[] = [];
  let blockStart = 0;
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    const fenceMatch = /^\s*```(\w*)/.exec(line);
    if (fenceMatch) {
      if (fence === null) {
        fence = fenceMatch[1] ?? '';
        block = [];
        blockStart = i + 2;
      } else {
        if (fence === 'ts' || fence === 'typescript') checkImports(blockStart, block.join('\n'));
        fence = null;
      }
      return;
    }
    if (fence !== null) block.push(line);
    // Commands and their options, in code and prose alike.
    // The CLI as it is run: at the start of a line or of inline code, after `npx` or a prompt
    // (not `npm install jd-weather-vane zod` nor `cd jd-weather-vane`).
    const run = /(?:^\s*|[`$|]\s*|npx\s+)jd-weather-vane\s+([^\s`'"|;]+)/.exec(line);
    const command = run?.[1];
    if (command !== undefined && !command.startsWith('-') && !command.startsWith('<')) {
      if (!known.commands.has(command)) problems.push(`${at}: no command "${command}"`);
    }
    const runsCli = run !== null;
    const spans = fence === null ? [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string) : [];
    const optionText = runsCli ? [line] : spans;
    for (const t of optionText) {
      for (const m of t.matchAll(OPTION)) {
        const name = m[1] as string;
        if (!known.options.has(name)) {
          problems.push(`${at}: no option --${name}`);
          continue;
        }
        const applies = known.options.get(name);
        if (
          runsCli &&
          command !== undefined &&
          known.commands.has(command) &&
          applies !== undefined
        )
          if (!applies.includes(command))
            problems.push(`${at}: --${name} is not an option of "${command}"`);
      }
    }
    for (const span of spans) {
      const s = span.trim();
      if (s.startsWith('--') || s.includes('jd-weather-vane')) continue;
      const quoted = QUOTED.exec(s);
      if (quoted) {
        if (!known.names.has(quoted[1] as string)) problems.push(`${at}: no value ${s}`);
      } else if (isMetricLike(s)) {
        if (!known.names.has(s)) problems.push(`${at}: no metric ${s}`);
      } else if (IDENTIFIER.test(s)) {
        // One letter is a unit or a symbol (`Z`, the UTC offset), not a name.
        if (s.length > 1 && !known.names.has(s) && !known.commands.has(s) && !LANGUAGE_WORDS.has(s))
          problems.push(`${at}: no name ${s}`);
      } else if (PATH.test(s) && !FILE_NAME.test(s)) {
        // The head of a path may be a variable of the page's example (`card.metrics`).
        for (const part of s.split('.').slice(1)) {
          const name = part.replace(/\[\d+\]$/, '');
          if (!known.names.has(name)) problems.push(`${at}: no field ${name} (in ${s})`);
        }
      }
    }
  });
  function checkImports(firstLine: number, code: string): void {
    for (const m of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      const own = known.exports.get(m[2] as string);
      if (own === undefined) continue;
      const at = `${file}:${firstLine + (code.slice(0, m.index).match(/\n/g)?.length ?? 0)}`;
      for (const part of (m[1] as string).split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name !== undefined && name !== '' && !own.has(name))
          problems.push(`${at}: ${m[2]} exports no ${name}`);
      }
    }
  }
  return problems;
}

/** The Chinese pages: `README.zh-CN.md` and every page of `docs/zh-CN/`. */
export function chinesePages(): string[] {
  const dir = join(root, 'docs/zh-CN');
  const pages = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => join(dir, f))
    : [];
  return [join(root, 'README.zh-CN.md'), ...pages];
}

function main(args: readonly string[]): void {
  const known = loadKnownNames();
  const pages = args.length > 0 ? args.map((a) => resolve(a)) : chinesePages();
  const problems = pages.flatMap((p) =>
    checkChinesePage(relative(process.cwd(), p), readFileSync(p, 'utf8'), known),
  );
  if (problems.length > 0) {
    console.error(`${problems.length} name(s) in the Chinese pages that the code does not have:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(
    `Chinese pages name only what exists: ${pages.map((p) => relative(root, p)).join(', ')}`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
