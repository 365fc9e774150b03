import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAT_SESSION_SCAN_KEYS,
  MESSAGE_SCAN_KEYS,
  ORDER_SCAN_KEYS,
  REVIEW_SCAN_KEYS,
  scannedLineEnd,
  scanRecord,
} from '../../src/schemas/_scanRecords.js';
import { chatMessageSchema, chatSessionSchema } from '../../src/schemas/chatSession.js';
import { orderSchema } from '../../src/schemas/order.js';
import { parseRecord, RecordFailure } from '../../src/schemas/parse.js';
import { reviewSchema } from '../../src/schemas/review.js';

// The line scanners are an optimisation only: they may decline a line, but never take one
// that `JSON.parse` or the schema rejects, and what they take is exactly what
// `parseRecord(name, JSON.parse(line))` returns: the same keys, in the same order, the same
// values (`undefined` fields included).

type Scanned = 'orders' | 'chatSessions' | 'reviews';

/** Every key path of `v`, in order (arrays by index): `toStrictEqual` does not see key order. */
function keyOrder(v: unknown, at = ''): string[] {
  if (typeof v !== 'object' || v === null) return [];
  return Object.keys(v).flatMap((k) => [
    `${at}.${k}`,
    ...keyOrder((v as Record<string, unknown>)[k], `${at}.${k}`),
  ]);
}

/** What the slow path makes of the line: the record, a failure, or `undefined` (not JSON). */
function slow(name: Scanned, line: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  return parseRecord(name, raw);
}

/**
 * Checks the scanner against the slow path on `line` (also read open, in a longer text):
 * whether the scanner took it.
 */
function agrees(name: Scanned, line: string): boolean {
  const got = scanRecord(name, line);
  // Read open, in a chunk that runs on past the line, it takes the same, up to the line's LF.
  const open = scanRecord(name, `${line}\n{"id":`, 0, line.length + 7, true);
  if (got === undefined) {
    if (!line.includes('\n')) expect(open).toBeUndefined();
    return false;
  }
  const want = slow(name, line);
  expect(want).toBeDefined();
  expect(want).not.toBeInstanceOf(RecordFailure);
  expect(got).toStrictEqual(want);
  expect(keyOrder(got)).toEqual(keyOrder(want));
  expect(open).toStrictEqual(want);
  expect(scannedLineEnd()).toBe(line.length);
  return true;
}

const T0 = Date.UTC(2026, 10, 1, 1);

/** Whitespace between tokens: JSON's, LF included (a line has none: declined). */
const ws = fc.oneof(
  { arbitrary: fc.constant(''), weight: 40 },
  { arbitrary: fc.constantFrom(' ', '  ', '\t', '\r', ' \t\r '), weight: 8 },
  { arbitrary: fc.constant('\n'), weight: 1 },
);

/** The whitespace of a whole line: none, Python's `", "` and `": "`, or any. */
const style = fc.oneof(
  { arbitrary: fc.constant(['']), weight: 3 },
  { arbitrary: fc.constant(['', ' ']), weight: 1 },
  { arbitrary: fc.array(ws, { minLength: 64, maxLength: 64 }), weight: 2 },
);

/** A JSON number in every form the scanner must decline, and some it takes. */
const oddNumber = fc.constantFrom(
  '0',
  '-0',
  '01',
  '-1',
  '1.0',
  '1.5',
  '1e3',
  '1E3',
  '1.5e2',
  `${T0}.0`,
  `${T0}e0`,
  `-${T0}`,
  `0${T0}`,
  '123456789012345',
  '1234567890123456',
  '17608035690001234',
  '999999999999999',
  '1e400',
);

/** A string value in every form the scanner must decline, and some it takes. */
const oddString = fc.constantFrom(
  '"a\\"b"',
  '"a\\\\b"',
  '"\\u0041"',
  '"\\ud800"',
  '"\\/"',
  '"\ud800"',
  '"\udc00x"',
  '"é中文"',
  '"jd_😀"',
  '"tab\there"',
  '"cr\rhere"',
  '""',
  '"',
  '"unterminated',
  '"O0000000000000000001"',
);

