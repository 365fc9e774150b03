/**
 * `score <folder> --all`: every store of a folder (store folders, or `.json` files), scored in
 * parallel on worker threads, one line per store. Memory holds the stores in flight (one per
 * worker) and each store's summary line, never every store's records.
 *
 * @module
 */

import { lstatSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { escapeForTerminal, escapeJsonForTerminal } from '../../_escape.js';
import { MODULE_IDS, type ModuleId } from '../../ids.js';
import { startThread } from '../../node/_thread.js';
import type { PeerData } from '../../scorecard/peers.js';
import type { CommandContext } from '../_command.js';
import { readPeers, requireAsOf, storeReadOptions } from '../_inputs.js';
import type { Output, ReadOptions } from '../_io.js';
import { UsageError, wholeNumber } from '../_options.js';
import {
  type StoreJob,
  type StoreOutcome,
  type StoreScored,
  scoreOneStore,
} from '../_scoreAllStore.js';

let workerScript: URL | undefined;

/**
 * The script a worker thread runs (the CLI's own entry, which turns into a worker's loop when
 * started as one). Without it, `--all` scores in the calling thread.
 */
export function setScoreAllWorkerScript(url: URL | undefined): void {
  workerScript = url;
}

/** The stores of a folder: its sub-folders and `.json` files, by name; hidden ones skipped. */
export function storesOfFolder(folder: string): string[] {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(folder);
  } catch {
    throw new UsageError(
      `expected a folder of stores after "score" with --all, found no such folder: ${folder}`,
    );
  }
  if (!stat.isDirectory())
    throw new UsageError(
      `expected a folder of stores (store folders or .json files) with --all, found a file: ${folder}`,
    );
  const names = readdirSync(folder).sort();
  if (names.includes('store.json'))
    throw new UsageError(
      `expected a folder of stores with --all, found one store's folder (it holds store.json): score it without --all`,
    );
  const stores: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    // Symbolic links are not followed: only what the folder itself holds is read.
    const s = lstatSync(path);
    if (s.isDirectory() || (s.isFile() && name.toLowerCase().endsWith('.json'))) stores.push(path);
  }
  if (stores.length === 0)
    throw new UsageError(`expected store folders or .json files in ${folder}, found none`);
  return stores;
}

/** Runs jobs on `n` workers (or in this thread), at most `n` stores in flight. */
async function runJobs(
  jobs: readonly StoreJob[],
  n: number,
  onOutcome: (o: StoreOutcome) => void,
): Promise<void> {
  if (workerScript === undefined || n <= 1) {
    for (const job of jobs) onOutcome(await scoreOneStore(job));
    return;
  }
  const script = workerScript;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, () => {
      const worker = startThread(script, { jwvScoreAllWorker: true });
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          const job = jobs[next++];
          if (job === undefined) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(job);
        };
        worker.on('message', (o: StoreOutcome) => {
          onOutcome(o);
          feed();
        });
        worker.on('error', reject);
        feed();
      });
    }),
  );
}

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const MODULE_HEADS: Readonly<Record<ModuleId, string>> = {
  consultation: 'consult',
  reviews: 'reviews',
  'after-sales': 'after-sales',
  logistics: 'logistics',
  disputes: 'disputes',
};

/**
 * A CSV cell: quoted when it holds a comma, quote or line end; a text a spreadsheet would take
 * for a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`, a leading `-` that is not a number) is
 * prefixed with `'`, as OWASP's CSV-injection advice says, so a store id from the data cannot
 * run in Excel or WPS. Plain numbers are left as they are.
 */
