import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, InvalidInputError } from '../../src/errors.js';
import {
  type ReadStoreDirOptions,
  readStoreDir,
  type StoreDirWarning,
} from '../../src/node/index.js';
import { folder as inFolder, issuesOf, scratch } from './_helpers.js';

const root = scratch('jwv-doors-');
const folder = (files: Record<string, string | Uint8Array>): string => {
  const dir = inFolder(root, {});
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};
const STORE = '{"id":"s1"}';
const order = (id: string, extra = ''): string =>
  `{"id":"${id}","customerId":"c1","placedAt":"2026-11-01 09:00:00","amount":5${extra}}`;
const ORDERS_CSV = 'id,customerId,placedAt,amount\no1,c1,2026-11-01 09:00:00,5\n';

/** Every message of a rejection, whatever its kind, as one string. */
async function everyMessage(dir: string, options?: ReadStoreDirOptions): Promise<string> {
  try {
    await readStoreDir(dir, options);
  } catch (e) {
    const issues = e instanceof InvalidInputError ? JSON.stringify(e.issues) : '';
    return `${(e as Error).name} ${(e as Error).message} ${issues}`;
  }
  return '';
}

/** The warnings `readStoreDir` reports, as `kind path: message` lines. */
async function warningsOf(dir: string, options?: ReadStoreDirOptions): Promise<string[]> {
  const seen: StoreDirWarning[] = [];
  await readStoreDir(dir, { ...options, onWarning: (w) => seen.push(w) });
  return seen.map((w) => `${w.kind} ${w.path}: ${w.message}`);
}

const REFUSED = 'expected a regular file inside the store folder, found';

describe('readStoreDir reads only regular files inside the folder', () => {
  it('a link to a file outside the folder is one issue, and nothing of the file is quoted', async () => {
    const dir = folder({ 'store.json': STORE });
    symlinkSync('/etc/passwd', join(dir, 'orders.jsonl'));
    expect(await issuesOf(dir)).toEqual([
      `orders.jsonl: ${REFUSED} a symbolic link to a file outside the folder; it was not read`,
    ]);
    expect(await everyMessage(dir)).not.toMatch(/root:|\/etc/);
    const csvDir = folder({ 'store.json': STORE });
    symlinkSync('/etc/passwd', join(csvDir, 'orders.csv'));
    expect(await everyMessage(csvDir)).not.toContain('root:');
  });

  it('/dev/zero linked as a collection, and a link out for store.json or mapping.json, are refused unread', async () => {
    const dir = folder({ 'store.json': STORE });
    symlinkSync('/dev/zero', join(dir, 'orders.jsonl'));
    symlinkSync('/etc/hostname', join(dir, 'mapping.json'));
    expect(await issuesOf(dir)).toEqual([
      `mapping.json: ${REFUSED} a symbolic link to a file outside the folder; it was not read`,
      `orders.jsonl: ${REFUSED} a symbolic link to a file outside the folder; it was not read`,
    ]);
    const store = folder({});
    symlinkSync('/etc/passwd', join(store, 'store.json'));
    expect(await issuesOf(store)).toEqual([
      `store.json: ${REFUSED} a symbolic link to a file outside the folder; it was not read`,
    ]);
  });

  it('a folder named orders.csv or orders.jsonl is an issue, not a crash of the process', async () => {
    for (const name of ['orders.csv', 'orders.jsonl']) {
      const dir = folder({ 'store.json': STORE });
      mkdirSync(join(dir, name));
      expect(await issuesOf(dir)).toEqual([`${name}: ${REFUSED} a folder; it was not read`]);
    }
  });

  it('a dangling link and a link loop are one issue each', async () => {
    const dir = folder({ 'store.json': STORE });
    symlinkSync(join(dir, 'gone.jsonl'), join(dir, 'orders.jsonl'));
    symlinkSync(join(dir, 'reviews.jsonl'), join(dir, 'reviews.jsonl'));
    expect(await issuesOf(dir)).toEqual([
      `orders.jsonl: ${REFUSED} a symbolic link to nothing (dangling); it was not read`,
      `reviews.jsonl: ${REFUSED} a symbolic link that leads back to itself (a loop); it was not read`,
    ]);
  });

  it('a named pipe under a collection name is refused without hanging', async () => {
    const dir = folder({ 'store.json': STORE });
    execFileSync('mkfifo', [join(dir, 'orders.jsonl')]);
    expect(await issuesOf(dir)).toEqual([
      `orders.jsonl: ${REFUSED} a named pipe (FIFO); it was not read`,
    ]);
  });

  it('a link to a file inside the folder is read, and so is a folder reached by a link', async () => {
    const dir = folder({ 'store.json': STORE, 'export.jsonl.txt': order('o1') });
    symlinkSync('export.jsonl.txt', join(dir, 'orders.jsonl'));
    const data = await readStoreDir(dir);
    expect(data.orders.map((o) => o.id)).toEqual(['o1']);
    const link = join(root, `link-${Date.now()}`);
    symlinkSync(dir, link);
    expect((await readStoreDir(link)).orders.map((o) => o.id)).toEqual(['o1']);
  });

  it('a store.json or mapping.json over maxJsonBytes is an issue; a bad option an ArgumentError', async () => {
    const text = `{"id":"s1","name":"${'x'.repeat(200)}"}`;
    const dir = folder({ 'store.json': text });
    expect(await issuesOf(dir, { maxJsonBytes: 100 })).toEqual([
      `store.json: expected at most 100 bytes (the maxJsonBytes option), found ${text.length}`,
    ]);
    expect((await readStoreDir(dir, { maxJsonBytes: text.length })).store.id).toBe('s1');
    await expect(readStoreDir(dir, { maxJsonBytes: 0 })).rejects.toThrow(ArgumentError);
    await expect(readStoreDir(dir, { encoding: 'klingon' })).rejects.toThrow(
      'expected an encoding TextDecoder knows (utf-8, gb18030, gbk, big5, utf-16le, …), found "klingon"',
    );
  });
});

