import { afterAll, beforeAll } from 'vitest';
import {
  createTables,
  type DuckDbHandle,
  loadJsonlFolders,
  loadStores,
  metricTallies,
  openDuckDb,
  SQL_TABLES,
} from '../../src/sql/index.js';
import { describeMetricSqlEquality } from './_equality.js';

let db: DuckDbHandle;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db?.close());

describeMetricSqlEquality('DuckDB', () => ({
  async fresh() {
    for (const t of SQL_TABLES) await db.connection.run(`DROP TABLE IF EXISTS ${t}`);
    await createTables(db.connection);
  },
  loadStores: (stores) => loadStores(db.connection, stores),
  loadJsonl: (root) => loadJsonlFolders(db.connection, root),
  tallies: (asOf) => metricTallies(db.connection, asOf),
}));
