/**
 * CSV files read row by row through csv-parse (private), each row turned into a raw record
 * by the column mapping: headers to fields, cell texts to values, empty cells absent.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { InputIssue } from '../errors.js';
import { CSV_FIELDS, type CsvCollection, type CsvMapping } from './csvMapping.js';

const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  TRUE: true,
  FALSE: false,
  '1': true,
  '0': false,
};
const BOOLEAN_FIELDS = new Set(['cashOnDelivery', 'excluded']);
const INTEGER_FIELDS = new Set(['units', 'stars']);
const DIGITS = /^\d+$/;

/** A cell's text as the JSON form would hold it (before any value mapping). */
function cellValue(field: string, text: string): unknown {
  if (BOOLEAN_FIELDS.has(field)) return BOOLEANS[text] ?? text;
  if ((INTEGER_FIELDS.has(field) || field.endsWith('At')) && DIGITS.test(text)) {
    return Number(text);
  }
  return text;
}

/**
 * Reads one CSV file: its first row is the header. Calls `onRecord` with each row as a raw
 * record (fields named by the mapping, values converted) and its line; problems (a header
 * the mapping expects but the file lacks, a row of the wrong length, broken quoting) go to
 * `onIssue`, located `file:line`.
 */
export async function forEachCsvRecord(
  path: string,
  file: string,
  collection: CsvCollection,
  mapping: CsvMapping,
  onRecord: (record: Record<string, unknown>, line: number) => void,
  onIssue: (issue: InputIssue) => void,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  const columns = mapping.columns?.[collection] ?? {};
  const values = mapping.values?.[collection] ?? {};
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = stream.pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let fields: (string | undefined)[] | undefined;
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number };
      record: string[];
    }>) {
      const line = info.lines;
      if (fields === undefined) {
        fields = header(record, `${file}:${line}`, collection, columns, onIssue);
        continue;
      }
      if (record.length !== fields.length) {
        onIssue({
          path: `${file}:${line}`,
          message: `expected ${fields.length} cells as in the header, found ${record.length}`,
        });
        continue;
      }
      const out: Record<string, unknown> = {};
      for (let i = 0; i < record.length; i++) {
        const field = fields[i];
        const text = record[i] as string;
        if (field === undefined || text === '') continue;
        const mapped = values[field];
        out[field] =
          mapped !== undefined && Object.hasOwn(mapped, text)
            ? mapped[text]
            : cellValue(field, text);
      }
      onRecord(out, line);
      onBytes?.(stream.bytesRead);
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    onIssue({
      path: err.lines === undefined ? file : `${file}:${err.lines}`,
      message: `expected CSV, found an error: ${err.message}`,
    });
    stream.destroy();
  }
  onBytes?.(stream.bytesRead);
}

/** The field of each header cell (`undefined`: not a field, ignored as unknown fields are). */
function header(
  cells: readonly string[],
  where: string,
  collection: CsvCollection,
  columns: Readonly<Record<string, string>>,
  onIssue: (issue: InputIssue) => void,
): (string | undefined)[] {
  const known = CSV_FIELDS[collection];
  const fields = cells.map((c) => {
    const f = Object.hasOwn(columns, c) ? columns[c] : c.trim();
    return f !== undefined && known.includes(f) ? f : undefined;
  });
  for (const h of Object.keys(columns)) {
    if (!cells.includes(h)) {
      onIssue({
        path: where,
        message: `expected the header ${JSON.stringify(h)} given in the mapping, found the headers ${cells.map((c) => JSON.stringify(c)).join(', ')}`,
      });
    }
  }
  return fields;
}