describe('readStoreDir accounts for every file', () => {
  it.each([
    ['orders.json', 'orders.jsonl'],
    ['orders.ndjson', 'orders.jsonl'],
    ['Orders.JSONL', 'orders.jsonl'],
    ['ORDERS.csv', 'orders.csv'],
  ])('%s is an issue saying %s', async (name, meant) => {
    const dir = folder({ 'store.json': STORE, [name]: order('o1') });
    expect(await issuesOf(dir)).toEqual([
      `${name}: expected a collection file named one of chatSessions.jsonl, orders.jsonl, reviews.jsonl, serviceOrders.jsonl, disputes.jsonl, assuredServices.jsonl (or .csv, or named in the mapping), found "${name}": did you mean "${meant}"?`,
    ]);
  });

  it('other files, absent collections and empty files are warnings', async () => {
    const dir = folder({
      'store.json': STORE,
      'orders.jsonl': order('o1'),
      'reviews.jsonl': '\n  \n',
      'disputes.csv': 'id,orderId,openedAt\n',
      'README.md': 'notes',
      'orders.jsonl.bak': order('o0'),
    });
    expect(await warningsOf(dir)).toEqual([
      'absent-collection chatSessions.jsonl: expected chatSessions.jsonl or chatSessions.csv, found neither: chatSessions not provided',
      'absent-collection serviceOrders.jsonl: expected serviceOrders.jsonl or serviceOrders.csv, found neither: serviceOrders not provided',
      'absent-collection assuredServices.jsonl: expected assuredServices.jsonl or assuredServices.csv, found neither: assuredServices not provided',
      'unknown-file README.md: expected only the store\'s files, found "README.md": not read',
      'unknown-file orders.jsonl.bak: expected only the store\'s files, found "orders.jsonl.bak": did you mean "orders.jsonl"?: not read',
      'empty-file reviews.jsonl: expected records in reviews.jsonl, found none: read as no reviews (an empty collection)',
      'empty-file disputes.csv: expected records in disputes.csv, found none: read as no disputes (an empty collection)',
    ]);
  });
});

