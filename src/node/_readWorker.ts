/**
 * A worker thread reading JSON Lines collection files of a store folder (private): each job
 * is one file, opened and checked by the calling thread and handed over; the records are
 * validated here and posted back column-wise (typed arrays moved, not copied) with every
 * issue, as `StoreBuilder.exportPart` gives them.
 *
 * @module
 */
import type { FileHandle } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { StoreDataCollection } from '../schemas/storeData.js';
import { type CollectionChunk, type CollectionPart, StoreBuilder } from './_builder.js';
import { textChunks } from './_files.js';
import { readJsonlInto } from './_jsonl.js';

/** One file to read. */
export interface ReadJob {
  readonly name: StoreDataCollection;
  readonly file: string;
  readonly handle: FileHandle;
  readonly lenient: boolean;
  /** Records per batch posted back (chat sessions, orders, reviews). */
  readonly batch: number;
}

/** What a worker posts: progress, the collection read, or the failure of the system. */
export type ReadMessage =
  | { readonly progress: { readonly bytes: number; readonly records: number } }
  | { readonly chunk: CollectionChunk }
  | { readonly part: CollectionPart; readonly records: number }
  | {
      readonly error: {
        readonly message: string;
        readonly code: string | undefined;
        readonly syscall: string | undefined;
      };
    };

/** Records between two progress messages. */
const PROGRESS_EVERY = 50_000;

async function run(job: ReadJob): Promise<void> {
  const port = parentPort as NonNullable<typeof parentPort>;
  const builder = new StoreBuilder(job.lenient);
  builder.begin(job.name, job.file);
  let bytes = 0;
  try {
    const chunks = textChunks(
      job.handle,
      job.file,
      { encoding: undefined, convertOnly: true },
      (b) => {
        bytes = b;
      },
    );
    // Batches go back as they are read: this thread holds one batch at a time.
    const flush = () => {
      const c = builder.flushChunk(job.name, bytes);
      if (c !== undefined) port.postMessage({ chunk: c.chunk } satisfies ReadMessage, c.transfer);
    };
    const records = await readJsonlInto(builder, job.name, job.file, chunks, () => {
      if (builder.count % job.batch === 0) flush();
      if (builder.count % PROGRESS_EVERY === 0)
        port.postMessage({ progress: { bytes, records: builder.count } } satisfies ReadMessage);
    });
    flush();
    port.postMessage({ part: builder.exportPart(job.name), records } satisfies ReadMessage);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    port.postMessage({
      error: { message: String(err?.message ?? e), code: err?.code, syscall: err?.syscall },
    } satisfies ReadMessage);
  }
}

if (!isMainThread && (workerData as { jwvReadWorker?: boolean } | null)?.jwvReadWorker === true) {
  parentPort?.on('message', (job: ReadJob) => void run(job));
}
