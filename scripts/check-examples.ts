/**
 * `npm run examples:check`: every `@example` in the TSDoc of `src/` compiles and runs as written.
 *
 * Each ```ts block under an `@example` tag (declarations tagged `@internal` excepted) becomes a
 * file in `.examples/` (git-ignored) whose prelude imports:
 *
 * - every export of `src/index.ts` (and of `src/node/index.ts` for an example in `src/node/`,
 *   of `src/sql/index.ts` for one in `src/sql/`, of `src/report/index.ts` for one in
 *   `src/report/`),
 *   as a user of the package sees them; an example's own `import … from 'jd-weather-vane'` or
 *   `'jd-weather-vane/node'` is kept and checked against that entry;
 * - for an example on a declaration the package does not export (an internal module), also
 *   every export of its own module;
 * - the named fixtures of `scripts/example-fixtures.ts` (`data`, `card`, `peers`, …).
 *
 * The example's statements go in a block, so an example may declare its own `data` or `card`.
 * All files are type-checked at once (`tsc` with a generated tsconfig), then each one that
 * compiles is run (tsx, under `TZ=America/Los_Angeles`, in a scratch folder holding the file
 * fixtures `store.json`, the sample store's JSON, and `stores/s1/`, the same as a store folder),
 * checking:
 *
 * - `//=> value` after a plain expression statement (or a `const` of one variable): the value
 *   printed is a JavaScript literal the result must equal deeply (`undefined` and a missing
 *   property are the same); `…` is a wildcard: inside a string any text, as an array element
 *   any further elements, as an object member any further properties. A note after two spaces
 *   in parentheses is ignored: `//=> null   (no reply yet)`. A value may go on over the next
 *   comment lines;
 * - `// throws X` (or `// rejects with X`) on or right after a statement: it must throw an
 *   error named X; a `//=>` right after compares with the error's `issues`.
 *
 * Every failure names the source file and line of the example. `--keep` leaves `.examples/`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { writeStoreDir } from '../src/node/writeStoreDir.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.examples');
const SRC = join(ROOT, 'src');
const FIXTURES = join(ROOT, 'scripts/example-fixtures.ts');
const ENTRIES = {
  'jd-weather-vane': join(SRC, 'index.ts'),
  'jd-weather-vane/node': join(SRC, 'node/index.ts'),
  'jd-weather-vane/sql': join(SRC, 'sql/index.ts'),
  'jd-weather-vane/report': join(SRC, 'report/index.ts'),
} as const;
type Entry = keyof typeof ENTRIES;

interface Example {
  /** `src/…/file.ts:line` of the block's first code line. */
  readonly where: string;
  readonly file: string;
  /** 1-based source line of the first code line. */
  readonly line: number;
  readonly code: string;
  /** The declaration is reachable from a package entry. */
  readonly isPublic: boolean;
  readonly entries: readonly Entry[];
}

interface ExportName {
  readonly name: string;
  readonly isValue: boolean;
}

const failures: string[] = [];
const fail = (where: string, message: string): void => {
  failures.push(`${where}: ${message}`);
};