describe('readStoreDir accounts for every CSV column', () => {
  it('a header neither a field nor mapped is an issue with the field it resembles, unless ignored', async () => {
    const text =
      'id,customerId,placedAt,amount,deliverdAt,签收时间\no1,c1,2026-11-01 09:00:00,5,,\n';
    const dir = folder({ 'store.json': STORE, 'orders.csv': text });
    expect(await issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^orders\.csv:1: expected a header that is a field of orders \(id, .*\), mapped in the mapping's columns or listed in its ignore, found "deliverdAt": did you mean "deliveredAt"\?$/,
      ),
      expect.stringMatching(/found "签收时间"$/),
    ]);
    const data = await readStoreDir(dir, {
      mapping: { columns: { orders: { 签收时间: 'deliveredAt', deliverdAt: 'collectedAt' } } },
    });
    expect(data.orders).toHaveLength(1);
    const ignored = await readStoreDir(dir, {
      mapping: { ignore: { orders: ['deliverdAt', '签收时间'] } },
    });
    expect(ignored.orders).toHaveLength(1);
  });

  it('the ignore key is checked like the rest of the mapping', async () => {
    const dir = folder({ 'store.json': STORE, 'orders.csv': ORDERS_CSV });
    expect(
      await issuesOf(dir, {
        mapping: {
          columns: { orders: { 备注: 'id' } },
          ignore: { orders: ['备注'], refunds: [] } as never,
        },
      }),
    ).toEqual([
      'mapping.ignore.orders[0]: expected a header either mapped in columns or ignored, found "备注" in both',
      'mapping.ignore.refunds: expected a collection: one of chatMessages, chatSessions, orders, reviews, serviceOrders, disputes, assuredServices, found "refunds"',
    ]);
    expect(await issuesOf(dir, { mapping: { ignore: { orders: '备注' } } as never })).toEqual([
      'mapping.ignore.orders: expected an array of headers, found "备注"',
    ]);
    expect(await issuesOf(dir, { mapping: { ignores: { orders: ['备注'] } } as never })).toEqual([
      'mapping.ignores: expected a field of a mapping, found unknown "ignores": did you mean "ignore"?',
    ]);
  });

  it('a header given twice, or two columns on one field, is an issue', async () => {
    const twice = folder({
      'store.json': STORE,
      'orders.csv': 'id,customerId,placedAt,amount,amount\no1,c1,2026-11-01 09:00:00,5,6\n',
    });
    expect(await issuesOf(twice)).toEqual([
      'orders.csv:1: expected each header once, found "amount" in columns 4 and 5',
    ]);
    const two = folder({
      'store.json': STORE,
      'orders.csv': 'id,customerId,placedAt,amount,实付金额\no1,c1,2026-11-01 09:00:00,5,6\n',
    });
    expect(
      await issuesOf(two, { mapping: { columns: { orders: { 实付金额: 'amount' } } } }),
    ).toEqual([
      'orders.csv:1: expected one column for the field amount, found two: "amount" (column 4) and "实付金额" (column 5)',
    ]);
  });

  it.each([
    [';', 'semicolons (;)'],
    ['\t', 'tabs'],
    ['|', 'vertical bars (|)'],
  ])('a file split by %j names its delimiter', async (d, words) => {
    const dir = folder({ 'store.json': STORE, 'orders.csv': ORDERS_CSV.replaceAll(',', d) });
    expect(await issuesOf(dir)).toEqual([
      `orders.csv:1: expected comma-separated values, found a header separated by ${words}: save the file as CSV with commas`,
    ]);
  });

  it('a one-column file is read as one; a stray quote is named where it is', async () => {
    const one = folder({ 'store.json': STORE, 'orders.csv': 'id\no1\n' });
    expect(await issuesOf(one)).toEqual([
      'orders.csv:2.customerId: expected a non-empty string id, found nothing',
      expect.stringMatching(/^orders\.csv:2\.placedAt: /),
      expect.stringMatching(/^orders\.csv:2\.amount: /),
    ]);
    const quote = folder({ 'store.json': STORE, 'orders.csv': 'id,customerId\no1,c"1"\n' });
    expect(await issuesOf(quote)).toEqual([
      expect.stringMatching(/^orders\.csv:2: expected CSV, found an error: Invalid Opening Quote/),
    ]);
  });

  it('a problem in a quoted row spanning lines is named at its first line', async () => {
    const dir = folder({
      'store.json': STORE,
      'orders.csv':
        'id,customerId,placedAt,amount\n"o\n1",c1,2026-11-01 09:00:00,5\n\no2,"c\n2",soon,5\n',
    });
    expect(await issuesOf(dir)).toEqual([
      expect.stringMatching(/^orders\.csv:5\.placedAt: expected an instant/),
    ]);
  });
});

