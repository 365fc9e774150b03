/**
 * The metric SQL in ClickHouse's dialect (sql/clickhouse/), run by chDB, equal to the library
 * on the same stores as DuckDB's. Run by `npm run test:clickhouse` (scripts/test-clickhouse.sh
 * installs the pinned chdb into .tmp/chdb first); not part of `npm test`, so that `npm install`
 * stays light. Without chDB this file fails: it never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickHouseMetricTallies,
  createClickHouseTables,
  loadClickHouseJsonlFolders,
  loadClickHouseStores,
  SQL_TABLES,
} from '../../src/sql/index.js';
import { describeMetricSqlEquality } from '../sql/_equality.js';

/** Where scripts/test-clickhouse.sh installs chdb (overridable for another install). */
const CHDB_DIR = resolve(process.env.JWV_CHDB_DIR ?? join(import.meta.dirname, '../../.tmp/chdb'));

interface ChdbSession {
  query(sql: string, format?: string): string;
  cleanup(): void;
}

let session: ChdbSession;
let sessionDir: string;
let query: (sql: string) => string;

beforeAll(() => {
  // A missing chdb throws here, which fails every test of the file.
  const { Session } = createRequire(join(CHDB_DIR, 'package.json'))('chdb') as {
    Session: new (path?: string) => ChdbSession;
  };
  sessionDir = mkdtempSync(join(tmpdir(), 'jwv-chdb-'));
  session = new Session(sessionDir);
  query = (sql) => session.query(sql, 'JSONEachRow');
});
afterAll(() => {
  session?.cleanup();
  if (sessionDir) rmSync(sessionDir, { recursive: true, force: true });
});

describe('chDB', () => {
  it('is ClickHouse 24 or later', () => {
    const [{ v }] = JSON.parse(`[${query('SELECT version() AS v').trim()}]`) as [{ v: string }];
    expect(Number(v.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});

describeMetricSqlEquality('ClickHouse, chDB', () => ({
  async fresh() {
    for (const t of SQL_TABLES) await query(`DROP TABLE IF EXISTS ${t}`);
    await createClickHouseTables(query);
  },
  loadStores: (stores) => loadClickHouseStores(query, stores),
  loadJsonl: (root) => loadClickHouseJsonlFolders(query, root),
  tallies: (asOf) => clickHouseMetricTallies(query, asOf),
}));