// ---------------------------------------------------------------------------------------------
// The program, the entries' exports and the declarations they reach

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const files = sourceFiles(SRC).sort();
const parsedConfig = ts.getParsedCommandLineOfConfigFile(
  join(ROOT, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
const program = ts.createProgram([...files, FIXTURES], parsedConfig?.options ?? {});
const checker = program.getTypeChecker();

function exportsOf(file: string): { names: ExportName[]; reached: Set<ts.Node> } {
  const sf = program.getSourceFile(file);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
  const names: ExportName[] = [];
  const reached = new Set<ts.Node>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnlyExport = (symbol.declarations ?? []).some(
      (d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly),
    );
    names.push({
      name: symbol.name,
      isValue: !typeOnlyExport && (target.flags & ts.SymbolFlags.Value) !== 0,
    });
    for (const d of target.declarations ?? []) reached.add(topLevel(d));
  }
  return { names, reached };
}

function topLevel(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
  return n;
}

const entryExports = {
  'jd-weather-vane': exportsOf(ENTRIES['jd-weather-vane']),
  'jd-weather-vane/node': exportsOf(ENTRIES['jd-weather-vane/node']),
  'jd-weather-vane/sql': exportsOf(ENTRIES['jd-weather-vane/sql']),
  'jd-weather-vane/report': exportsOf(ENTRIES['jd-weather-vane/report']),
};
const fixtureNames = exportsOf(FIXTURES).names;

// ---------------------------------------------------------------------------------------------
// Extraction

function extract(file: string): Example[] {
  const sf = program.getSourceFile(file);
  if (!sf) return [];
  const text = sf.text;
  const rel = relative(ROOT, file);
  const entries: Entry[] = rel.startsWith('src/node/')
    ? ['jd-weather-vane', 'jd-weather-vane/node']
    : rel.startsWith('src/sql/')
      ? ['jd-weather-vane', 'jd-weather-vane/sql']
      : rel.startsWith('src/report/')
        ? ['jd-weather-vane', 'jd-weather-vane/report']
        : ['jd-weather-vane'];
  const out: Example[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const comment = m[0];
    if (!comment.includes('@example')) continue;
    const start = m.index;
    const statement = sf.statements.find((s) => s.getFullStart() <= start && start < s.end);
    if (comment.includes('@internal') || (statement && isInternal(statement))) continue;
    const isPublic =
      /@packageDocumentation|@module\b/.test(comment) ||
      (statement !== undefined && entries.some((e) => entryExports[e].reached.has(statement)));
    const lines = comment.split('\n');
    const firstLine = sf.getLineAndCharacterOfPosition(start).line + 1;
    let inExample = false;
    let block: string[] | undefined;
    let blockLine = 0;
    lines.forEach((raw, i) => {
      const line = raw.replace(/^\s*\/?\*\*?\/?\s?/, '').replace(/\s*\*\/$/, '');
      if (block) {
        if (/^```\s*$/.test(line)) {
          if (inExample) {
            out.push({
              where: `${rel}:${blockLine}`,
              file,
              line: blockLine,
              code: block.join('\n'),
              isPublic,
              entries,
            });
          }
          block = undefined;
        } else {
          block.push(line);
        }
        return;
      }
      if (/^@\w+/.test(line)) inExample = line.startsWith('@example');
      if (/^```(ts|typescript)\s*$/.test(line)) {
        block = [];
        blockLine = firstLine + i + 1;
      }
    });
  }
  return out;
}

function isInternal(statement: ts.Node): boolean {
  return ts
    .getJSDocCommentsAndTags(
      ts.isVariableStatement(statement)
        ? (statement.declarationList.declarations[0] ?? statement)
        : statement,
    )
    .some((c) => ts.isJSDoc(c) && (c.tags ?? []).some((t) => t.tagName.text === 'internal'));
}

// ---------------------------------------------------------------------------------------------
// Generation: one file to type-check and one to run per example

interface Generated {
  readonly example: Example;
  readonly name: string;
  /** Lines of the prelude: line `preludeLines + k` of the file is line `example.line + k - 1`. */
  readonly preludeLines: number;
  readonly check: string;
  readonly run: string | undefined;
}

const importPath = (from: string, to: string): string => {
  const p = relative(dirname(from), to).replace(/\.ts$/, '.js');
  return p.startsWith('.') ? p : `./${p}`;
};

function importLine(names: readonly ExportName[], from: string): string[] {
  const values = names.filter((n) => n.isValue).map((n) => n.name);
  const types = names.filter((n) => !n.isValue).map((n) => n.name);
  return [
    ...(values.length > 0 ? [`import { ${values.join(', ')} } from '${from}';`] : []),
    ...(types.length > 0 ? [`import type { ${types.join(', ')} } from '${from}';`] : []),
  ];
}

function generate(example: Example): Generated {
  const name = `${relative(SRC, example.file).replace(/\.ts$/, '').replace(/[/\\]/g, '_')}_${example.line}`;
  const genFile = join(OUT, `${name}.ts`);
  const sf = ts.createSourceFile('x.ts', example.code, ts.ScriptTarget.ES2022, true);

  // The example's own imports: kept (rewritten to the sources); the names they bind are left
  // out of the prelude.
  const own = new Set<string>();
  const ownImports: string[] = [];
  let body = example.code;
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    let spec = s.moduleSpecifier.text;
    const clause = s.importClause;
    const bindings = clause?.namedBindings;
    if (clause?.name) own.add(clause.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) own.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) own.add(el.name.text);
    }
    if (spec in ENTRIES) {
      const entry = spec as Entry;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          const imported = (el.propertyName ?? el.name).text;
          if (!entryExports[entry].names.some((n) => n.name === imported)) {
            fail(example.where, `'${imported}' is not exported by '${entry}'`);
          }
        }
      }
      spec = importPath(genFile, ENTRIES[entry]);
    } else if (spec.startsWith('.')) {
      spec = importPath(genFile, resolve(dirname(example.file), spec).replace(/\.js$/, '.ts'));
    }
    ownImports.push(
      s.getText(sf).replace(s.moduleSpecifier.getText(sf), `'${spec}'`).replace(/\n/g, ' '),
    );
    // Blank the import in the body, keeping its lines.
    body =
      body.slice(0, s.getStart(sf)) +
      body.slice(s.getStart(sf), s.end).replace(/[^\n]/g, ' ') +
      body.slice(s.end);
  }

  const taken = new Set(own);
  const preludeImports: string[] = [];
  const add = (names: readonly ExportName[], from: string): void => {
    const fresh = names.filter((n) => !taken.has(n.name));
    for (const n of fresh) taken.add(n.name);
    preludeImports.push(...importLine(fresh, importPath(genFile, from)));
  };
  if (!example.isPublic) add(exportsOf(example.file).names, example.file);
  for (const e of example.entries) add(entryExports[e].names, ENTRIES[e]);
  add(fixtureNames, FIXTURES);

  const prelude = [
    `// ${example.where} (generated by scripts/check-examples.ts)`,
    ...preludeImports,
    ...ownImports,
  ];
  const check = `${prelude.join('\n')}\n{\n${body}\n}\n`;
  const run = instrument(example, sf, body);
  return {
    example,
    name,
    preludeLines: prelude.length + 1,
    check,
    run: run === undefined ? undefined : `${prelude.join('\n')}\n{\n${run}\n}\n`,
  };
}