describe('readStoreDir reads the encodings people have', () => {
  // 订单编号,下单账号,下单时间,应付金额 / o1,张三,2026/11/3 9:05,5 in GB18030, as Excel saves it.
  const GBK_HEADER = [
    [0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5],
    [0xcf, 0xc2, 0xb5, 0xa5, 0xd5, 0xcb, 0xba, 0xc5],
    [0xcf, 0xc2, 0xb5, 0xa5, 0xca, 0xb1, 0xbc, 0xe4],
    [0xd3, 0xa6, 0xb8, 0xb6, 0xbd, 0xf0, 0xb6, 0xee],
  ];
  const comma = [0x2c];
  const gbk = Uint8Array.from([
    ...GBK_HEADER.flatMap((h, i) => (i === 0 ? h : [...comma, ...h])),
    0x0d,
    0x0a,
    ...Buffer.from('o1,'),
    ...[0xd5, 0xc5, 0xc8, 0xfd],
    ...Buffer.from(',2026/11/3 9:05,5\r\n'),
  ]);
  const mapping = {
    columns: {
      orders: { 订单编号: 'id', 下单账号: 'customerId', 下单时间: 'placedAt', 应付金额: 'amount' },
    },
  };

  it('a GBK file is one issue naming GB18030 and the fix; with the encoding it reads', async () => {
    const dir = folder({ 'store.json': STORE, 'orders.csv': gbk });
    expect(await issuesOf(dir, { mapping })).toEqual([
      "orders.csv: expected text in UTF-8, found bytes that are not (they look like GB18030 (GBK), as Excel saves CSV on Chinese Windows): read it with { encoding: 'gb18030' } (CLI: --encoding gb18030), or save it as UTF-8",
    ]);
    const data = await readStoreDir(dir, { mapping, encoding: 'gb18030' });
    expect(
      data.orders.map((o) => [o.id, o.customerId, new Date(o.placedAt).toISOString()]),
    ).toEqual([['o1', '张三', '2026-11-03T01:05:00.000Z']]);
  });

  it('a UTF-16 file is one issue naming it, without its control bytes; with the encoding it reads', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORDERS_CSV, 'utf16le')]);
    const dir = folder({ 'store.json': STORE, 'orders.csv': utf16 });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      "orders.csv: expected text in UTF-8, found bytes that are not (they look like UTF-16LE): read it with { encoding: 'utf-16le' } (CLI: --encoding utf-16le), or save it as UTF-8",
    ]);
    expect((await readStoreDir(dir, { encoding: 'utf-16le' })).orders).toHaveLength(1);
    const lines = folder({
      'store.json': STORE,
      'orders.jsonl': Buffer.from(order('o1'), 'utf16le'),
    });
    expect(await issuesOf(lines)).toEqual([
      'orders.jsonl: expected text in UTF-8, found bytes that are not (they look like UTF-16LE): save the file as UTF-8 (iconv -f utf-16le -t utf-8)',
    ]);
  });

  it('a byte order mark is accepted on store.json, mapping.json and every collection file', async () => {
    const bom = '\ufeff';
    const dir = folder({
      'store.json': `${bom}${STORE}`,
      'mapping.json': `${bom}{"columns":{"orders":{"单号":"id"}}}`,
      'orders.csv': `${bom}${ORDERS_CSV.replace('id', '单号')}`,
      'reviews.jsonl': `${bom}{"id":"r1","customerId":"c1","createdAt":"2026-11-02 10:00:00","stars":5}\n`,
    });
    const data = await readStoreDir(dir, { encoding: 'gb18030' });
    expect([data.store.id, data.orders[0]?.id, data.reviews[0]?.id]).toEqual(['s1', 'o1', 'r1']);
  });

  it('a JSON syntax error shows control characters as escapes', async () => {
    const dir = folder({ 'store.json': '{"id": x\u001b[2J}', 'orders.jsonl': 'o1\u0007\n' });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([expect.stringContaining('\\x1b[2J'), expect.stringContaining('\\x07')]);
    expect([...issues.join('')].some((c) => c.charCodeAt(0) < 32)).toBe(false);
  });
});

