/**
 * The metric SQL run in DuckDB embedded, through `@duckdb/node-api`: an optional peer
 * dependency, loaded only by {@link openDuckDb} (the connections the other functions take are
 * described by their shape, so nothing here imports it).
 *
 * @module
 */
import { ArgumentError } from '../errors.js';
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { parameterStatements } from './parameters.js';
import { SQL_TABLES, type SqlCell, storeRows } from './rows.js';
import { sqlScripts, sqlStatements } from './scripts.js';
import { type SqlTally, tallyFromRow } from './tallies.js';

/** What the runner needs of a DuckDB appender (`@duckdb/node-api`'s `DuckDBAppender` fits). */
export interface DuckDbAppenderLike {
  /** Appends a text cell. */
  appendVarchar(value: string): void;
  /** Appends a `BIGINT` cell. */
  appendBigInt(value: bigint): void;
  /** Appends an `INTEGER` cell. */
  appendInteger(value: number): void;
  /** Appends a `BOOLEAN` cell. */
  appendBoolean(value: boolean): void;
  /** Appends a NULL cell. */
  appendNull(): void;
  /** Ends the row. */
  endRow(): void;
  /** Flushes the rows and closes the appender. */
  closeSync(): void;
}

/** What the runner needs of a DuckDB connection (`@duckdb/node-api`'s `DuckDBConnection` fits). */
export interface DuckDbConnectionLike {
  /** Runs one statement. */
  run(sql: string): Promise<unknown>;
  /** Runs one statement and reads its rows. */
  runAndReadAll(sql: string): Promise<{
    /** The rows as objects by column name. */
    getRowObjects(): Record<string, unknown>[];
  }>;
  /** An appender on a table, to add rows fast. */
  createAppender(table: string): Promise<DuckDbAppenderLike>;
}

/** An open in-memory (or file) DuckDB database and its connection; `close()` frees both. */
export interface DuckDbHandle {
  /** The connection to run statements on. */
  readonly connection: DuckDbConnectionLike;
  /** Closes the connection and the database. */
  close(): void;
}

/**
 * Opens DuckDB through the optional peer dependency `@duckdb/node-api` (install it next to
 * this package) and connects. `path` is `':memory:'` by default.
 *
 * @throws ArgumentError when `@duckdb/node-api` cannot be loaded.
 * @example
 * ```ts
 * import { openDuckDb, createTables, metricTallies } from 'jd-weather-vane/sql';
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * (await metricTallies(db.connection, '2026-11-23')).length;
 * //=> 0
 * db.close();
 * ```
 */