const oddValue = fc.oneof(
  oddNumber,
  oddString,
  fc.constantFrom(
    'true',
    'false',
    'null',
    'tru',
    'nul',
    'falsey',
    'True',
    '{}',
    '[]',
    '{"a":1}',
    '[1,2]',
    '[{"from":"customer","at":1}]',
    '{"from":"customer"}',
    '',
  ),
);

/** An instant as JSON text, mostly `step` hours after T0 (so that events come in order). */
const instantAt = (step: number) =>
  fc.oneof(
    {
      arbitrary: fc
        .integer({ min: 0, max: 6 })
        .map((k) => String(T0 + step * 3_600_000 + k * 60_000)),
      weight: 20,
    },
    { arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => String(T0 + k * 3_600_000)), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '"2026-11-01 09:00:00"',
        '"2026-11-01T09:00:00+08:00"',
        '"2026-11-01T01:00:00.500Z"',
        '"2026-11-01 9:00"',
        '"2026-02-30 09:00:00"',
        '"2026-11-01\\u002009:00:00"',
        '"yesterday"',
        String(Date.UTC(1991, 0, 1)),
        String(Date.UTC(2100, 0, 2)),
      ),
      weight: 2,
    },
    { arbitrary: oddValue, weight: 1 },
  );

const optional = (a: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: fc.constant('null'), weight: 1 });

const id = fc.oneof(
  {
    arbitrary: fc.constantFrom('"O000000001"', '"c1"', '"jd_12d06a16"', '"jd_0123456789abcdef"'),
    weight: 10,
  },
  { arbitrary: oddValue, weight: 1 },
);

/** Fields as [key, JSON text]; absent ones left out. */
type Field = readonly [string, string];

/** The fields of a record in schema order, `required` ones mostly present, others or not. */
function fields(
  spec: Record<string, fc.Arbitrary<string>>,
  required: readonly string[] = ['id', 'customerId'],
): fc.Arbitrary<Field[]> {
  const entries = Object.entries(spec).map(([k, a]) =>
    fc.option(
      a.map((v) => [k, v] as const),
      { nil: undefined, freq: required.includes(k) ? 30 : 2 },
    ),
  );
  return fc.tuple(...entries).map((list) => list.filter((f): f is Field => f !== undefined));
}

/** A key as written: mostly as it is, sometimes unknown, escaped or repeated. */
const extraKeys = fc.constantFrom('x', 'Id', '__proto__', 'i\\u0064', 'id', 'amount', 'messages');

/** `a` once in `1 + odds` times, else `null`. */
const rarely = <T>(a: fc.Arbitrary<T>, odds: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: odds }, { arbitrary: a, weight: 1 });

/** The text of an object of `fields`, with whitespace, shuffled, extra or repeated keys. */
function objectText(base: fc.Arbitrary<Field[]>): fc.Arbitrary<string> {
  return fc
    .record({
      fields: base,
      shuffle: rarely(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), 3),
      extra: rarely(fc.tuple(extraKeys, oddValue), 9),
      seps: style,
    })
    .map(({ fields: f, shuffle, extra, seps }) => {
      let list = [...f];
      if (shuffle !== null) {
        list = list
          .map((x, i) => [x, shuffle[i % shuffle.length] as number] as const)
          .sort((a, b) => a[1] - b[1])
          .map(([x]) => x);
      }
      if (extra !== null) list.splice(list.length >> 1, 0, extra);
      let s = 0;
      const sep = () => seps[s++ % seps.length] as string;
      const body = list.map(([k, v]) => `${sep()}"${k}"${sep()}:${sep()}${v}${sep()}`).join(',');
      return `${sep()}{${body}${list.length === 0 ? sep() : ''}}${sep()}`;
    });
}

/** Mostly the line as it is; else cut short, with something after it, or before it. */
function mangled(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: line, weight: 12 },
    {
      arbitrary: fc
        .tuple(line, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([l, r]) => l.slice(0, Math.floor(l.length * r))),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(line, fc.constantFrom('x', '}', ',', ' {}', '\n', '\n{}', '//'))
        .map(([l, g]) => l + g),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom('[', ',', 'x', '\n'), line).map(([g, l]) => g + l),
      weight: 1,
    },
  );
}

