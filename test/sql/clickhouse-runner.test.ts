import { describe, expect, it } from 'vitest';
import { parseStoreData } from '../../src/schemas/parse.js';
import {
  clickHouseMetricTallies,
  createClickHouseTables,
  loadClickHouseJsonlFolders,
  loadClickHouseStores,
  parameterStatements,
  SQL_TABLES,
  sqlScripts,
  sqlStatements,
} from '../../src/sql/index.js';

/** A stand-in engine: records each statement, answers the last metric statement with `rows`. */
const recorder = (rows = '') => {
  const seen: string[] = [];
  const query = async (sql: string) => {
    seen.push(sql);
    return sql === sqlStatements(sqlScripts.clickhouse.metrics).at(-1) ? rows : '';
  };
  return { seen, query };
};

describe('the ClickHouse runner (without an engine)', () => {
  it('creates the tables of the schema, in order', async () => {
    const { seen, query } = recorder();
    await createClickHouseTables(query);
    expect(seen.map((s) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1])).toEqual([
      ...SQL_TABLES,
    ]);
  });

  it('loads folders under a root quoted for ClickHouse, without a trailing slash', async () => {
    const { seen, query } = recorder();
    await loadClickHouseJsonlFolders(query, "/data/o'h\\x/");
    expect(seen.some((s) => s.includes("file('/data/o\\'h\\\\x/*/orders.jsonl'"))).toBe(true);
    expect(seen.every((s) => !s.includes('{{root}}'))).toBe(true);
  });

  it('inserts parsed stores as JSONEachRow, one INSERT per table with rows, NULL for absent', async () => {
    const { seen, query } = recorder();
    await loadClickHouseStores(query, [
      parseStoreData({
        store: { id: 's1', name: 'A' },
        orders: [
          {
            id: 'o1',
            customerId: 'c',
            placedAt: '2026-11-01 10:00:00',
            amount: '1.50',
            cashOnDelivery: true,
          },
        ],
        chatSessions: [
          {
            id: 'x',
            customerId: 'c',
            messages: [
              { from: 'customer', at: '2026-11-01 09:00:00' },
              { from: 'agent', at: '2026-11-01 01:00:01Z' },
            ],
          },
        ],
      }),
    ]);
    expect(seen.map((s) => s.split('\n')[0])).toEqual([
      'INSERT INTO stores FORMAT JSONEachRow',
      'INSERT INTO chat_sessions FORMAT JSONEachRow',
      'INSERT INTO chat_messages FORMAT JSONEachRow',
      'INSERT INTO orders FORMAT JSONEachRow',
    ]);
    const order = JSON.parse((seen[3] as string).split('\n')[1] as string);
    expect(order).toMatchObject({
      id: 'o1',
      amount_fen: 150,
      cash_on_delivery: true,
      paid_at_ms: null,
    });
    const messages = (seen[2] as string)
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(messages.map((m) => [m.seq, m.sender, m.at_ms])).toEqual([
      [0, 'customer', Date.UTC(2026, 10, 1, 1)],
      [1, 'agent', Date.UTC(2026, 10, 1, 1, 0, 1)],
    ]);
  });

  it('fills the parameters, runs every metric statement, and reads the tallies', async () => {
    const { seen, query } = recorder(
      '{"store_id":"s1","metric_id":"reviews.negative-rate","numerator":"1","denominator":"3"}\n\n',
    );
    const tallies = await clickHouseMetricTallies(query, '2026-11-23');
    expect(tallies).toEqual([
      { storeId: 's1', metricId: 'reviews.negative-rate', numerator: 1n, denominator: 3n },
    ]);
    expect(seen).toEqual([
      ...parameterStatements('clickhouse', '2026-11-23'),
      ...sqlStatements(sqlScripts.clickhouse.metrics),
    ]);
  });
});
