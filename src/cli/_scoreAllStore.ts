/**
 * One store of `score --all` (private): read, evaluated, and summed up in what the run needs
 * back. Runs in a worker thread (`runScoreAllWorker`), or in the calling thread when no
 * worker script is known (the CLI called as a function).
 *
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { isInvalidInputError } from '../errors.js';
import { evaluateStore } from '../evaluate/evaluate.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import type { PeerData } from '../scorecard/peers.js';
import { CliInputError } from './_command.js';
import { asOfWarnings, type ReadOptions, readStore, setAsideWarning, type Warning } from './_io.js';
import { UsageError } from './_options.js';

/** What a worker is asked: one store, and what to send back. */
export interface StoreJob {
  readonly index: number;
  readonly path: string;
  readonly asOf: string;
  readonly read: ReadOptions;
  readonly peers?: PeerData;
  /** Whether the scorecard's JSON is wanted (`--json`), besides its summary. */
  readonly cardJson: boolean;
}

/** A store scored: its summary line, metric values (for peers from the run), warnings. */
export interface StoreScored {
  readonly index: number;
  readonly ok: true;
  readonly id: string;
  /** The category the run groups peers by: level 2 (主营二级类目), else level 1, else ''. */
  readonly category: string;
  readonly total: number | null;
  readonly composite: number | null;
  readonly modules: Readonly<Record<ModuleId, number | null>>;
  readonly stars: number | null;
  /** Each metric's value in its unit, where the metric has one (`ok`): peers' values. */
  readonly metricValues: Readonly<Record<string, number>>;
  readonly warnings: readonly Warning[];
  readonly card?: string;
}

/** A store that could not be scored, with every issue found. */
export interface StoreFailed {
  readonly index: number;
  readonly ok: false;
  readonly message: string;
  readonly issues: readonly { path: string; message: string }[];
}

/** A store's outcome. */
export type StoreOutcome = StoreScored | StoreFailed;

const NO_STDIN = {
  stdout() {},
  stderr() {},
};

/** Scores one store of the run; never throws for the store's own faults. */
export async function scoreOneStore(job: StoreJob): Promise<StoreOutcome> {
  try {
    const { data, rejected } = await readStore(job.path, NO_STDIN, undefined, job.read);
    const card = evaluateStore(
      data,
      job.peers === undefined ? { asOf: job.asOf } : { asOf: job.asOf, peers: job.peers },
    );
    const metricValues: Record<string, number> = {};
    for (const [id, m] of Object.entries(card.metrics)) {
      if (m.status === 'ok' && m.value !== null) metricValues[id] = m.value.toNumber();
    }
    const modules = Object.fromEntries(MODULE_IDS.map((m) => [m, card.modules[m].score])) as Record<
      ModuleId,
      number | null
    >;
    const category = data.store.category?.level2 ?? data.store.category?.level1 ?? '';
    return {
      index: job.index,
      ok: true,
      id: data.store.id,
      category,
      total: card.total,
      composite: card.composite,
      modules,
      stars: card.standing?.stars ?? null,
      metricValues,
      warnings: [...asOfWarnings(data, job.asOf), ...setAsideWarning(rejected)],
      ...(job.cardJson ? { card: JSON.stringify(card) } : {}),
    };
  } catch (e) {
    if (isInvalidInputError(e) || e instanceof CliInputError) {
      return {
        index: job.index,
        ok: false,
        message: `invalid store input, ${e.issues.length} issue(s)`,
        issues: e.issues,
      };
    }
    if (e instanceof UsageError || e instanceof Error) {
      return { index: job.index, ok: false, message: e.message, issues: [] };
    }
    /* v8 ignore next: only Error instances are thrown by the readers */
    return { index: job.index, ok: false, message: String(e), issues: [] };
  }
}

/** The worker thread's loop: a job in, its outcome out, until the port closes. */
export function runScoreAllWorker(): void {
  const port = parentPort;
  /* v8 ignore next: a worker always has a parent port */
  if (port === null) return;
  port.on('message', (job: StoreJob) => {
    void scoreOneStore(job).then((outcome) => port.postMessage(outcome));
  });
}
