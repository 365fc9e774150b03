import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { CSV_FIELDS, type CsvCollection, readStoreDir } from '../../src/node/index.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { folder as inFolder, issuesOf, scratch } from './_helpers.js';

const root = scratch('jwv-csv-');
const folder = (files: Record<string, string>): string => inFolder(root, files);
const cell = (v: unknown): string =>
  v === undefined || v === null ? '' : `"${String(v).replaceAll('"', '""')}"`;
const csv = (header: readonly string[], rows: readonly Record<string, unknown>[]): string =>
  [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n');

describe('readStoreDir: CSV folders', () => {
  it('reads the sample store written as CSV files exactly as parseStoreData reads the JSON', async () => {
    const sample = JSON.parse(readFileSync('examples/sample-store.json', 'utf8'));
    const files: Record<string, string> = { 'store.json': JSON.stringify(sample.store) };
    for (const name of Object.keys(CSV_FIELDS) as CsvCollection[]) {
      if (name === 'chatMessages') continue;
      files[`${name}.csv`] = csv(CSV_FIELDS[name], sample[name]);
    }
    const messages = (
      sample.chatSessions as { id: string; messages: { from: string; at: string }[] }[]
    ).flatMap((s) => s.messages.map((m) => ({ sessionId: s.id, ...m })));
    files['chatMessages.csv'] = csv(CSV_FIELDS.chatMessages, messages);
    const data = await readStoreDir(folder(files));
    expect(data).toEqual(parseStoreData(sample));
  });

  it('maps Chinese headers and cell texts through mapping.json', async () => {
    const mapping = {
      files: { orders: '订单.csv', serviceOrders: '售后单.csv' },
      columns: {
        orders: {
          订单编号: 'id',
          下单账号: 'customerId',
          下单时间: 'placedAt',
          付款时间: 'paidAt',
          货到付款: 'cashOnDelivery',
          应付金额: 'amount',
          商品数量: 'units',
        },
        serviceOrders: {
          服务单号: 'id',
          订单编号: 'orderId',
          服务类型: 'type',
          申请原因: 'reason',
          申请时间: 'appliedAt',
          审核时间: 'approvedAt',
        },
      },
      values: {
        orders: { cashOnDelivery: { 是: true, 否: false } },
        serviceOrders: {
          type: { 退货: 'return', 换货: 'exchange', 维修: 'repair' },
          reason: { 质量问题: 'quality', 七天无理由: 'no-reason' },
        },
      },
      // A column left unread must be named: an unknown header is an issue otherwise.
      ignore: { orders: ['备注'] },
    };
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'mapping.json': JSON.stringify(mapping),
      '订单.csv': [
        '订单编号,下单账号,下单时间,付款时间,货到付款,应付金额,商品数量,备注',
        'o1,c1,2026-11-01 09:00:00,2026-11-01 09:01:00,否,19.90,2,"送货前请来电, 谢谢"',
        'o2,c2,2026-11-01 10:00:00,,是,"1,000.00",,',
      ].join('\r\n'),
      '售后单.csv': [
        '服务单号,订单编号,服务类型,申请原因,申请时间,审核时间',
        'as1,o1,退货,质量问题,2026-11-03 10:00:00,1793764800000',
      ].join('\n'),
    });
    const issues = await issuesOf(dir);
    // "1,000.00" is not money in yuan: the schema words it, at its file and line.
    expect(issues).toEqual([
      '订单.csv:3.amount: expected money in yuan with at most two decimals (plain decimal digits, like "19.99"), found "1,000.00"',
    ]);
    writeFileSync(
      join(dir, '订单.csv'),
      [
        '订单编号,下单账号,下单时间,付款时间,货到付款,应付金额,商品数量,备注',
        'o1,c1,2026-11-01 09:00:00,2026-11-01 09:01:00,否,19.90,2,"送货前请来电, 谢谢"',
        'o2,c2,2026-11-01 10:00:00,,是,1000.00,,',
      ].join('\r\n'),
    );
    const data = await readStoreDir(dir);
    expect(data.orders).toEqual(
      parseStoreData({
        store: { id: 's1' },
        orders: [
          {
            id: 'o1',
            customerId: 'c1',
            placedAt: '2026-11-01 09:00:00',
            paidAt: '2026-11-01 09:01:00',
            cashOnDelivery: false,
            amount: '19.90',
            units: 2,
          },
          {
            id: 'o2',
            customerId: 'c2',
            placedAt: '2026-11-01 10:00:00',
            cashOnDelivery: true,
            amount: '1000.00',
          },
        ],
      }).orders,
    );
    expect(data.serviceOrders[0]).toMatchObject({
      id: 'as1',
      type: 'return',
      reason: 'quality',
      approvedAt: 1793764800000,
    });
  });

  it('names file and line: rows, messages, headers, mapping and files', async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'mapping.json': JSON.stringify({
        columns: { reviews: { 星级: 'stars', 评价时间: 'createdAt' } },
      }),
      'chatSessions.csv': 'id,customerId\nS1,c1\nS2,c2\n',
      'chatMessages.csv': [
        'sessionId,from,at',
        'S1,customer,2026-11-01 09:00:00',
        'S1,agent,soon',
        'S9,customer,2026-11-01 09:00:00',
        ',customer,2026-11-01 09:00:00',
        'S1,agent',
      ].join('\n'),
      'reviews.csv': 'id,customerId,createdAt,stars\nr1,c1,2026-11-02 10:00:00,five\n',
      'orders.csv': 'id\n',
      'orders.jsonl': '',
      'notes.csv': 'a\n1\n',
    });
    expect(await issuesOf(dir)).toEqual([
      'orders.csv: expected one file for orders, found both orders.jsonl and orders.csv',
      'notes.csv: expected a collection file named one of chatSessions.jsonl, orders.jsonl, reviews.jsonl, serviceOrders.jsonl, disputes.jsonl, assuredServices.jsonl (or .csv, or named in the mapping), found "notes.csv"',
      "chatMessages.csv:5.sessionId: expected the id of the message's session, found nothing",
      'chatMessages.csv:6: expected 3 cells as in the header, found 2',
      expect.stringMatching(/^chatMessages\.csv:3\.at: expected an instant/),
      expect.stringMatching(/^chatSessions\.csv:3\.messages: expected /),
      expect.stringMatching(
        /^reviews\.csv:1: expected the header "星级" given in the mapping, found the headers "id", "customerId", "createdAt", "stars"$/,
      ),
      expect.stringMatching(/^reviews\.csv:1: expected the header "评价时间" given in the mapping/),
      expect.stringMatching(/^reviews\.csv:2\.stars: expected/),
      'chatMessages.csv:4.sessionId: expected the id of a chat session in the chat sessions\' CSV file, found "S9" (no such session; 1 message(s))',
    ]);
  });

  it('a bad mapping is reported, and a file the mapping names must exist; broken quoting is an issue', async () => {
    expect(
      await issuesOf(
        folder({ 'store.json': '{"id":"s1"}', 'mapping.json': '{"files":{"refunds":"r.csv"}}' }),
      ),
    ).toEqual([
      'mapping.json.files.refunds: expected a collection: one of chatMessages, chatSessions, orders, reviews, serviceOrders, disputes, assuredServices, found "refunds"',
    ]);
    expect(
      await issuesOf(
        folder({
          'store.json': '{"id":"s1"}',
          'mapping.json': JSON.stringify({
            columns: { disputes: { x: 'verdict' } },
            values: { orders: { cashOnDelivery: ['是'] } },
          }),
        }),
      ),
    ).toEqual([
      'mapping.json.values.orders.cashOnDelivery: expected { cell text: value }, found an array',
    ]);
    expect(
      await issuesOf(
        folder({
          'store.json': '{"id":"s1"}',
          'mapping.json': JSON.stringify({ columns: { disputes: { x: 'verdict' } } }),
        }),
      ),
    ).toEqual([
      'mapping.json.columns.disputes.x: expected a field of disputes: one of id, orderId, openedAt, ruling, ruledAt, appealUpheldAt, found "verdict"',
    ]);
    expect(
      await issuesOf(
        folder({ 'store.json': '{"id":"s1"}', 'mapping.json': '{"files":{"orders":"订单.csv"}}' }),
      ),
    ).toEqual([
      '订单.csv: expected the file "订单.csv" named in the mapping for orders, found no such file',
    ]);
    expect(await issuesOf(folder({ 'store.json': '{"id":"s1"}', 'mapping.json': '[' }))).toEqual([
      expect.stringMatching(/^mapping\.json: expected JSON, found a syntax error/),
    ]);
    const broken = await issuesOf(
      folder({
        'store.json': '{"id":"s1"}',
        'orders.csv': 'id,customerId\n"o1,c1\n',
      }),
    );
    expect(broken).toEqual([
      'orders.csv:2: expected a closing quote for a cell of the row starting here, found the end of the file',
    ]);
  });

  it('takes the mapping from the option over mapping.json', async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'mapping.json': '{"columns":{"orders":{"nope":"id"}}}',
      'orders.csv': '单号,客户,下单时间,金额\no1,c1,2026-11-01 09:00:00,5\n',
    });
    const data = await readStoreDir(dir, {
      mapping: {
        columns: {
          orders: { 单号: 'id', 客户: 'customerId', 下单时间: 'placedAt', 金额: 'amount' },
        },
      },
    });
    expect(data.orders.map((o) => [o.id, o.amountFen])).toEqual([['o1', 500]]);
  });

  it('the CLI scores a CSV folder with --mapping', async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'orders.csv':
        '单号,客户,下单时间,付款时间,金额\no1,c1,2026-11-15 09:00:00,2026-11-15 09:05:00,5\no2,c1,2026-11-22 09:00:00,,5\n',
      // An empty disputes file: none (without it, the dispute rate would be not provided).
      'disputes.jsonl': '',
    });
    const mappingFile = join(root, 'm.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        columns: {
          orders: {
            单号: 'id',
            客户: 'customerId',
            下单时间: 'placedAt',
            付款时间: 'paidAt',
            金额: 'amount',
          },
        },
      }),
    );
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s) };
    const args = ['score', dir, '--as-of', '2026-11-23', '--json', '--mapping', mappingFile];
    expect(await runCli(args, io)).toBe(0);
    // Every collection without a file is named (not provided), and the empty disputes file.
    expect(
      err
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).warning.code),
    ).toEqual([
      'absent-collection',
      'absent-collection',
      'absent-collection',
      'absent-collection',
      'empty-file',
    ]);
    err = '';
    expect(JSON.parse(out).metrics['disputes.dispute-rate'].denominator).toBe('1');
    expect(await runCli(['score', dir, '--as-of', '2026-11-23'], io)).toBe(1);
    expect(err).toContain('orders.csv:2.id: expected a non-empty string id, found nothing');
  });
});