const EXPECT = /^\/\/=>(.*)$/;
const THROWS = /^\/\/\s*(?:throws|rejects with)\s+([A-Za-z_$][\w$]*)/;

/** The body with each checked statement wrapped in a call of the runner's checks. */
function instrument(example: Example, sf: ts.SourceFile, body: string): string | undefined {
  const code = example.code;
  const lines = code.split('\n');
  const statements = sf.statements.filter((s) => !ts.isImportDeclaration(s));
  const statementBefore = (pos: number): ts.Statement | undefined =>
    statements.filter((s) => s.end <= pos).at(-1);
  interface Check {
    statement: ts.Statement;
    throws?: string;
    expected?: string;
    line: number;
  }
  const checks = new Map<ts.Statement, Check>();
  // The `//` comments by line, as the parser sees them (a string may hold `//`).
  const comments = new Map<number, { pos: number; text: string }>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (r.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
      const line = sf.getLineAndCharacterOfPosition(r.pos).line;
      comments.set(line, { pos: r.pos, text: code.slice(r.pos, r.end) });
    }
  };
  const visit = (n: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(code, n.getFullStart()));
    collect(ts.getTrailingCommentRanges(code, n.end));
    for (const c of n.getChildren(sf)) visit(c);
  };
  visit(sf);
  let ok = true;
  for (let i = 0; i < lines.length; i++) {
    const found = comments.get(i);
    if (!found) continue;
    const { pos, text: comment } = found;
    const where = `${relative(ROOT, example.file)}:${example.line + i}`;
    const throwsMatch = THROWS.exec(comment);
    const expectMatch = EXPECT.exec(comment);
    if (!throwsMatch && !expectMatch) continue;
    if (statements.some((s) => s.getStart(sf) < pos && pos < s.end)) {
      fail(where, `'${comment}' is inside a statement: put it after the statement it shows`);
      ok = false;
      continue;
    }
    const statement = statementBefore(pos);
    if (!statement) {
      fail(where, `'${comment}' follows no statement`);
      ok = false;
      continue;
    }
    const previous = checks.get(statement);
    if (throwsMatch) {
      if (previous) {
        fail(where, 'two checks on one statement');
        ok = false;
        continue;
      }
      checks.set(statement, { statement, throws: throwsMatch[1] ?? '', line: example.line + i });
      continue;
    }
    // `//=>`: take the following comment lines while the value does not parse.
    let expected = (expectMatch?.[1] ?? '').trim();
    let j = i;
    while (parseExpected(expected) === undefined && j + 1 < lines.length) {
      const next = (lines[j + 1] ?? '').trim();
      if (!comments.has(j + 1) || !next.startsWith('//') || EXPECT.test(next) || THROWS.test(next))
        break;
      j++;
      expected += `\n${next.slice(2)}`;
    }
    i = j;
    const literal = parseExpected(expected);
    if (literal === undefined) {
      fail(where, `the value after //=> is not a JavaScript literal: ${expected}`);
      ok = false;
      continue;
    }
    expected = literal;
    if (previous && (previous.expected !== undefined || previous.throws === undefined)) {
      fail(where, 'two //=> lines for one statement');
      ok = false;
      continue;
    }
    if (previous) {
      previous.expected = expected;
      continue;
    }
    if (!shownValue(statement, sf)) {
      fail(where, '//=> must follow an expression statement or a const of one variable');
      ok = false;
      continue;
    }
    checks.set(statement, { statement, expected, line: example.line + i });
  }
  if (!ok) return undefined;
  // Replace from the last statement backwards so positions hold.
  let out = body;
  for (const c of [...checks.values()].sort((a, b) => b.statement.pos - a.statement.pos)) {
    const s = c.statement;
    const start = s.getStart(sf);
    const text = out.slice(start, s.end);
    const where = JSON.stringify(`${relative(ROOT, example.file)}:${c.line}`);
    const expected = JSON.stringify(c.expected ?? null);
    let replaced: string;
    if (c.throws !== undefined) {
      const expr = ts.isExpressionStatement(s) ? s.expression.getText(sf) : `(() => { ${text} })()`;
      replaced = `await __examples.throws(async () => (${expr}), ${JSON.stringify(c.throws)}, ${expected}, ${where});`;
    } else if (ts.isExpressionStatement(s)) {
      replaced = `await __examples.expect(async () => (${s.expression.getText(sf)}), ${expected}, ${where});`;
    } else {
      const name = shownValue(s, sf);
      replaced = `${text} await __examples.expect(async () => ${name}, ${expected}, ${where});`;
    }
    // Keep the line count: the replacement holds the expression's own line breaks.
    const newlines = text.split('\n').length - replaced.split('\n').length;
    out = out.slice(0, start) + replaced + '\n'.repeat(Math.max(0, newlines)) + out.slice(s.end);
  }
  return out;
}

