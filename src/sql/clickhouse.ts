/**
 * The metric SQL run in ClickHouse: chDB in process, `clickhouse-local`, or a server. The
 * functions take the caller's way to run one statement, so no client is a dependency.
 *
 * @module
 */
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { parameterStatements } from './parameters.js';
import { SQL_TABLE_COLUMNS, SQL_TABLES, storeRows } from './rows.js';
import { sqlScripts, sqlStatements } from './scripts.js';
import { type SqlTally, tallyFromRow } from './tallies.js';

/**
 * Runs one ClickHouse statement and returns its result as `JSONEachRow` text (empty for a
 * statement without rows). With chDB: `(sql) => session.query(sql, 'JSONEachRow')`.
 */
export type ClickHouseQuery = (sql: string) => string | Promise<string>;

/**
 * Creates the tables of `sql/clickhouse/schema.sql` (when they do not exist yet).
 *
 * @example
 * ```ts
 * import { createClickHouseTables } from 'jd-weather-vane/sql';
 * const seen: string[] = [];
 * await createClickHouseTables((sql) => { seen.push(sql); return ''; });
 * seen.length;
 * //=> 8
 * ```
 */
export async function createClickHouseTables(query: ClickHouseQuery): Promise<void> {
  for (const s of sqlStatements(sqlScripts.clickhouse.schema)) await query(s);
}

/**
 * Loads every store folder under `root` (one sub-folder per store, `store.json` and every
 * collection's JSON Lines file, docs/files.md) with ClickHouse's `file()` table function
 * (`sql/clickhouse/load_jsonl.sql`), after {@link createClickHouseTables}. `root` must be a
 * path the engine can read (an absolute one for chDB). The records are taken as valid.
 *
 * @example
 * ```ts
 * import { loadClickHouseJsonlFolders } from 'jd-weather-vane/sql';
 * const seen: string[] = [];
 * await loadClickHouseJsonlFolders((sql) => { seen.push(sql); return ''; }, "/data/o'hara/");
 * seen.some((s) => s.includes("file('/data/o\\'hara/*\/orders.jsonl'"));
 * //=> true
 * ```
 */
export async function loadClickHouseJsonlFolders(
  query: ClickHouseQuery,
  root: string,
): Promise<void> {
  const quoted = root.replace(/\/+$/, '').replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  for (const s of sqlStatements(sqlScripts.clickhouse.loadJsonl)) {
    await query(s.replaceAll('{{root}}', quoted));
  }
}

/**
 * Inserts parsed stores (`parseStoreData`) into the tables, one `INSERT … FORMAT JSONEachRow`
 * per table. Inferred `ratedAt`/`ruledAt` are written as NULL: the SQL dates them itself.
 *
 * @example
 * ```ts
 * import { parseStoreData } from 'jd-weather-vane';
 * import { loadClickHouseStores } from 'jd-weather-vane/sql';
 * const seen: string[] = [];
 * await loadClickHouseStores((sql) => { seen.push(sql); return ''; }, [parseStoreData({ store: { id: 's1' } })]);
 * seen;
 * //=> ['INSERT INTO stores FORMAT JSONEachRow\n{"store_id":"s1","name":null,"category_level1":null,"category_level2":null}']
 * ```
 */
export async function loadClickHouseStores(
  query: ClickHouseQuery,
  stores: readonly StoreData[],
): Promise<void> {
  const lines: string[][] = SQL_TABLES.map(() => []);
  for (const row of storeRows(stores)) {
    const columns = SQL_TABLE_COLUMNS[SQL_TABLES[row.table] as (typeof SQL_TABLES)[number]];
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      record[c] = row.cells[i] ?? null;
    });
    (lines[row.table] as string[]).push(JSON.stringify(record));
  }
  for (let t = 0; t < SQL_TABLES.length; t++) {
    const rows = lines[t] as string[];
    if (rows.length > 0) {
      await query(`INSERT INTO ${SQL_TABLES[t]} FORMAT JSONEachRow\n${rows.join('\n')}`);
    }
  }
}

/**
 * Fills `params` and `metric_windows` from the rule set for the as-of day (`YYYY-MM-DD`),
 * runs `sql/clickhouse/metrics.sql`, and returns every store's tally of every metric, ordered
 * by store and metric id: the same tallies as DuckDB's `metricTallies`.
 *
 * @example
 * ```ts
 * import { clickHouseMetricTallies } from 'jd-weather-vane/sql';
 * // A stand-in engine that answers the last statement with one row.
 * const tallies = await clickHouseMetricTallies(
 *   (sql) => sql.startsWith('SELECT st.store_id')
 *     ? '{"store_id":"s1","metric_id":"reviews.negative-rate","numerator":"1","denominator":"4"}\n'
 *     : '',
 *   '2026-11-23',
 * );
 * tallies;
 * //=> [{ storeId: 's1', metricId: 'reviews.negative-rate', numerator: 1n, denominator: 4n }]
 * ```
 */
export async function clickHouseMetricTallies(
  query: ClickHouseQuery,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): Promise<SqlTally[]> {
  for (const s of parameterStatements('clickhouse', asOf, ruleSet)) await query(s);
  const statements = sqlStatements(sqlScripts.clickhouse.metrics);
  for (const s of statements.slice(0, -1)) await query(s);
  const text = await query(statements.at(-1) as string);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => tallyFromRow(JSON.parse(line) as Record<string, unknown>));
}
