/**
 * Issue 21: the Chinese pages (README.zh-CN.md, docs/zh-CN/) name only commands, options,
 * fields, metric ids and exports that exist, read from the live tables; a made-up one fails.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkChinesePage,
  chinesePages,
  type KnownNames,
  loadKnownNames,
} from '../../scripts/check-zh-docs.js';
import { OPTION_SPECS } from '../../src/cli/_options.js';

let known: KnownNames;
// The TypeScript program that lists the exported types takes a few seconds on a busy machine.
beforeAll(() => {
  known = loadKnownNames();
}, 180_000);

const check = (text: string) => checkChinesePage('page.md', text, known);

describe('the Chinese pages', () => {
  it('exist: the README and the guides a merchant’s developer needs first', () => {
    const pages = chinesePages().map((p) => relative(process.cwd(), p));
    expect(pages).toEqual(
      expect.arrayContaining([
        'README.zh-CN.md',
        'docs/zh-CN/input.md',
        'docs/zh-CN/daily-routine.md',
      ]),
    );
  });

  it('name only what exists', () => {
    const problems = chinesePages().flatMap((p) =>
      checkChinesePage(relative(process.cwd(), p), readFileSync(p, 'utf8'), known),
    );
    expect(problems).toEqual([]);
  });

  it('are linked from the English README’s first lines', () => {
    const head = readFileSync('README.md', 'utf8').split('\n').slice(0, 5).join('\n');
    expect(head).toContain('(README.zh-CN.md)');
  });
});

describe('the check', () => {
  it('knows the live tables: every option of the CLI, the input fields, metric ids and exports', () => {
    for (const name of Object.keys(OPTION_SPECS)) expect(known.options.has(name)).toBe(true);
    for (const name of [
      'deliveredAt',
      'sessionId',
      'consultation.response-rate-30s',
      'pre-sales',
      'LANG',
    ])
      expect(known.names.has(name)).toBe(true);
    expect(known.exports.get('jd-weather-vane')?.has('StoreDataInput')).toBe(true);
    expect(known.exports.get('jd-weather-vane/node')?.has('readStoreDir')).toBe(true);
  });

  it('passes a page that names real commands, options and fields', () => {
    expect(
      check(
        [
          '```sh',
          'npx jd-weather-vane score store.json --as-of 2026-11-23 --peers peers.json',
          '```',
          "字段 `deliveredAt`、`orders[12].paidAt`、`consultation.response-rate-30s`、`'pre-sales'`，选项 `--json`。",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('fails on a made-up option, in a command line and in prose', () => {
    expect(
      check('```sh\nnpx jd-weather-vane score store.json --as-of 2026-11-23 --fast\n```'),
    ).toEqual(['page.md:2: no option --fast']);
    expect(check('加上 `--made-up` 选项')).toEqual(['page.md:1: no option --made-up']);
  });

  it('fails on an option given to a command it does not apply to', () => {
    expect(check('npx jd-weather-vane today store.json --peers peers.json')).toEqual([
      'page.md:1: --peers is not an option of "today"',
    ]);
  });

  it('fails on a made-up command, field, metric id, value or import', () => {
    expect(check('`jd-weather-vane rank store.json`')).toEqual(['page.md:1: no command "rank"']);
    expect(check('妥投时间 `deliveryAt`')).toEqual(['page.md:1: no name deliveryAt']);
    expect(check('`orders[0].deliverdAt`')).toEqual([
      'page.md:1: no field deliverdAt (in orders[0].deliverdAt)',
    ]);
    expect(check('`consultation.response-rate-60s`')).toEqual([
      'page.md:1: no metric consultation.response-rate-60s',
    ]);
    expect(check("`'pre-sale'`")).toEqual(["page.md:1: no value 'pre-sale'"]);
    expect(check('`JWV_LANG`')).toEqual(['page.md:1: no name JWV_LANG']);
    expect(
      check("```ts\nimport { parseStoreData, scoreEverything } from 'jd-weather-vane';\n```"),
    ).toEqual(['page.md:2: jd-weather-vane exports no scoreEverything']);
  });

  it('leaves alone what is not a name: file names, numbers, Chinese, other tools', () => {
    expect(
      check(
        '`store.json`、`0.032`、`2026-11-01 09:00:00`、`售前`、`Z`\n```sh\nnpm install jd-weather-vane zod --no-audit\n```',
      ),
    ).toEqual([]);
  });
});
