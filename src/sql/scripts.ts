/**
 * The SQL scripts of the warehouse path, per dialect, as strings (copied from `sql/` by
 * `scripts/generate-sql.ts`).
 *
 * @module
 */
import { SQL_SCRIPT_TEXTS } from './_scripts.js';

/** An SQL engine the scripts are written for: DuckDB, or ClickHouse (chDB or a server). */
export type SqlDialect = 'duckdb' | 'clickhouse';

/** One dialect's scripts: statements separated by a line holding only `;`. */
export interface SqlScripts {
  /** The tables the metric SQL reads (docs/warehouse.md): one per collection, plus `stores`. */
  readonly schema: string;
  /**
   * Loads a folder of store folders (JSON Lines, docs/files.md) into the tables; `{{root}}`
   * stands for the folder (`loadJsonlFolders` fills it in).
   */
  readonly loadJsonl: string;
  /**
   * Every metric's numerator and denominator per store for one as-of day, from the tables and
   * the two parameter tables (`parameterStatements`); the last statement returns
   * `(store_id, metric_id, numerator, denominator)`.
   */
  readonly metrics: string;
}

/**
 * The schema, loading and metric SQL of each dialect, exactly as the package's `sql/` files
 * hold them (`sql/duckdb/metrics.sql`, `sql/clickhouse/metrics.sql`, …).
 *
 * @example
 * ```ts
 * import { sqlScripts, sqlStatements } from 'jd-weather-vane/sql';
 * sqlStatements(sqlScripts.duckdb.schema).length;
 * //=> 8
 * sqlScripts.clickhouse.metrics.includes('intDiv(');
 * //=> true
 * ```
 */
export const sqlScripts: Readonly<Record<SqlDialect, SqlScripts>> = SQL_SCRIPT_TEXTS;

/**
 * A script's statements: the text between lines holding only `;`, trimmed, comments kept,
 * statements that are only comments dropped. Run them in order.
 *
 * @example
 * ```ts
 * import { sqlStatements } from 'jd-weather-vane/sql';
 * sqlStatements('-- two\nSELECT 1\n;\nSELECT 2\n;\n-- nothing\n');
 * //=> ['-- two\nSELECT 1', 'SELECT 2']
 * ```
 */
export function sqlStatements(script: string): string[] {
  return script
    .split(/^;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}
