import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as sqlEntry from '../../src/sql/index.js';
import {
  metricSqlParameters,
  parameterStatements,
  sqlScripts,
  sqlStatements,
} from '../../src/sql/index.js';

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('jd-weather-vane/sql', () => {
  it('holds the SQL of sql/<dialect>/ exactly (npm run sql:generate after editing a .sql file)', () => {
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      expect(sqlScripts[dialect].schema).toBe(file(`sql/${dialect}/schema.sql`));
      expect(sqlScripts[dialect].loadJsonl).toBe(file(`sql/${dialect}/load_jsonl.sql`));
      expect(sqlScripts[dialect].metrics).toBe(file(`sql/${dialect}/metrics.sql`));
    }
  });

  it('has the same statements, tables and result in both dialects', () => {
    const created = (text: string) =>
      sqlStatements(text).map((s) => /CREATE (?:OR REPLACE )?(?:TEMP )?TABLE (\w+)/.exec(s)?.[1]);
    expect(created(sqlScripts.clickhouse.metrics)).toEqual(created(sqlScripts.duckdb.metrics));
    const tables = (text: string) =>
      sqlStatements(text).map((s) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1]);
    expect(tables(sqlScripts.clickhouse.schema)).toEqual([...sqlEntry.SQL_TABLES]);
    expect(tables(sqlScripts.duckdb.schema)).toEqual([...sqlEntry.SQL_TABLES]);
  });

  it('is shipped: package.json exports ./sql and lists the .sql files', () => {
    const pkg = JSON.parse(file('package.json'));
    expect(pkg.exports['./sql'].import.default).toBe('./dist/sql.js');
    expect(pkg.exports['./sql'].require.default).toBe('./dist/sql.cjs');
    expect(pkg.files).toEqual(expect.arrayContaining(['sql/duckdb/*.sql', 'sql/clickhouse/*.sql']));
    expect(pkg.peerDependenciesMeta['@duckdb/node-api'].optional).toBe(true);
    expect(Object.keys(pkg.dependencies)).not.toContain('@duckdb/node-api');
  });

  it('lists exactly its runtime exports', () => {
    expect(Object.keys(sqlEntry).sort()).toEqual([
      'SQL_TABLES',
      'baseUnits',
      'clickHouseMetricTallies',
      'createClickHouseTables',
      'createTables',
      'loadClickHouseJsonlFolders',
      'loadClickHouseStores',
      'loadJsonlFolders',
      'loadStores',
      'metricSqlParameters',
      'metricTallies',
      'openDuckDb',
      'parameterStatements',
      'resultFromTally',
      'sqlScripts',
      'sqlStatements',
    ]);
  });

  it("is named, export by export, in the README's API section", () => {
    const readme = file('README.md');
    const api = readme.slice(readme.indexOf('## API'), readme.indexOf('## Docs'));
    expect(Object.keys(sqlEntry).filter((name) => !api.includes(`\`${name}\``))).toEqual([]);
  });

  it('fills the parameters from the rule set, not from literals in the SQL', () => {
    const { params, windows } = metricSqlParameters('2026-11-23');
    expect(params).toEqual({
      asOfMs: Date.UTC(2026, 10, 22, 16),
      tzOffsetMs: 28_800_000,
      assessmentFromHour: 8,
      assessmentToHour: 24,
      mergeGapMs: 600_000,
      responseMs: 30_000,
      robotRepliesCount: true,
      attributionMs: 86_400_000,
      latestPerCustomer: 20,
      handlingMs: 86_400_000,
      cutoffHour: 16,
      arrivalDays: 1,
    });
    expect(windows).toHaveLength(20);
    expect(windows.find((w) => w.metricId === 'reviews.good-rate')).toBeDefined();
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      expect(sqlScripts[dialect].metrics).not.toMatch(/\b(600000|30000|28800000)\b/);
      const [p, , insert] = parameterStatements(dialect, '2026-11-23');
      expect(p).toContain('1795363200000');
      expect(p).toContain('TRUE AS robot_replies_count');
      expect(insert).toContain("('consultation.response-rate-30s', 20745, 20774)");
    }
  });

  it('splits scripts on lines holding only a semicolon, dropping comment-only pieces', () => {
    expect(sqlStatements('-- a\nSELECT 1;\n;\n  \n-- only a comment\n;\nSELECT 2')).toEqual([
      '-- a\nSELECT 1;',
      'SELECT 2',
    ]);
  });
});
