/**
 * The CLI's own doors (issue 19, items 1, 6 and 7): nothing from the data reaches the
 * terminal raw, options that do not apply are refused, numbers are plain decimals, the
 * JSON input is a regular file or a pipe of bounded size, and `what-if`, `target` and
 * `score --values` warn and honour `--strict` as `score` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, escapeJsonForTerminal } from '../../src/_escape.js';
import { runCli } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'jwv-doors-'));
const file = (name: string, content: string | object) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const run = async (args: string[], stdin?: AsyncIterable<string | Uint8Array>) => {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    ...(stdin === undefined ? {} : { stdin }),
  });
  return { code, out, err, first: err.split('\n')[0] };
};
const sample = 'examples/sample-store.json';
const values = 'examples/sample-values.json';
const AS_OF = ['--as-of', '2026-11-23'];
const order = {
  id: 'o1',
  customerId: 'c',
  placedAt: '2026-11-01 09:00:00',
  paidAt: '2026-11-01 09:00:00',
  amount: '9.90',
};
/** Any byte a terminal acts on: ESC, BEL, CR, backspace, DEL, a C1 CSI, a bidi override. */
function acting(text: string): string[] {
  return [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return (
      (code < 0x20 && c !== '\n' && c !== '\t') ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    );
  });
}

describe('escapeForTerminal and escapeJsonForTerminal', () => {
  it('writes every acting character as an escape and keeps newlines, tabs and CJK', () => {
    expect(escapeForTerminal('店\x1b]0;owned\x07\r\nTotal\t9.99\x9b2J\u202e')).toBe(
      '店\\x1b]0;owned\\x07\\r\nTotal\t9.99\\x9b2J\\u202e',
    );
    expect(escapeForTerminal('plain 京东')).toBe('plain 京东');
    const json = JSON.stringify({ name: 'a\x1bb\x9bc\u2028d\u202ee' });
    const safe = escapeJsonForTerminal(json);
    expect(acting(safe)).toEqual([]);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });
});

