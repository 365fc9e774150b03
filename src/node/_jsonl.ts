/**
 * A JSON Lines collection file read into a {@link StoreBuilder} (private): the same in the
 * calling thread and in a worker thread (`_readWorker.ts`).
 *
 * @module
 */
import { escapeControls } from '../_escape.js';
import { scannedLineEnd, scanRecord } from '../schemas/_scanRecords.js';
import type { StoreDataCollection } from '../schemas/storeData.js';
import type { StoreBuilder } from './_builder.js';
import { DecodeFailure } from './_files.js';
import { forEachLine, type LineTaker } from './_lines.js';

/**
 * Whether lines are read by the line scanner first (`_scanRecords.ts`). Only the tests turn
 * it off, to compare a folder read with and without it; a worker thread reads with its own.
 */
let scanning = true;

/** Turns the line scanner on or off in this thread (tests only); returns what it was. */
export function setLineScanning(on: boolean): boolean {
  const was = scanning;
  scanning = on;
  return was;
}

/**
 * Reads every line of `chunks` (the text of `file`) as one record of `name` into `builder`:
 * a line that is not JSON is a record issue, a blank line nothing, text that is not UTF-8 an
 * issue of the file. `onTake` hears each record taken. Resolves with the records read.
 */
export async function readJsonlInto(
  builder: StoreBuilder,
  name: StoreDataCollection,
  file: string,
  chunks: AsyncIterable<string>,
  onTake?: () => void,
): Promise<number> {
  let records = 0;
  try {
    // Most lines are in the plain form the scanner reads in place, in the chunk; any other
    // is cut out for `JSON.parse` and the schema, which word its issues.
    const take: LineTaker = (chunk, start, end, lineEnds, line) => {
      const scanned = scanRecord(name, chunk, start, end, !lineEnds);
      if (scanned === undefined) return -1;
      const lineEnd = scannedLineEnd();
      // The chunk ends before the line does: it is read whole with the next chunk.
      if (lineEnd === end && !lineEnds) return -1;
      records++;
      builder.addParsed(name, scanned, line);
      onTake?.();
      return lineEnd;
    };
    await forEachLine(
      chunks,
      (chunk, start, end, line) => {
        if (start === end) return;
        if (chunk.charCodeAt(start) <= 32 && chunk.slice(start, end).trim() === '') return;
        records++;
        const text = chunk.slice(start, end);
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (e) {
          builder.addRecordIssue(name, file, line, text, {
            path: `${file}:${line}`,
            message: `expected one JSON record on the line, found a syntax error: ${escapeControls((e as Error).message)}`,
          });
          return;
        }
        builder.add(name, raw, line);
        onTake?.();
      },
      scanning ? take : undefined,
    );
  } catch (e) {
    if (!(e instanceof DecodeFailure)) throw e;
    builder.addIssue(e.issue);
  }
  return records;
}
