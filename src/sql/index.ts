/**
 * `jd-weather-vane/sql`: the metrics as SQL, for many stores at once. The schema, loading and
 * metric SQL of two dialects (DuckDB and ClickHouse) as strings, the parameter tables filled
 * from a rule set, a DuckDB runner (`@duckdb/node-api` is an optional peer dependency, loaded
 * only by `openDuckDb`), a ClickHouse runner over any way to run a statement (chDB, a
 * server), and the way back from a tally to the library's measurements. See
 * docs/warehouse.md.
 *
 * @example
 * ```ts
 * import { openDuckDb, createTables, loadJsonlFolders, metricTallies, resultFromTally } from 'jd-weather-vane/sql';
 * const db = await openDuckDb();
 * await createTables(db.connection);
 * await loadJsonlFolders(db.connection, 'stores');
 * const results = (await metricTallies(db.connection, '2026-11-23')).map((t) => resultFromTally(t, '2026-11-23'));
 * results.find((r) => r.id === 'reviews.negative-rate')?.window;
 * //=> { from: '2026-08-25', to: '2026-11-22' }
 * db.close();
 * ```
 *
 * @module sql
 */
export {
  type ClickHouseQuery,
  clickHouseMetricTallies,
  createClickHouseTables,
  loadClickHouseJsonlFolders,
  loadClickHouseStores,
} from './clickhouse.js';
export {
  createTables,
  type DuckDbAppenderLike,
  type DuckDbConnectionLike,
  type DuckDbHandle,
  loadJsonlFolders,
  loadStores,
  metricTallies,
  openDuckDb,
} from './duckdb.js';
export {
  type MetricSqlParameters,
  type MetricSqlParams,
  type MetricSqlWindow,
  metricSqlParameters,
  parameterStatements,
} from './parameters.js';
export { SQL_TABLES } from './rows.js';
export { type SqlDialect, type SqlScripts, sqlScripts, sqlStatements } from './scripts.js';
export { baseUnits, resultFromTally, type SqlTally } from './tallies.js';