describe('readStoreDir({ lenient: true }) sets bad records aside', () => {
  it('keeps the good records, lists the bad ones with their issues, and those that name them', async () => {
    const dir = folder({
      'store.json': STORE,
      'orders.jsonl': [order('o1'), order('o2', ',"amount":1.005'), '{oops', order('o1')].join(
        '\n',
      ),
      'reviews.csv':
        'id,customerId,orderId,createdAt,stars\nr1,c1,o2,2026-11-02 10:00:00,5\nr2,c1,o1,2026-11-02 10:00:00,5\nr3,c1\n',
    });
    await expect(readStoreDir(dir)).rejects.toThrow(InvalidInputError);
    const { data, rejected } = await readStoreDir(dir, { lenient: true });
    expect(data.orders.map((o) => o.id)).toEqual(['o1']);
    expect(data.reviews.map((r) => r.id)).toEqual(['r2']);
    expect(
      rejected.map((r) => [r.collection, r.file, r.line, r.issues.map((i) => i.path)]),
    ).toEqual([
      ['orders', 'orders.jsonl', 3, ['orders.jsonl:3']],
      ['reviews', 'reviews.csv', 4, ['reviews.csv:4']],
      ['orders', 'orders.jsonl', 2, ['orders.jsonl:2.amount']],
      ['orders', 'orders.jsonl', 4, ['orders.jsonl:4.id']],
      ['reviews', 'reviews.csv', 2, ['reviews.csv:2.orderId']],
    ]);
    expect(rejected.at(-1)?.issues[0]?.message).toBe(
      'expected the id of an accepted order, found "o2" (orders.jsonl:2 was set aside)',
    );
    expect(rejected[0]?.record).toBe('{oops');
  });

  it('a record with several problems across records is set aside once, with all of them', async () => {
    const review = (id: string, orderId: string): string =>
      `{"id":"${id}","customerId":"c1","orderId":"${orderId}","createdAt":"2026-11-02 10:00:00","stars":5}`;
    const dir = folder({
      'store.json': STORE,
      'orders.jsonl': order('o1'),
      'reviews.jsonl': [review('r1', 'o1'), review('r1', 'o9')].join('\n'),
      'assuredServices.jsonl': '{"service":"teleportation","enabledAt":"2026-11-01 09:00:00"}\n',
    });
    const { data, rejected } = await readStoreDir(dir, { lenient: true });
    expect(data.reviews.map((r) => r.id)).toEqual(['r1']);
    expect(data.assuredServices).toEqual([]);
    expect(rejected.map((r) => [r.file, r.line, r.issues.map((i) => i.path)])).toEqual([
      ['assuredServices.jsonl', 1, ['assuredServices.jsonl:1.service']],
      ['reviews.jsonl', 2, ['reviews.jsonl:2.id', 'reviews.jsonl:2.orderId']],
    ]);
  });

  it('without bad records the result holds every record and none set aside', async () => {
    const dir = folder({ 'store.json': STORE, 'orders.jsonl': order('o1') });
    const { data, rejected } = await readStoreDir(dir, { lenient: true });
    expect([data.orders.length, rejected]).toEqual([1, []]);
    await expect(readStoreDir(dir, { lenient: 'yes' as never })).rejects.toThrow(
      'expected lenient as true or false, found yes',
    );
  });

  it('a problem of a file still refuses the store', async () => {
    const dir = folder({ 'store.json': STORE, 'orders.csv': 'id;customerId\n' });
    await expect(readStoreDir(dir, { lenient: true })).rejects.toThrow(InvalidInputError);
  });
});