const orderLine = mangled(
  objectText(
    fields(
      {
        id,
        customerId: id,
        placedAt: instantAt(0),
        paidAt: optional(instantAt(1)),
        cashOnDelivery: fc.constantFrom('true', 'false', 'null', '"yes"', '0'),
        amount: fc.oneof(
          {
            arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => `"${(n / 100).toFixed(2)}"`),
            weight: 4,
          },
          fc.constantFrom(
            '"59.90"',
            '"0"',
            '"5."',
            '"19.9900"',
            '"1.005"',
            '"-1"',
            '" 7 "',
            '".5"',
            '"1e3"',
            '"12345678901234.5"',
            '"1234567890123"',
            '"900000000000000"',
            '"５"',
            '59',
            '0',
            '90000000000000',
            '90000000000001',
          ),
          oddValue,
        ),
        units: fc.oneof(
          { arbitrary: fc.constantFrom('1', '2', '3'), weight: 6 },
          { arbitrary: oddValue, weight: 1 },
        ),
        cancelledAt: optional(instantAt(2)),
        outboundAt: optional(instantAt(3)),
        collectedAt: optional(instantAt(4)),
        deliveredAt: optional(instantAt(5)),
      },
      ['id', 'customerId', 'placedAt', 'amount'],
    ),
  ),
);

const messageText = objectText(
  fields(
    {
      from: fc.oneof(
        { arbitrary: fc.constantFrom('"customer"', '"agent"', '"robot"'), weight: 20 },
        { arbitrary: fc.constantFrom('"bot"', '"Customer"', '"customer "', 'null'), weight: 1 },
        { arbitrary: oddValue, weight: 1 },
      ),
      at: instantAt(0),
    },
    ['from', 'at'],
  ),
);

const messages = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.array(messageText, { minLength: 1, maxLength: 5 }), ws, ws)
      .map(([list, a, b]) => `[${a}${list.join(`${b},${a}`)}${b}]`),
    weight: 10,
  },
  { arbitrary: fc.constantFrom('[]', '[ ]', '[1]', '[null]', '["x"]', '[{}]', '[[]]'), weight: 1 },
  { arbitrary: oddValue, weight: 1 },
);

const chatLine = mangled(
  objectText(
    fields(
      {
        id,
        customerId: id,
        kind: fc.oneof(
          { arbitrary: fc.constantFrom('"consultation"', '"offline-message"'), weight: 6 },
          { arbitrary: fc.constantFrom('"chat"', 'null', '1'), weight: 1 },
        ),
        stage: optional(fc.constantFrom('"pre-sales"', '"after-sales"', '"x"', '"pre-sale"')),
        messages,
        rating: optional(fc.constantFrom('"satisfied"', '"very-satisfied"', '"great"', '3')),
        ratedAt: optional(instantAt(9)),
      },
      ['id', 'customerId', 'messages'],
    ),
  ),
);

const reviewLine = mangled(
  objectText(
    fields(
      {
        id,
        customerId: id,
        orderId: optional(id),
        createdAt: instantAt(0),
        stars: fc.oneof(
          { arbitrary: fc.constantFrom('1', '2', '3', '4', '5'), weight: 10 },
          { arbitrary: oddValue, weight: 1 },
        ),
        repliedAt: optional(instantAt(1)),
        excluded: fc.constantFrom('true', 'false', 'null', '1', '"true"'),
      },
      ['id', 'customerId', 'createdAt', 'stars'],
    ),
  ),
);

/**
 * Each line checked; how many the scanner took (the test would prove nothing at 0). The
 * count varies with the run's seed: of 4 000 lines, about 650–700 orders, 1 050–1 150 reviews,
 * but only 110–130 chat sessions (a session has more fields to go wrong), so chat sessions
 * run 12 000 lines for the same bound.
 */
