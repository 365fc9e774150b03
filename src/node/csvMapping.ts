/**
 * The column mapping of CSV store folders: which file holds which collection, which header
 * names which field, which cell text stands for which value.
 *
 * @module
 */
import { z } from 'zod';
import { unknownKeyMessage } from '../_suggest.js';
import type { InputIssue } from '../errors.js';
import { expecting } from '../schemas/_common.js';
import { toInputIssue } from '../schemas/parse.js';
import { STORE_DATA_COLLECTIONS, type StoreDataCollection } from '../schemas/storeData.js';

/**
 * A CSV collection: a collection of the store, or `chatMessages` (the messages of
 * `chatSessions`, one per row, joined to their session by `sessionId`).
 *
 * @example
 * ```ts
 * const c: CsvCollection = 'chatMessages';
 * ```
 */
export type CsvCollection = StoreDataCollection | 'chatMessages';

/**
 * The fields a CSV file of each collection may hold, as in the JSON form; a chat session's
 * `messages` come from `chatMessages` rows instead.
 *
 * @example
 * ```ts
 * CSV_FIELDS.chatMessages;
 * //=> ['sessionId', 'from', 'at']
 * ```
 */
export const CSV_FIELDS: { readonly [K in CsvCollection]: readonly string[] } = Object.freeze({
  chatSessions: ['id', 'customerId', 'kind', 'stage', 'rating', 'ratedAt'],
  chatMessages: ['sessionId', 'from', 'at'],
  orders: [
    'id',
    'customerId',
    'placedAt',
    'paidAt',
    'cashOnDelivery',
    'amount',
    'units',
    'cancelledAt',
    'outboundAt',
    'collectedAt',
    'deliveredAt',
  ],
  reviews: ['id', 'customerId', 'orderId', 'createdAt', 'stars', 'repliedAt', 'excluded'],
  serviceOrders: [
    'id',
    'orderId',
    'type',
    'reason',
    'appliedAt',
    'approvedAt',
    'rejectedAt',
    'completedAt',
    'rating',
    'ratedAt',
  ],
  disputes: ['id', 'orderId', 'openedAt', 'ruling', 'ruledAt', 'appealUpheldAt'],
  assuredServices: ['service', 'enabledAt', 'disabledAt'],
});

/** The CSV collections in reading order (messages before their sessions). */
export const CSV_COLLECTIONS: readonly CsvCollection[] = [
  'chatMessages',
  ...STORE_DATA_COLLECTIONS,
];

/**
 * How a CSV export maps onto the input records, as a small JSON file (`mapping.json` in the
 * store folder, or `readStoreDir`'s `mapping` option). Every part is optional; without a
 * mapping, files are named `<collection>.csv` and headers are the field names.
 *
 * @example
 * ```ts
 * const mapping: CsvMapping = {
 *   files: { orders: '订单.csv' },
 *   columns: { orders: { 订单编号: 'id', 下单账号: 'customerId', 下单时间: 'placedAt', 实付金额: 'amount' } },
 *   values: { orders: { cashOnDelivery: { 是: true, 否: false } } },
 *   ignore: { orders: ['订单状态', '备注'] },
 * };
 * ```
 */
export interface CsvMapping {
  /** File name of each collection in the folder (default `<collection>.csv`). */
  readonly files?: { readonly [K in CsvCollection]?: string };
  /** Per collection, header text → field name. Headers not listed are taken as field names. */
  readonly columns?: { readonly [K in CsvCollection]?: Readonly<Record<string, string>> };
  /** Per collection and field, cell text → the value it stands for (any JSON value). */
  readonly values?: {
    readonly [K in CsvCollection]?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  };
  /**
   * Per collection, headers of columns to leave unread (`{ orders: ['订单状态', '备注'] }`).
   * Every other header must be a field or mapped in `columns`: an unknown header is an issue.
   */
  readonly ignore?: { readonly [K in CsvCollection]?: readonly string[] };
}

const stringRecord = (what: string) =>
  z.record(
    z.string(),
    z.string(expecting(`${what} as a string`)),
    expecting(`an object of ${what}s`),
  );

const mappingSchema = z.object(
  {
    files: stringRecord('file name').optional(),
    columns: z
      .record(
        z.string(),
        stringRecord('field name'),
        expecting('{ collection: { header: field } }'),
      )
      .optional(),
    values: z
      .record(
        z.string(),
        z.record(
          z.string(),
          z.record(z.string(), z.unknown(), expecting('{ cell text: value }')),
          expecting('{ field: { cell text: value } }'),
        ),
        expecting('{ collection: { field: { cell text: value } } }'),
      )
      .optional(),
    ignore: z
      .record(
        z.string(),
        z.array(z.string(expecting('a header as a string')), expecting('an array of headers')),
        expecting('{ collection: [header, …] }'),
      )
      .optional(),
  },
  expecting('a mapping object { files?, columns?, values?, ignore? }'),
);

/** The parts of a mapping. */
const MAPPING_PARTS: readonly string[] = ['files', 'columns', 'values', 'ignore'];

/**
 * Checks a mapping: its shape, that every column and value names a field of its collection,
 * that no ignored header is mapped too, and that it has no other part. Returns the issues, paths prefixed with `where` (`mapping.json`).
 */
export function mappingIssues(raw: unknown, where: string): InputIssue[] {
  const r = mappingSchema.safeParse(raw);
  if (!r.success) return r.error.issues.map((iss) => toInputIssue(where, iss, raw));
  const out: InputIssue[] = [];
  // A misspelled part (`"ignores"`) would otherwise be dropped, and its columns with it.
  for (const k of Object.keys(raw as object)) {
    if (!MAPPING_PARTS.includes(k))
      out.push({
        path: `${where}.${k}`,
        message: unknownKeyMessage(k, MAPPING_PARTS, 'a mapping'),
      });
  }
  const m = r.data as CsvMapping;
  for (const part of ['files', 'columns', 'values', 'ignore'] as const) {
    for (const [collection, entries] of Object.entries(m[part] ?? {})) {
      const fields = CSV_FIELDS[collection as CsvCollection] as readonly string[] | undefined;
      if (fields === undefined || !Object.hasOwn(CSV_FIELDS, collection)) {
        out.push({
          path: `${where}.${part}.${collection}`,
          message: `expected a collection: one of ${CSV_COLLECTIONS.join(', ')}, found ${JSON.stringify(collection)}`,
        });
        continue;
      }
      if (part === 'files') continue;
      if (part === 'ignore') {
        const mapped = m.columns?.[collection as CsvCollection] ?? {};
        for (const [i, h] of (entries as readonly string[]).entries()) {
          if (Object.hasOwn(mapped, h)) {
            out.push({
              path: `${where}.ignore.${collection}[${i}]`,
              message: `expected a header either mapped in columns or ignored, found ${JSON.stringify(h)} in both`,
            });
          }
        }
        continue;
      }
      for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
        const field = part === 'columns' ? value : key;
        if (!fields.includes(field as string)) {
          out.push({
            path: `${where}.${part}.${collection}.${key}`,
            message: `expected a field of ${collection}: one of ${fields.join(', ')}, found ${JSON.stringify(field)}`,
          });
        }
      }
    }
  }
  return out;
}