export function csvCell(v: string): string {
  const text = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Prints each store's line as soon as the stores before it are done (input order). */
class OrderedPrinter {
  private readonly waiting = new Map<number, StoreOutcome>();
  private nextIndex = 0;
  failed = 0;
  constructor(
    private readonly out: Output,
    private readonly io: CommandContext['io'],
    private readonly format: 'table' | 'json' | 'csv',
    private readonly paths: readonly string[],
    private readonly stars: boolean,
    private readonly strict: boolean,
  ) {}

  header(): void {
    if (this.format === 'csv') {
      const cols = ['store', 'path', 'total', 'composite', ...MODULE_IDS];
      this.io.stdout(`${[...cols, ...(this.stars ? ['stars'] : [])].join(',')}\n`);
    } else if (this.format === 'table') {
      this.out.text(
        `${[
          'store'.padEnd(20),
          'total'.padStart(6),
          'composite'.padStart(9),
          ...MODULE_IDS.map((m) => MODULE_HEADS[m].padStart(11)),
          ...(this.stars ? ['stars'.padStart(5)] : []),
        ].join(' ')}\n`,
      );
    }
  }

  add(o: StoreOutcome): void {
    this.waiting.set(o.index, o);
    for (
      let w = this.waiting.get(this.nextIndex);
      w !== undefined;
      w = this.waiting.get(this.nextIndex)
    ) {
      this.waiting.delete(this.nextIndex);
      this.nextIndex++;
      this.print(w);
    }
  }

  private print(o: StoreOutcome): void {
    const path = this.paths[o.index] as string;
    if (!o.ok) {
      this.failed++;
      this.out.fail('invalid_input', `${path}: ${o.message}`, o.issues);
      return;
    }
    if (this.strict && o.warnings.length > 0) {
      // --strict: a store with a warning fails, as `score --strict` does for one store.
      this.failed++;
      for (const w of o.warnings) this.out.fail(w.code, `${path}: ${w.message}`);
      return;
    }
    for (const w of o.warnings) this.out.warn({ ...w, message: `${path}: ${w.message}` });
    if (this.format === 'json') {
      this.io.stdout(`${escapeJsonForTerminal(o.card as string)}\n`);
    } else if (this.format === 'csv') {
      const cells = [
        o.id,
        path,
        fixed(o.total),
        fixed(o.composite),
        ...MODULE_IDS.map((m) => fixed(o.modules[m])),
        ...(this.stars ? [o.stars === null ? '' : String(o.stars)] : []),
      ].map((c) => csvCell(c === '—' ? '' : c));
      // Ids and paths come from the data: their control characters are escaped here too.
      this.io.stdout(escapeForTerminal(`${cells.join(',')}\n`));
    } else {
      this.out.text(
        `${[
          o.id.padEnd(20),
          fixed(o.total).padStart(6),
          fixed(o.composite).padStart(9),
          ...MODULE_IDS.map((m) => fixed(o.modules[m]).padStart(11)),
          ...(this.stars ? [(o.stars === null ? '—' : String(o.stars)).padStart(5)] : []),
        ].join(' ')}\n`,
      );
    }
  }
}

/** Appends `values` to `lists[key]`, creating the list. */
function appendTo(lists: Record<string, number[]>, key: string, values: readonly number[]): void {
  const list = lists[key];
  if (list === undefined) lists[key] = [...values];
  else list.push(...values);
}

/**
 * Peers of each store from the other stores of the run, in its category: each store's part
 * (`pick`) is computed once, and each store's peers gather the parts of the others (quadratic
 * in a category's size, never cubic).
 */
function peersFromRun(
  scored: readonly StoreScored[],
  pick: (s: StoreScored) => Pick<PeerData, 'metrics' | 'composites' | 'modules'>,
): Map<number, PeerData> {
  const byCategory = new Map<string, { index: number; part: ReturnType<typeof pick> }[]>();
  for (const s of scored) {
    const members = byCategory.get(s.category) ?? [];
    members.push({ index: s.index, part: pick(s) });
    byCategory.set(s.category, members);
  }
  const peers = new Map<number, PeerData>();
  for (const s of scored) {
    const metrics: Record<string, number[]> = {};
    const modules: Record<string, number[]> = {};
    const composites: number[] = [];
    for (const { index, part } of byCategory.get(s.category) ?? []) {
      if (index === s.index) continue;
      for (const [id, v] of Object.entries(part.metrics ?? {})) appendTo(metrics, id, v ?? []);
      for (const [id, v] of Object.entries(part.modules ?? {})) appendTo(modules, id, v ?? []);
      composites.push(...(part.composites ?? []));
    }
    peers.set(s.index, {
      ...(s.category === '' ? {} : { category: s.category }),
      metrics,
      ...(composites.length > 0 ? { composites, modules } : {}),
    });
  }
  return peers;
}

/** `score <folder> --all`. */
export async function runScoreAll({ args, io, out }: CommandContext): Promise<number> {
  const { values, positionals } = args;
  const [folder, ...rest] = positionals;
  if (folder === undefined)
    throw new UsageError('expected a folder of stores after "score" with --all');
  if (rest.length > 0)
    throw new UsageError(
      `expected one folder of stores with --all, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
    );
  if (values.values !== undefined)
    throw new UsageError('--values applies to one store, not to --all');
  if (values.json === true && values.csv === true)
    throw new UsageError('expected one of --json and --csv, found both');
  if (values['peers-from-run'] === true && values.peers !== undefined)
    throw new UsageError('expected one of --peers and --peers-from-run, found both');
  const asOf = requireAsOf(values['as-of'], 'the stores');
  const workers =
    values.workers === undefined
      ? availableParallelism()
      : wholeNumber(values.workers, '--workers', 1, 256);
  const read: ReadOptions = await storeReadOptions(args);
  const filePeers = await readPeers(args, read);
  const paths = storesOfFolder(folder);
  const format = values.json === true ? 'json' : values.csv === true ? 'csv' : 'table';
  const progress = out.progress(values.quiet);
  let done = 0;
  const tick = (what: string) => {
    done++;
    progress?.phase(`${what} ${done}/${paths.length} stores`);
  };
  const jobsWith = (peers: (i: number) => PeerData | undefined, cardJson: boolean): StoreJob[] =>
    paths.map((path, index) => {
      const p = peers(index);
      return { index, path, asOf, read, cardJson, ...(p === undefined ? {} : { peers: p }) };
    });

  const fromRun = values['peers-from-run'] === true;
  const stars = fromRun || (filePeers?.composites?.length ?? 0) > 0;
  const printer = new OrderedPrinter(out, io, format, paths, stars, values.strict === true);
  if (!fromRun) {
    printer.header();
    await runJobs(
      jobsWith(() => filePeers, format === 'json'),
      workers,
      (o) => {
        tick('scored');
        printer.add(o);
      },
    );
  } else {
    // 1. each store's metric values; 2. each store scored against the others' values in its
    // category, giving the totals and module scores; 3. each store scored and ranked against
    // the others' values, totals and module scores: what `score <store> --peers` gives with
    // those peers.
    const first: StoreOutcome[] = [];
    await runJobs(
      jobsWith(() => undefined, false),
      workers,
      (o) => {
        tick('measured');
        first.push(o);
      },
    );
    const failedFirst = first.filter((o) => !o.ok);
    const measured = first.filter((o): o is StoreScored => o.ok);
    const metricPeers = peersFromRun(measured, (s) => ({
      metrics: Object.fromEntries(Object.entries(s.metricValues).map(([id, v]) => [id, [v]])),
    }));
    done = 0;
    const second: StoreScored[] = [];
    await runJobs(
      jobsWith((i) => metricPeers.get(i), false).filter((j) => metricPeers.has(j.index)),
      workers,
      (o) => {
        tick('scored against peers');
        if (o.ok) second.push(o);
        else failedFirst.push(o);
      },
    );
    const valuesOf = new Map(measured.map((m) => [m.index, m.metricValues]));
    const fullPeers = peersFromRun(second, (s) => ({
      metrics: Object.fromEntries(
        Object.entries(valuesOf.get(s.index) ?? {}).map(([id, v]) => [id, [v]]),
      ),
      composites: s.total === null ? [] : [s.total],
      modules: Object.fromEntries(
        MODULE_IDS.flatMap((m) => (s.modules[m] === null ? [] : [[m, [s.modules[m]]]])),
      ),
    }));
    done = 0;
    printer.header();
    for (const f of failedFirst) printer.add(f);
    await runJobs(
      jobsWith((i) => fullPeers.get(i), format === 'json').filter((j) => fullPeers.has(j.index)),
      workers,
      (o) => {
        tick('ranked');
        printer.add(o);
      },
    );
  }
  progress?.done();
  if (printer.failed > 0) {
    out.fail(
      'invalid_input',
      `${printer.failed} of ${paths.length} stores could not be scored (named above); the others were`,
    );
    return 1;
  }
  return 0;
}