function check(name: Scanned, lines: fc.Arbitrary<string>, numRuns = 4000): number {
  let taken = 0;
  fc.assert(
    fc.property(lines, (line) => {
      if (agrees(name, line)) taken++;
    }),
    { numRuns },
  );
  return taken;
}

describe('the line scanners agree with JSON.parse and parseRecord', () => {
  it('orders', () => {
    expect(check('orders', orderLine)).toBeGreaterThan(100);
  });

  it('chat sessions', () => {
    expect(check('chatSessions', chatLine, 12_000)).toBeGreaterThan(100);
  });

  it('reviews', () => {
    expect(check('reviews', reviewLine)).toBeGreaterThan(100);
  });

  it('records written by JSON.stringify from arbitrary values', () => {
    // Values of every JSON type, keys of the schema or not: what JSON.stringify writes.
    const value = fc.oneof(
      fc.constantFrom(T0, T0 + 1000, '2026-11-01 09:00:00', 'customer', 'satisfied', 3, '9.99'),
      fc.jsonValue({ maxDepth: 2 }),
    );
    for (const [name, keys] of [
      ['orders', ORDER_SCAN_KEYS],
      ['chatSessions', CHAT_SESSION_SCAN_KEYS],
      ['reviews', REVIEW_SCAN_KEYS],
    ] as const) {
      const arb = fc
        .dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 3 })), value, {
          maxKeys: 9,
        })
        .map((o) => JSON.stringify(o));
      fc.assert(
        fc.property(arb, (line) => {
          agrees(name, line);
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('reads the keys of the schemas, in their order', () => {
    expect(ORDER_SCAN_KEYS).toEqual(Object.keys(orderSchema.in.shape));
    expect(CHAT_SESSION_SCAN_KEYS).toEqual(Object.keys(chatSessionSchema.in.shape));
    expect(REVIEW_SCAN_KEYS).toEqual(Object.keys(reviewSchema.in.shape));
    expect(MESSAGE_SCAN_KEYS).toEqual(Object.keys(chatMessageSchema.shape));
  });
});

const ORDER =
  '{"id":"O000000001","customerId":"jd_12d06a16","placedAt":1760803569000,"paidAt":1760803610000,"amount":"59.90","outboundAt":1760805760000,"collectedAt":1760871476000,"deliveredAt":1760951131000}';
const SESSION =
  '{"id":"S000000002","customerId":"jd_12d1807d","messages":[{"from":"customer","at":1760869235000},{"from":"agent","at":1760869242000}],"rating":"very-satisfied","ratedAt":1760869641000}';
const REVIEW =
  '{"id":"R000000002","customerId":"jd_12d53f6e","orderId":"O000000048","createdAt":1760944341000,"stars":1,"repliedAt":1760978565000}';

describe('the line scanners: forms taken', () => {
  it.each([
    ['orders', ORDER],
    ['orders', ORDER.replaceAll('","', '", "').replaceAll('":', '": ').replaceAll(',"', ', "')],
    ['orders', ` \t${ORDER.replaceAll(',', ' ,\t').replaceAll(':', '\r:')}\r `],
    [
      'orders',
      '{"deliveredAt":null,"amount":"5.","id":"é中文","placedAt":"2026-11-01 09:00:00","customerId":"jd_😀","units":3,"cashOnDelivery":true}',
    ],
    ['orders', '{"id":"o","customerId":"c","placedAt":1760803569000,"amount":59,"units":1}'],
    [
      'orders',
      '{"id":"o","customerId":"c","placedAt":1760803569000,"amount":"19.9900","cashOnDelivery":false}',
    ],
    ['orders', `{"id":"\ud800","customerId":"c","placedAt":1760803569000,"amount":"0"}`],
    ['chatSessions', SESSION],
    [
      'chatSessions',
      '{"id":"s","customerId":"c","kind":"offline-message","stage":"after-sales","messages":[ {"at":1760869242000,"from":"agent"} , {"from":"customer","at":"2026-11-01 09:00:00"}, {"from":"robot","at":1760869235000} ],"rating":null,"ratedAt":null}',
    ],
    [
      'chatSessions',
      '{"messages":[{"from":"customer","at":1760869235000}],"customerId":"c","id":"s"}',
    ],
    ['reviews', REVIEW],
    [
      'reviews',
      '{"id":"R0000000000000000002","customerId":"jd_0123456789abcdef","orderId":null,"createdAt":"2026-11-01T09:00:00+08:00","stars":5,"excluded":true}',
    ],
    ['reviews', '{"id":"r","customerId":"c","createdAt":1760944341000,"stars":3,"excluded":null}'],
  ] as const)('%s: %s', (name, line) => {
    expect(agrees(name, line)).toBe(true);
  });

  it('sorts messages listed out of order, stably, as the schema does', () => {
    const s = scanRecord(
      'chatSessions',
      '{"id":"s","customerId":"c","messages":[{"from":"agent","at":2000000000000},{"from":"customer","at":1900000000000},{"from":"robot","at":1900000000000}]}',
    ) as { messages: { from: string }[] };
    expect(s.messages.map((m) => m.from)).toEqual(['customer', 'robot', 'agent']);
  });

  it('copies a long id out of the text rather than keeping a view of it', () => {
    const o = scanRecord('orders', ORDER.replace('O000000001', 'O0000000000000000001')) as {
      id: string;
    };
    expect(o.id).toBe('O0000000000000000001');
  });

  it('reads on in a chunk up to the end of the line, CR before LF', () => {
    const text = `${ORDER}\r\n${ORDER}`;
    expect(scanRecord('orders', text, 0, text.length, true)).toBeDefined();
    expect(scannedLineEnd()).toBe(ORDER.length + 1);
    // Not open, the line must end where it is told to.
    expect(scanRecord('orders', text)).toBeUndefined();
    // And never across an LF, even where JSON would allow whitespace.
    const split = ORDER.replace(',"amount"', ',\n"amount"');
    expect(scanRecord('orders', split, 0, split.length, true)).toBeUndefined();
  });

  it('takes nothing of the collections not held column-wise', () => {
    const line =
      '{"id":"AS1","orderId":"O1","type":"return","reason":"quality","appliedAt":1760971762000}';
    expect(scanRecord('serviceOrders', line)).toBeUndefined();
    expect(scanRecord('disputes', line)).toBeUndefined();
    expect(scanRecord('assuredServices', line)).toBeUndefined();
  });
});

describe('the line scanners: forms declined (left to JSON.parse and the schema)', () => {
  const order = (change: (l: string) => string) => change(ORDER);
  const session = (change: (l: string) => string) => change(SESSION);
  const review = (change: (l: string) => string) => change(REVIEW);
  it.each([
    ['not an object', 'orders', '[]'],
    ['a string', 'orders', '"x"'],
    ['null', 'orders', 'null'],
    ['empty', 'orders', ''],
    ['an empty object', 'orders', '{}'],
    ['an unknown key', 'orders', order((l) => l.replace('"amount"', '"amout"'))],
    ['__proto__', 'orders', order((l) => l.replace('"paidAt"', '"__proto__"'))],
    ['a repeated key', 'orders', order((l) => l.replace('"paidAt"', '"placedAt"'))],
    ['an escaped key', 'orders', order((l) => l.replace('"amount"', '"\\u0061mount"'))],
    ['an escaped quote', 'orders', order((l) => l.replace('jd_12d06a16', 'jd_\\"x'))],
    ['an escaped backslash', 'orders', order((l) => l.replace('jd_12d06a16', 'jd_\\\\x'))],
    ['a \\u escape', 'orders', order((l) => l.replace('jd_12d06a16', '\\u0041'))],
    ['a raw tab in a string', 'orders', order((l) => l.replace('jd_12d06a16', 'jd\t1'))],
    ['a fraction', 'orders', order((l) => l.replace('1760803610000', '1760803610000.0'))],
    ['an exponent', 'orders', order((l) => l.replace('1760803610000', '1.76080361e12'))],
    ['a negative number', 'orders', order((l) => l.replace('1760803610000', '-1760803610000'))],
    ['-0', 'orders', order((l) => l.replace('"amount":"59.90"', '"amount":-0'))],
    ['a leading zero', 'orders', order((l) => l.replace('1760803610000', '01760803610000'))],
    ['16 digits', 'orders', order((l) => l.replace('1760803610000', '1760803610000000'))],
    ['cut short', 'orders', ORDER.slice(0, -1)],
    ['cut in a string', 'orders', ORDER.slice(0, 20)],
    ['garbage after the object', 'orders', `${ORDER} x`],
    ['two objects', 'orders', `${ORDER}${ORDER}`],
    ['garbage before', 'orders', `x${ORDER}`],
    ['an object for a value', 'orders', order((l) => l.replace('"59.90"', '{"yuan":"59.90"}'))],
    ['an array for a value', 'orders', order((l) => l.replace('"59.90"', '["59.90"]'))],
    ['an LF between tokens', 'orders', order((l) => l.replace(',"amount"', ',\n"amount"'))],
    ['a bad literal', 'orders', order((l) => l.replace('"amount":"59.90"', '"units":nul'))],
    ['money with a space', 'orders', order((l) => l.replace('"59.90"', '" 59.90"'))],
    ['money with three decimals', 'orders', order((l) => l.replace('"59.90"', '"59.905"'))],
    [
      'money past 13 whole digits',
      'orders',
      order((l) => l.replace('"59.90"', '"12345678901234"')),
    ],
    ['money past 90 trillion', 'orders', order((l) => l.replace('"59.90"', '90000000000001'))],
    ['no units', 'orders', order((l) => l.replace('"amount"', '"units":0,"amount"'))],
    ['an empty id', 'orders', order((l) => l.replace('"O000000001"', '""'))],
    ['an instant out of range', 'orders', order((l) => l.replace('1760803610000', '1'))],
    ['paid before placed', 'orders', order((l) => l.replace('1760803610000', '1760803560000'))],
    [
      'a string boolean',
      'orders',
      order((l) => l.replace('"amount"', '"cashOnDelivery":"yes","amount"')),
    ],
    ['no customer message', 'chatSessions', session((l) => l.replace('"customer"', '"agent"'))],
    ['no messages', 'chatSessions', session((l) => l.replace(/\[.*\]/, '[]'))],
    ['messages not an array', 'chatSessions', session((l) => l.replace(/\[.*\]/, '"x"'))],
    ['a message not an object', 'chatSessions', session((l) => l.replace(/\[.*\]/, '[1]'))],
    ['an unknown sender', 'chatSessions', session((l) => l.replace('"agent"', '"bot"'))],
    [
      'a message key unknown',
      'chatSessions',
      session((l) => l.replace('"at":1760869242000', '"at":1760869242000,"text":"hi"')),
    ],
    [
      'a message key repeated',
      'chatSessions',
      session((l) => l.replace('"at":1760869242000', '"at":1760869242000,"at":1')),
    ],
    [
      'a kind null',
      'chatSessions',
      session((l) => l.replace('"messages"', '"kind":null,"messages"')),
    ],
    ['an unknown rating', 'chatSessions', session((l) => l.replace('very-satisfied', 'great'))],
    [
      'ratedAt without a rating',
      'chatSessions',
      session((l) => l.replace('"rating":"very-satisfied",', '')),
    ],
    [
      'rated before the first message',
      'chatSessions',
      session((l) => l.replace('1760869641000', '1760869234000')),
    ],
    ['stars out of range', 'reviews', review((l) => l.replace('"stars":1', '"stars":6'))],
    ['stars as a string', 'reviews', review((l) => l.replace('"stars":1', '"stars":"1"'))],
    ['an empty order id', 'reviews', review((l) => l.replace('"O000000048"', '""'))],
    [
      'replied before created',
      'reviews',
      review((l) => l.replace('1760978565000', '1760944340000')),
    ],
  ] as const)('%s', (_, name, line) => {
    expect(scanRecord(name, line)).toBeUndefined();
    // And the slow path gives its own answer, whatever it is.
    agrees(name, line);
  });
});
