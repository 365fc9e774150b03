/**
 * CSV files read row by row through csv-parse (private), each row turned into a raw record
 * by the column mapping: headers to fields, cell texts to values, empty cells absent.
 *
 * @module
 */
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { didYouMean } from '../_suggest.js';
import type { InputIssue } from '../errors.js';
import { quoteShort } from '../time/shanghai.js';
import { DecodeFailure, escapeControls } from './_files.js';
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

/** What a CSV file's rows are handed to. */
export interface CsvSink {
  /** A row as a raw record (fields named by the mapping, values converted), at its first line. */
  readonly onRecord: (record: Record<string, unknown>, line: number) => void;
  /** A problem of the file, its header or its quoting (not of one row). */
  readonly onIssue: (issue: InputIssue) => void;
  /** A row that cannot be a record (a cell count unlike the header's), with its cells. */
  readonly onBadRow: (issue: InputIssue, cells: readonly string[], line: number) => void;
}

/** Delimiters a spreadsheet may have used instead of the comma, as a message names them. */
const OTHER_DELIMITERS: readonly (readonly [string, string])[] = [
  ['\t', 'tabs'],
  [';', 'semicolons (;)'],
  ['|', 'vertical bars (|)'],
];

/** Line breaks inside a row's quoted cells: the row starts that many lines before it ends. */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Reads one CSV file from its decoded text: its first row is the header. Hands each later
 * row to `sink.onRecord` as a raw record with the line it starts on (a quoted cell may span
 * lines); problems go to `sink.onIssue`, located `file:line`. Resolves with the number of
 * rows read (the header not counted).
 */
export async function forEachCsvRecord(
  chunks: AsyncIterable<string>,
  file: string,
  collection: CsvCollection,
  mapping: CsvMapping,
  sink: CsvSink,
): Promise<number> {
  const columns = mapping.columns?.[collection] ?? {};
  const values = mapping.values?.[collection] ?? {};
  const ignore = mapping.ignore?.[collection] ?? [];
  const parser = parse({ info: true, skip_empty_lines: true, relax_column_count: true });
  // pipeline, not pipe: an error of the source (a byte that is not text) reaches the loop
  // below instead of an unhandled 'error' event.
  pipeline(chunks, parser, () => {});
  let fields: (string | undefined)[] | undefined;
  let rows = 0;
  let lastLine = 0;
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number };
      record: string[];
    }>) {
      const line = info.lines - breaksIn(record);
      lastLine = info.lines;
      if (fields === undefined) {
        const delimiter = record.length === 1 ? otherDelimiter(record[0] as string) : undefined;
        if (delimiter !== undefined) {
          sink.onIssue({
            path: `${file}:${line}`,
            message: `expected comma-separated values, found a header separated by ${delimiter}: save the file as CSV with commas`,
          });
          parser.destroy();
          return 0;
        }
        fields = header(record, `${file}:${line}`, collection, columns, ignore, sink.onIssue);
        continue;
      }
      rows++;
      if (record.length !== fields.length) {
        sink.onBadRow(
          {
            path: `${file}:${line}`,
            message: `expected ${fields.length} cells as in the header, found ${record.length}`,
          },
          record,
          line,
        );
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
      sink.onRecord(out, line);
    }
  } catch (e) {
    parser.destroy();
    if (e instanceof DecodeFailure) {
      sink.onIssue(e.issue);
      return rows;
    }
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the last line of the file; the row began after the last one read.
      sink.onIssue({
        path: `${file}:${lastLine + 1}`,
        message:
          'expected a closing quote for a cell of the row starting here, found the end of the file',
      });
      return rows;
    }
    sink.onIssue({
      path: err.lines === undefined ? file : `${file}:${err.lines}`,
      message: `expected CSV, found an error: ${escapeControls(err.message)}`,
    });
  }
  return rows;
}

/** The delimiter a one-cell header seems to be split by instead of commas, in words. */
function otherDelimiter(cell: string): string | undefined {
  for (const [d, words] of OTHER_DELIMITERS) if (cell.includes(d)) return words;
  return undefined;
}

/**
 * The field of each header cell (`undefined`: a column listed under the mapping's `ignore`).
 * A header that is neither a field nor mapped nor ignored is an issue with the field it
 * resembles, and so are a header given twice and two columns landing on one field: a
 * column dropped or overwritten would lose data silently.
 */
function header(
  cells: readonly string[],
  where: string,
  collection: CsvCollection,
  columns: Readonly<Record<string, string>>,
  ignore: readonly string[],
  onIssue: (issue: InputIssue) => void,
): (string | undefined)[] {
  const known = CSV_FIELDS[collection];
  const fieldAt = new Map<string, number>();
  const headerAt = new Map<string, number>();
  const fields = cells.map((c, i) => {
    if (ignore.includes(c)) return undefined;
    const seen = headerAt.get(c);
    if (seen !== undefined) {
      onIssue({
        path: where,
        message: `expected each header once, found ${quoteShort(c)} in columns ${seen + 1} and ${i + 1}`,
      });
      return undefined;
    }
    headerAt.set(c, i);
    const f = Object.hasOwn(columns, c) ? columns[c] : c.trim();
    if (f === undefined || !known.includes(f)) {
      const hint = didYouMean(c.trim(), [...known, ...Object.keys(columns)]);
      onIssue({
        path: where,
        message: `expected a header that is a field of ${collection} (${known.join(', ')}), mapped in the mapping's columns or listed in its ignore, found ${c === '' ? `an empty header (column ${i + 1})` : quoteShort(c)}${hint}`,
      });
      return undefined;
    }
    const first = fieldAt.get(f);
    if (first !== undefined) {
      onIssue({
        path: where,
        message: `expected one column for the field ${f}, found two: ${quoteShort(cells[first] as string)} (column ${first + 1}) and ${quoteShort(c)} (column ${i + 1})`,
      });
      return undefined;
    }
    fieldAt.set(f, i);
    return f;
  });
  for (const h of Object.keys(columns)) {
    if (!cells.includes(h)) {
      onIssue({
        path: where,
        message: `expected the header ${quoteShort(h)} given in the mapping, found the headers ${cells.map((c) => quoteShort(c)).join(', ')}`,
      });
    }
  }
  return fields;
}