/** The name whose value a `//=>` after this statement shows, or undefined. */
function shownValue(s: ts.Statement, sf: ts.SourceFile): string | undefined {
  if (ts.isExpressionStatement(s)) return s.expression.getText(sf);
  if (ts.isVariableStatement(s)) {
    const [d, ...rest] = s.declarationList.declarations;
    if (d && rest.length === 0 && ts.isIdentifier(d.name)) return d.name.text;
  }
  return undefined;
}

/** The value after `//=>`, as source text of a JavaScript literal, or undefined. */
function parseExpected(text: string): string | undefined {
  const candidates = [text, text.replace(/\s{2,}\([^()]*\)\s*$/, '')];
  for (const c of candidates) {
    const js = wildcards(c);
    try {
      new Function('__ANY__', `return (${js}\n);`);
      return js;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

/** `…` outside strings becomes the identifier `__ANY__`; inside strings it stays. */
function wildcards(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (ch === '…') {
      out += '__ANY__';
    } else {
      out += ch;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The runner: imported modules report through `globalThis.__examples`

const RUNNER = String.raw`
import { isDeepStrictEqual, inspect } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const ANY = Symbol('…');
const failures = [];
const show = (v) => inspect(v, { depth: 6, breakLength: Infinity });
function parse(text) {
  return new Function('__ANY__', 'return (' + text + '\n);')(ANY);
}
function matches(actual, expected) {
  if (expected === ANY) return true;
  if (typeof expected === 'string' && expected.includes('…') && typeof actual === 'string') {
    const re = expected.split('…').map((p) => p.replace(/[.*+?^$\{\}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
    return new RegExp('^' + re + '$').test(actual);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const any = expected.indexOf(ANY);
    if (any < 0) return actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
    const head = expected.slice(0, any);
    const tail = expected.slice(any + 1);
    if (actual.length < head.length + tail.length) return false;
    return head.every((e, i) => matches(actual[i], e)) &&
      tail.every((e, i) => matches(actual[actual.length - tail.length + i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const open = Object.hasOwn(expected, '__ANY__');
    const keys = new Set([...Object.keys(expected), ...(open ? [] : Object.keys(actual))]);
    keys.delete('__ANY__');
    for (const k of keys) if (!matches(actual[k], expected[k])) return false;
    return true;
  }
  return isDeepStrictEqual(actual, expected);
}
globalThis.__examples = {
  async expect(thunk, expectedText, where) {
    let actual;
    try { actual = await thunk(); } catch (e) {
      failures.push(where + ': threw ' + show(e) + ', expected ' + expectedText);
      return;
    }
    if (!matches(actual, parse(expectedText)))
      failures.push(where + ': //=> ' + expectedText.replaceAll('__ANY__', '…') + '\n    but the value is ' + show(actual));
  },
  async throws(thunk, name, expectedText, where) {
    try { await thunk(); } catch (e) {
      const names = [];
      for (let c = e?.constructor; c && c !== Object; c = Object.getPrototypeOf(c)) names.push(c.name);
      if (e?.name !== name && !names.includes(name)) {
        failures.push(where + ': expected to throw ' + name + ', threw ' + show(e));
      } else if (expectedText !== null) {
        const actual = e.issues ?? e.message;
        if (!matches(actual, parse(expectedText)))
          failures.push(where + ': //=> ' + expectedText + '\n    but the error shows ' + show(actual));
      }
      return;
    }
    failures.push(where + ': expected to throw ' + name + ', returned');
  },
};
const [, , list, cwd] = process.argv;
mkdirSync(cwd, { recursive: true });
process.chdir(cwd);
for (const line of (await import('node:fs')).readFileSync(list, 'utf8').split('\n')) {
  if (!line) continue;
  const [file, where] = line.split('\t');
  try { await import(file); } catch (e) { failures.push(where + ': the example threw ' + (e?.stack ?? show(e))); }
}
writeFileSync(join(cwd, '..', 'run-failures.json'), JSON.stringify(failures));
`;

// ---------------------------------------------------------------------------------------------
// Main

const keep = process.argv.includes('--keep');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const examples = files.flatMap(extract);
const generated = examples.map(generate);
for (const g of generated) {
  writeFileSync(join(OUT, `${g.name}.ts`), g.check);
  if (g.run !== undefined) writeFileSync(join(OUT, `${g.name}.run.ts`), g.run);
}
writeFileSync(
  join(OUT, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../tsconfig.json',
      compilerOptions: {
        noEmit: true,
        paths: {
          'jd-weather-vane': ['../src/index.ts'],
          'jd-weather-vane/node': ['../src/node/index.ts'],
          'jd-weather-vane/sql': ['../src/sql/index.ts'],
          'jd-weather-vane/report': ['../src/report/index.ts'],
        },
      },
      include: ['./*.ts'],
      exclude: ['./*.run.ts'],
    },
    null,
    2,
  ),
);

// Type-check.
const tsc = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(OUT, 'tsconfig.json'),
    '--pretty',
    'false',
  ],
  { encoding: 'utf8', cwd: ROOT, timeout: 600_000 },
);
const byName = new Map(generated.map((g) => [`${g.name}.ts`, g]));
const notCompiling = new Set<string>();
for (const line of tsc.stdout.split('\n')) {
  const m = /^(.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
  if (!m) {
    if (line.trim() && !line.startsWith(' ')) failures.push(`tsc: ${line}`);
    else if (line.trim() && failures.length > 0)
      failures[failures.length - 1] += `\n  ${line.trim()}`;
    continue;
  }
  const [, file = '', l = '0', , code, message] = m;
  const g = byName.get(file.replace(/^.*[/\\]/, ''));
  if (!g || !file.includes('.examples')) {
    failures.push(`tsc: ${line}`);
    continue;
  }
  notCompiling.add(g.name);
  const srcLine = g.example.line + Number(l) - g.preludeLines - 1;
  fail(`${relative(ROOT, g.example.file)}:${srcLine}`, `${code} ${message}`);
}

// Run those that compile, in a scratch folder holding the file fixtures.
const cwd = join(OUT, 'cwd');
mkdirSync(cwd, { recursive: true });
copyFileSync(join(ROOT, 'examples/sample-store.json'), join(cwd, 'store.json'));
await writeStoreDir(
  join(cwd, 'stores/s1'),
  JSON.parse(readFileSync(join(cwd, 'store.json'), 'utf8')),
);
const runnable = generated.filter((g) => g.run !== undefined && !notCompiling.has(g.name));
writeFileSync(join(OUT, 'runner.mjs'), RUNNER);
writeFileSync(
  join(OUT, 'run-list.txt'),
  runnable.map((g) => `${join(OUT, `${g.name}.run.ts`)}\t${g.example.where}`).join('\n'),
);
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(OUT, 'runner.mjs'), join(OUT, 'run-list.txt'), cwd],
  {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, TZ: 'America/Los_Angeles' },
    timeout: 600_000,
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
try {
  failures.push(...(JSON.parse(readFileSync(join(OUT, 'run-failures.json'), 'utf8')) as string[]));
} catch {
  failures.push(`the runner failed (exit ${run.status}):\n${run.stderr}`);
}

const checkedValues = generated.reduce(
  (n, g) => n + (g.run?.match(/__examples\.(expect|throws)/g)?.length ?? 0),
  0,
);
const internal = generated.filter((g) => !g.example.isPublic).length;
if (!keep && failures.length === 0) rmSync(OUT, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(failures.join('\n'));
  console.error(
    `\n${failures.length} failure(s) in the ${examples.length} @example blocks of src/ (see scripts/check-examples.ts)`,
  );
  process.exit(1);
}
console.log(
  `${examples.length} @example blocks of src/ (${internal} on internal declarations) type-check and run; ${checkedValues} //=> and throws lines hold`,
);