describe('nothing from the data reaches the terminal raw (item 6)', () => {
  const hostile = {
    store: { id: 'evil\x1b[2J\x1b]0;pwned\x07', name: '店\r\nTotal 9.99\x1b[1A\x9b' },
    orders: [order],
  };
  const store = file('hostile.json', hostile);

  it.each([
    ['score', [store, ...AS_OF]],
    ['score --json', [store, ...AS_OF, '--json']],
    ['today', [store, '--at', '2026-11-22 10:00']],
    ['today --json', [store, '--at', '2026-11-22 10:00', '--json']],
    ['what-if', [store, ...AS_OF, '--open', 'freight-insurance']],
    ['target', [store, ...AS_OF, '--total', '9']],
  ])('%s prints the store name and id escaped', async (name, args) => {
    const r = await run([name.split(' ')[0] as string, ...args]);
    expect(r.code).toBe(0);
    expect(acting(r.out + r.err)).toEqual([]);
    if (name === 'score --json') {
      // Still exact JSON: the values read back are the data's.
      expect(JSON.parse(r.out).store).toEqual(hostile.store);
    } else if (name.endsWith('--json')) JSON.parse(r.out);
    else if (name === 'score') expect(r.out).toContain('evil\\x1b[2J\\x1b]0;pwned\\x07');
  });

  it('escapes a control character in a file name, a JSON syntax error and a bad value', async () => {
    const r = await run(['score', join(dir, 'no\x1b[31mpe.json'), ...AS_OF]);
    expect(r.code).toBe(2);
    expect(acting(r.err)).toEqual([]);
    expect(r.err).toContain('no\\u001b[31mpe.json');
    const syntax = await run(['score', file('syntax.json', '{"store":\x07}'), ...AS_OF]);
    expect(syntax.code).toBe(1);
    expect(acting(syntax.err)).toEqual([]);
    const badValue = await run([
      'score',
      file('bad-value.json', { store: { id: 's' }, orders: [{ ...order, placedAt: 'x\x1b[2J' }] }),
      ...AS_OF,
    ]);
    expect(badValue.code).toBe(1);
    expect(badValue.err).toContain('"x\\u001b[2J"');
    expect(acting(badValue.err)).toEqual([]);
  });

  it('a UTF-16 file is one issue naming its encoding, with no raw bytes in the message', async () => {
    const text = readFileSync(values, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const p = join(dir, 'utf16.json');
    writeFileSync(p, utf16);
    const r = await run(['score', p, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/they look like UTF-16LE\).*--encoding utf-16le/);
    expect(acting(r.err)).toEqual([]);
    expect(r.err).not.toContain('\u0000');
    const read = await run(['score', '--values', p, '--encoding', 'utf-16le', '--json']);
    expect(read.code).toBe(0);
  });

  it('a GB18030 file is named as such, and --encoding gb18030 reads it', async () => {
    // "京东" is BE A9 B6 AB in GB18030; the file holds it in a store name.
    const bytes = Buffer.concat([
      Buffer.from('{"store":{"id":"s","name":"'),
      Buffer.from([0xbe, 0xa9, 0xb6, 0xab]),
      Buffer.from('"},"orders":[]}'),
    ]);
    const p = join(dir, 'gbk.json');
    writeFileSync(p, bytes);
    const r = await run(['score', p, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/they look like GB18030 \(GBK\).*--encoding gb18030/);
    const ok = await run(['score', p, ...AS_OF, '--encoding', 'gb18030', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).store.name).toBe('京东');
  });
});

describe('the CLI says no to what it does not do (item 7)', () => {
  it.each([
    [
      ['score', sample, ...AS_OF, '--total', '9'],
      /^jd-weather-vane: --total does not apply to "score" \(it is an option of "target"\)$/,
    ],
    [
      ['today', sample, '--peers', 'examples/sample-peers.json'],
      /^jd-weather-vane: --peers does not apply to "today"/,
    ],
    [
      ['today', sample, '--as-of', '2026-11-22'],
      /^jd-weather-vane: --as-of does not apply to "today"/,
    ],
    [
      ['score', sample, ...AS_OF, '--at', '2026-11-22 10:00'],
      /^jd-weather-vane: --at does not apply to "score"/,
    ],
    [
      ['score', sample, ...AS_OF, '--mapping', values],
      /^jd-weather-vane: --mapping applies to a store folder/,
    ],
    [
      ['score', '--values', values, '--lenient'],
      /^jd-weather-vane: --lenient applies to store records, not to --values/,
    ],
    [
      ['what-if', sample, ...AS_OF, '--set', 'consultation.response-rate-30s=0x1'],
      /expected the value of --set consultation\.response-rate-30s as a plain decimal number, found "0x1"/,
    ],
    [
      ['what-if', sample, ...AS_OF, '--set', 'reviews.negative-rate=1e-3'],
      /as a plain decimal number, found "1e-3"/,
    ],
    [
      [
        'what-if',
        sample,
        ...AS_OF,
        '--set',
        'reviews.negative-rate=0.01',
        '--set',
        'reviews.negative-rate=0.02',
      ],
      /expected one --set for "reviews\.negative-rate", found two/,
    ],
    [
      ['what-if', sample, ...AS_OF, '--open', 'freight-insurance', '--close', 'freight-insurance'],
      /expected a service in --open or in --close, found "freight-insurance" in both/,
    ],
    [
      ['what-if', sample, ...AS_OF, '--open', 'freight-insurance', '--open', 'freight-insurance'],
      /found "freight-insurance" twice/,
    ],
    [
      ['target', sample, ...AS_OF, '--total', '0x9'],
      /expected --total as a plain decimal number, found "0x9"/,
    ],
    [['target', sample, ...AS_OF, '--total', 'Infinity'], /plain decimal number/],
    [
      ['target', sample, ...AS_OF, '--total', '9', '--score', '8'],
      /expected one target|expected --score N with --module <id> only/,
    ],
    [['today', sample, '--days', '1e1'], /expected --days as a whole number 1–366, found "1e1"/],
    [['score', sample, ...AS_OF, '--json=yes'], /expected --json without a value/],
    [['score', sample, ...AS_OF, '--max-json-mb', '0x10'], /--max-json-mb as a whole number/],
    [['score', sample, ...AS_OF, '--encoding', 'klingon'], /--encoding as a text encoding/],
  ])('refuses %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.first).toMatch(message);
    expect(r.err).not.toContain('Usage:');
  });

  it('a values file whose asOf contradicts --as-of is refused by score as by what-if', async () => {
    const s = await run(['score', '--values', values, '--as-of', '2020-01-01']);
    expect([s.code, s.first]).toEqual([
      2,
      'jd-weather-vane: expected --as-of to match the values file\'s asOf ("2026-11-23"), found 2020-01-01',
    ]);
    const w = await run(['what-if', values, '--as-of', '2020-01-01']);
    expect([w.code, w.first]).toEqual([2, s.first]);
    expect((await run(['score', '--values', values, '--as-of', '2026-11-23', '--json'])).code).toBe(
      0,
    );
  });

  it('what-if and target warn of an as-of day outside the data, and fail under --strict', async () => {
    const late = ['--as-of', '2027-06-01'];
    for (const extra of [
      ['what-if', sample, ...late],
      ['target', sample, ...late, '--total', '9'],
    ]) {
      const r = await run(extra);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(
        /^jd-weather-vane: warning: the as-of day 2027-06-01 is \d+ days after/,
      );
      const strict = await run([...extra, '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.first).toBe('jd-weather-vane: 1 warning(s), errors under --strict:');
      expect(strict.out).toBe('');
    }
  });

  it('per-command help lists only that command’s options', async () => {
    const r = await run(['today', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: jd-weather-vane today/);
    expect(r.out).toContain('--at INSTANT');
    expect(r.out).not.toContain('--as-of');
    expect(r.out).not.toContain('--total');
  });
});

describe('the JSON input is a regular file or a pipe of bounded size (item 1)', () => {
  it('refuses a device, stating what it found', async () => {
    const r = await run(['score', '/dev/zero', ...AS_OF]);
    expect([r.code, r.first]).toEqual([
      2,
      'jd-weather-vane: expected the store as a regular file or a pipe, found a character device "/dev/zero"',
    ]);
  });

  it('refuses a file or standard input over --max-json-mb, naming the limit', async () => {
    const big = file('big.json', `{"store":{"id":"s","name":"${'x'.repeat(1_200_000)}"}}`);
    const r = await run(['score', big, ...AS_OF, '--max-json-mb', '1']);
    expect(r.code).toBe(2);
    expect(r.first).toMatch(/at most 1 MB \(--max-json-mb\)/);
    const chunks = Array.from({ length: 3 }, () => 'x'.repeat(600_000));
    const s = await run(['score', '-', ...AS_OF, '--max-json-mb', '1'], Readable.from(chunks));
    expect(s.code).toBe(2);
    expect(s.first).toMatch(/standard input to be at most 1 MB/);
    expect((await run(['score', big, ...AS_OF, '--json'])).code).toBe(0);
  });

  it('reads a store from a pipe (process substitution) as from a file', () => {
    const r = spawnSync(
      'bash',
      ['-c', `node --import tsx src/cli/main.ts score <(cat ${sample}) --as-of 2026-11-23 --json`],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).store.id).toBe('jd-store-8');
  });
});

describe('--lenient on a .json store (item 8)', () => {
  it('scores the good records, counts and lists the ones set aside', async () => {
    const store = file('lenient.json', {
      store: { id: 's' },
      orders: [order, { ...order, id: 'o2', amount: -1 }, { ...order, id: 'o3', placedAt: 'soon' }],
      // None, not unknown: the dispute rate reads disputes too.
      disputes: [],
    });
    const strict = await run(['score', store, ...AS_OF]);
    expect(strict.code).toBe(1);
    const r = await run(['score', store, ...AS_OF, '--lenient']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^jd-weather-vane: warning: 2 record\(s\) set aside under --lenient/m);
    expect(r.err).toContain('orders[1].amount');
    expect(r.err).toContain('orders[2].placedAt');
    const j = await run(['score', store, ...AS_OF, '--lenient', '--json']);
    const warning = JSON.parse(j.err.trim().split('\n').at(-1) as string).warning;
    expect(warning.code).toBe('records-set-aside');
    expect(warning.rejected.map((x: { index: number }) => x.index)).toEqual([1, 2]);
    expect(JSON.parse(j.out).metrics['disputes.dispute-rate'].denominator).toBe('1');
    expect((await run(['score', store, ...AS_OF, '--lenient', '--strict'])).code).toBe(1);
  });
});

describe('--lang and the locale (issue 21)', () => {
  const runEnv = async (args: string[], env: Record<string, string>) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
    return { code, out, err };
  };

  it('--lang zh --help is Chinese, every option included', async () => {
    const r = await run(['--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法：jd-weather-vane score/);
    expect(r.out).toContain('评估日（上海时间）');
    expect(r.out).toContain('退出码：0 成功');
    for (const option of ['--as-of', '--peers', '--encoding', '--lenient', '--lang'])
      expect(r.out).toContain(option);
    const en = await run(['--help']);
    expect(en.out).toMatch(/^Usage: jd-weather-vane score/);
  });

  it('usage errors, warnings and the framing follow --lang or LANG; the issues keep their paths', async () => {
    const zh = await run(['score', sample, '--lang', 'zh', '--total', '9', ...AS_OF]);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(
      'jd-weather-vane: --total 不适用于 "score"（它是 "target" 的选项）\n' +
        "用法见 'jd-weather-vane score --help --lang zh'\n",
    );
    const env = await runEnv(['scor'], { LANG: 'zh_CN.UTF-8' });
    expect(env.err.split('\n')[0]).toBe(
      'jd-weather-vane: 需要命令 score、history、today、forecast、what-if、target、report，实际为 "scor"：是否要用 "score"？',
    );
    const overridden = await runEnv(['scor', '--lang', 'en'], { LC_ALL: 'zh_CN.UTF-8' });
    expect(overridden.err).toMatch(/^jd-weather-vane: expected the command/);
    const bad = await run(['score', file('zh-bad.json', { store: {} }), ...AS_OF, '--lang', 'zh']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^jd-weather-vane: 店铺数据有 1 处问题：\n {2}store\.id: /);
    const late = await run(['score', sample, '--as-of', '2027-06-01', '--lang', 'zh']);
    expect(late.err).toMatch(
      /^jd-weather-vane: 警告: 评估日 2027-06-01 比数据的最后一天 2026-11-22 晚 \d+ 天/,
    );
    expect((await run(['score', sample, ...AS_OF, '--lang', 'fr'])).err).toMatch(
      /^jd-weather-vane: expected --lang zh or en, found "fr"/,
    );
  });
});

describe('metrics and services by their Chinese names (issue 21)', () => {
  it('--set and --open take the Chinese name as the id', async () => {
    const byName = await run([
      'what-if',
      sample,
      ...AS_OF,
      '--set',
      '30秒应答率=0.92',
      '--open',
      '上门取件',
      '--json',
    ]);
    const byId = await run([
      'what-if',
      sample,
      ...AS_OF,
      '--set',
      'consultation.response-rate-30s=0.92',
      '--open',
      'door-pickup',
      '--json',
    ]);
    expect(byName.code).toBe(0);
    expect(byName.out).toBe(byId.out);
    expect(JSON.parse(byName.out).change).toEqual({
      metrics: { 'consultation.response-rate-30s': 0.92 },
      open: ['door-pickup'],
    });
  });

  it('a short metric id gets a did-you-mean; a name and its id are one metric', async () => {
    const r = await run(['what-if', sample, ...AS_OF, '--set', 'response-rate-30s=0.9']);
    expect([r.code, r.first]).toEqual([
      2,
      'jd-weather-vane: expected a metric id with its module, found "response-rate-30s": did you mean "consultation.response-rate-30s"?',
    ]);
    const twice = await run([
      'what-if',
      sample,
      ...AS_OF,
      '--set',
      '30秒应答率=0.9',
      '--set',
      'consultation.response-rate-30s=0.8',
    ]);
    expect(twice.first).toMatch(/expected one --set for "consultation\.response-rate-30s"/);
    const both = await run([
      'what-if',
      sample,
      ...AS_OF,
      '--open',
      '运费险',
      '--close',
      'freight-insurance',
    ]);
    expect(both.first).toMatch(/found "freight-insurance" in both/);
  });
});

describe('a scorecard read back from score --json (issue 19, item 5)', () => {
  it('what-if and target take it as the card it was, and refuse a contradicting --as-of', async () => {
    const card = file('card.json', (await run(['score', sample, ...AS_OF, '--json'])).out);
    const args = ['--set', '30秒应答率=0.92', '--json'];
    const fromCard = await run(['what-if', card, ...args]);
    const fromStore = await run(['what-if', sample, ...AS_OF, ...args]);
    expect(fromCard.code).toBe(0);
    expect(fromCard.out).toBe(fromStore.out);
    expect((await run(['target', card, '--total', '9', '--json'])).out).toBe(
      (await run(['target', sample, ...AS_OF, '--total', '9', '--json'])).out,
    );
    const other = await run(['what-if', card, '--as-of', '2026-11-20']);
    expect([other.code, other.first]).toEqual([
      2,
      'jd-weather-vane: expected --as-of to match the scorecard\'s asOf ("2026-11-23"), found 2026-11-20',
    ]);
    const edited = JSON.parse(readFileSync(card, 'utf8'));
    edited.total = 'NaN';
    const bad = await run(['what-if', file('edited.json', edited)]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^jd-weather-vane: invalid scorecard input, 1 issue\(s\):\n {2}total: /,
    );
  });
});

describe('folders through the CLI: warnings, --encoding, --lenient (issue 19)', () => {
  const folderOf = (name: string, files: Record<string, string | Buffer>) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    for (const [f, content] of Object.entries(files)) writeFileSync(join(d, f), content);
    return d;
  };
  const line = (o: object) => JSON.stringify(o);

  it('names the files it did not read and the collections without a file', async () => {
    const d = folderOf('warned', {
      'store.json': '{"id":"s"}',
      'orders.jsonl': line(order),
      'README.md': 'notes',
    });
    const r = await run(['score', d, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^jd-weather-vane: warning: README\.md: /m);
    expect(r.err).toMatch(/^jd-weather-vane: warning: reviews\.jsonl: .*reviews not provided/m);
    expect((await run(['score', d, ...AS_OF, '--strict'])).code).toBe(1);
  });

  it('reads a GB18030 CSV with --encoding gb18030, and names the encoding without it', async () => {
    // 订单编号 (order id) and 京东 as GB18030 bytes: the header and a customer id.
    const gbk = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');
    const csv = Buffer.concat([
      gbk('b6a9 b5a5 b1e0 bac5'),
      Buffer.from(',customerId,placedAt,paidAt,amount\no1,'),
      gbk('bea9 b6ab'),
      Buffer.from(',2026-11-01 09:00:00,2026-11-01 09:00:00,9.90\n'),
    ]);
    const d = folderOf('gbk', {
      'store.json': '{"id":"s"}',
      'orders.csv': csv,
      'disputes.jsonl': '',
      'mapping.json': JSON.stringify({ columns: { orders: { 订单编号: 'id' } } }),
    });
    const bad = await run(['score', d, ...AS_OF]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/orders\.csv: .*GB18030.*--encoding gb18030/);
    const ok = await run(['score', d, ...AS_OF, '--encoding', 'gb18030', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).metrics['disputes.dispute-rate'].denominator).toBe('1');
  });

  it('--lenient sets bad lines of a folder aside and scores the rest', async () => {
    const d = folderOf('lenient-dir', {
      'store.json': '{"id":"s"}',
      'orders.jsonl': [line(order), line({ ...order, id: 'o2', amount: -1 }), '{ nope'].join('\n'),
    });
    expect((await run(['score', d, ...AS_OF])).code).toBe(1);
    const r = await run(['score', d, ...AS_OF, '--lenient']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2 record\(s\) set aside under --lenient.*orders\.jsonl:2\.amount/);
  });
});

describe('--averages (issue 20, industry averages on the command line)', () => {
  it('scores with the averages given and shows 行业均值 beside each metric; a bad file is named', async () => {
    const averages = file('averages.json', {
      'consultation.response-rate-30s': 0.8,
      'reviews.negative-rate': 0.02,
    });
    const r = await run(['score', sample, ...AS_OF, '--averages', averages]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('行业均值 average');
    expect(r.out).toMatch(/30秒应答率 30-second response rate +84\.24% .* 80\.00% better/);
    const j = JSON.parse(
      (await run(['score', sample, ...AS_OF, '--averages', averages, '--json'])).out,
    );
    expect(j.metrics['reviews.negative-rate'].versusAverage.comparison).toBe('worse');
    expect(j.scoredWith.industryAverages).toBe(true);
    const h = await run([
      'history',
      sample,
      '--to',
      '2026-11-23',
      '--days',
      '2',
      '--averages',
      averages,
      '--json',
    ]);
    expect(h.code).toBe(0);
    const bad = await run([
      'score',
      sample,
      ...AS_OF,
      '--averages',
      file('bad-avg.json', { 'reviews.negative-rat': 2 }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^jd-weather-vane: invalid averages input, 1 issue\(s\):\n {2}reviews\.negative-rat: .*did you mean "reviews\.negative-rate"/,
    );
    const values = await run([
      'score',
      '--values',
      'examples/sample-values.json',
      '--averages',
      averages,
    ]);
    expect(values.code).toBe(0);
    expect(values.out).toMatch(/30秒应答率 30-second response rate .* 80\.00% better/);
  });
});