export async function openDuckDb(path = ':memory:'): Promise<DuckDbHandle> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch (e) {
    throw new ArgumentError(
      `expected the optional peer dependency @duckdb/node-api to be installed (npm install @duckdb/node-api), found it cannot be loaded: ${(e as Error).message}`,
    );
  }
  const instance = await api.DuckDBInstance.create(path);
  const connection = await instance.connect();
  return {
    connection: connection as unknown as DuckDbConnectionLike,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Creates the tables of `sql/duckdb/schema.sql` (when they do not exist yet).
 *
 * @example
 * ```ts
 * import { openDuckDb, createTables } from 'jd-weather-vane/sql';
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * (await db.connection.runAndReadAll('SELECT count(*) AS n FROM orders')).getRowObjects();
 * //=> [{ n: 0n }]
 * db.close();
 * ```
 */
export async function createTables(conn: DuckDbConnectionLike): Promise<void> {
  for (const s of sqlStatements(sqlScripts.duckdb.schema)) await conn.run(s);
}

/**
 * Loads every store folder under `root` (one sub-folder per store, `store.json` and every
 * collection's JSON Lines file, docs/files.md) through `sql/duckdb/load_jsonl.sql`, after
 * {@link createTables}. The records are taken as valid: validate untrusted files with
 * `readStoreDir` first.
 *
 * @example
 * ```ts
 * import { writeStoreDir } from 'jd-weather-vane/node';
 * import { openDuckDb, createTables, loadJsonlFolders } from 'jd-weather-vane/sql';
 * await writeStoreDir('warehouse/s9', { store: { id: 's9' } });
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * await loadJsonlFolders(db.connection, 'warehouse');
 * (await db.connection.runAndReadAll('SELECT store_id FROM stores')).getRowObjects();
 * //=> [{ store_id: 's9' }]
 * db.close();
 * ```
 */
export async function loadJsonlFolders(conn: DuckDbConnectionLike, root: string): Promise<void> {
  const quoted = root.replaceAll("'", "''").replace(/\/+$/, '');
  for (const s of sqlStatements(sqlScripts.duckdb.loadJsonl)) {
    await conn.run(s.replaceAll('{{root}}', quoted));
  }
}

/**
 * Fills `params` and `metric_windows` from the rule set for the as-of day (`YYYY-MM-DD`),
 * runs `sql/duckdb/metrics.sql`, and returns every store's tally of every metric, ordered by
 * store and metric id.
 *
 * @example
 * ```ts
 * import { parseStoreData } from 'jd-weather-vane';
 * import { openDuckDb, createTables, loadStores, metricTallies } from 'jd-weather-vane/sql';
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * await loadStores(db.connection, [parseStoreData({ store: { id: 's1' }, reviews: [
 *   { id: 'r1', customerId: 'c1', createdAt: '2026-11-20 10:00:00', stars: 1 }] })]);
 * const tallies = await metricTallies(db.connection, '2026-11-23');
 * tallies.find((t) => t.metricId === 'reviews.negative-rate');
 * //=> { storeId: 's1', metricId: 'reviews.negative-rate', numerator: 1n, denominator: 1n }
 * db.close();
 * ```
 */
export async function metricTallies(
  conn: DuckDbConnectionLike,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): Promise<SqlTally[]> {
  for (const s of parameterStatements('duckdb', asOf, ruleSet)) await conn.run(s);
  const statements = sqlStatements(sqlScripts.duckdb.metrics);
  for (const s of statements.slice(0, -1)) await conn.run(s);
  const reader = await conn.runAndReadAll(statements.at(-1) as string);
  return reader.getRowObjects().map(tallyFromRow);
}

function append(a: DuckDbAppenderLike, cells: readonly SqlCell[], kinds: string): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === undefined) a.appendNull();
    else if (kinds[i] === 'v') a.appendVarchar(v as string);
    else if (kinds[i] === 'b') a.appendBigInt(BigInt(v as number));
    else if (kinds[i] === 'i') a.appendInteger(v as number);
    else a.appendBoolean(v as boolean);
  }
  a.endRow();
}

/**
 * Appends parsed stores (`parseStoreData`) to the tables, created first with
 * {@link createTables}. Inferred `ratedAt`/`ruledAt` are written as NULL: the SQL dates them
 * itself, from the raw facts.
 *
 * @example
 * ```ts
 * import { parseStoreData } from 'jd-weather-vane';
 * import { openDuckDb, createTables, loadStores } from 'jd-weather-vane/sql';
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * await loadStores(db.connection, [parseStoreData({ store: { id: 's1' }, orders: [
 *   { id: 'o1', customerId: 'c1', placedAt: '2026-11-01 10:00:00', amount: '9.90' }] })]);
 * (await db.connection.runAndReadAll('SELECT amount_fen FROM orders')).getRowObjects();
 * //=> [{ amount_fen: 990n }]
 * db.close();
 * ```
 */
export async function loadStores(
  conn: DuckDbConnectionLike,
  stores: readonly StoreData[],
): Promise<void> {
  const appenders: DuckDbAppenderLike[] = [];
  for (const t of SQL_TABLES) appenders.push(await conn.createAppender(t));
  const [st, cs, cm, or, rv, so, dp, as] = appenders as [
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
    DuckDbAppenderLike,
  ];
  for (const row of storeRows(stores)) {
    const a = [st, cs, cm, or, rv, so, dp, as][row.table] as DuckDbAppenderLike;
    append(a, row.cells, row.kinds);
  }
  for (const a of appenders) a.closeSync();
}
