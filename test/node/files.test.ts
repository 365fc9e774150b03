import { execFileSync } from 'node:child_process';
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/errors.js';
import {
  type CheckedFile,
  checkFile,
  DecodeFailure,
  escapeControls,
  guessEncoding,
  openChecked,
  readSmallText,
  realRoot,
  textChunks,
} from '../../src/node/_files.js';
import { readStoreDir } from '../../src/node/index.js';
import { folder, issuesOf, scratch } from './_helpers.js';

const root = scratch('jwv-files-');
const MIB = 1 << 20;
const checked = (dir: string, file: string): CheckedFile => {
  const f = checkFile(dir, realRoot(dir), file);
  if (!('ino' in f)) throw new Error(f.message);
  return f;
};

describe('the files of a store folder, checked before they are opened', () => {
  it('a file swapped after its check is refused when opened: another file, a named pipe', async () => {
    const dir = folder(root, { 'orders.jsonl': '{}\n', 'other.jsonl': '{}\n' });
    const f = checked(dir, 'orders.jsonl');
    renameSync(join(dir, 'other.jsonl'), join(dir, 'orders.jsonl'));
    expect(await openChecked(f)).toEqual({
      path: 'orders.jsonl',
      message:
        'expected a regular file inside the store folder, found a file replaced while being read; it was not read',
    });
    const g = checked(dir, 'orders.jsonl');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    renameSync(join(dir, 'pipe'), join(dir, 'orders.jsonl'));
    expect(await openChecked(g)).toMatchObject({
      message: expect.stringContaining('found a named pipe (FIFO)'),
    });
  });

  it('a file that grew past maxJsonBytes after its check is refused all the same', async () => {
    const dir = folder(root, { 'store.json': '{"id":"s1"}' });
    const f = checked(dir, 'store.json');
    appendFileSync(join(dir, 'store.json'), ' '.repeat(100));
    expect(await readSmallText(f, 50)).toEqual({
      path: 'store.json',
      message: 'expected at most 50 bytes (the maxJsonBytes option), found more',
    });
  });

  it('a socket under a collection name is refused', async () => {
    const dir = folder(root, { 'store.json': '{"id":"s1"}' });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'orders.jsonl'), resolve));
    try {
      expect(await issuesOf(dir)).toEqual([
        'orders.jsonl: expected a regular file inside the store folder, found a socket; it was not read',
      ]);
    } finally {
      server.close();
    }
  });

  it('a store.json not in UTF-8 is one issue saying to convert it', async () => {
    const dir = folder(root, {});
    writeFileSync(join(dir, 'store.json'), Buffer.from('\ufeff{"id":"s1"}', 'utf16le'));
    expect(await issuesOf(dir)).toEqual([
      'store.json: expected text in UTF-8, found bytes that are not (they look like UTF-16LE): save the file as UTF-8 (iconv -f utf-16le -t utf-8)',
    ]);
  });

  it('a file in an encoding not recognised says so; one not valid in the encoding given too', async () => {
    const latin1 = Buffer.from(
      'id,customerId,placedAt,amount\no1,Zoë,2026-11-01 09:00:00,5\n',
      'latin1',
    );
    const dir = folder(root, { 'store.json': '{"id":"s1"}' });
    writeFileSync(join(dir, 'orders.csv'), latin1);
    expect(await issuesOf(dir)).toEqual([
      "orders.csv: expected text in UTF-8, found bytes that are not (encoding not recognised): read it with { encoding: '…' } (CLI: --encoding …), or save it as UTF-8",
    ]);
    expect((await readStoreDir(dir, { encoding: 'latin1' })).orders[0]?.customerId).toBe('Zoë');
    // A lead byte followed by a space is not GB18030: the guess is not the encoding that failed.
    writeFileSync(join(dir, 'orders.csv'), Buffer.from([0x69, 0x64, 0x81, 0x20, 0x0a]));
    expect(await issuesOf(dir, { encoding: 'gb18030' })).toEqual([
      "orders.csv: expected text in gb18030, found bytes that are not (encoding not recognised): read it with { encoding: '…' } (CLI: --encoding …), or save it as UTF-8",
    ]);
  });
});

describe('textChunks', () => {
  const read = async (bytes: Uint8Array): Promise<string | InputIssue> => {
    const dir = folder(root, {});
    writeFileSync(join(dir, 'f.txt'), bytes);
    const fh = await openChecked(checked(dir, 'f.txt'));
    if (!('fd' in fh)) return fh;
    let text = '';
    try {
      for await (const c of textChunks(fh, 'f.txt', { encoding: undefined, convertOnly: true }))
        text += c;
    } catch (e) {
      if (e instanceof DecodeFailure) return e.issue;
      throw e;
    }
    return text;
  };

  it('joins a character split between two reads, and drops a byte order mark', async () => {
    for (const before of [MIB - 1, MIB - 2, MIB - 4, MIB - 5, MIB - 6]) {
      const text = `\ufeff${'a'.repeat(before - 3)}中𝄞b`;
      expect(await read(Buffer.from(text))).toBe(text.slice(1));
    }
  });

  it('a character cut off at the end of the file, or a bad byte after a read, is not UTF-8', async () => {
    const cut = Buffer.from('ab中').subarray(0, 4);
    expect(await read(cut)).toMatchObject({
      message: expect.stringContaining('expected text in UTF-8'),
    });
    const late = Buffer.concat([Buffer.from('a'.repeat(MIB + 5)), Buffer.from([0xc3, 0x28])]);
    expect(await read(late)).toMatchObject({
      message: expect.stringContaining('expected text in UTF-8'),
    });
  });
});

describe('guessEncoding', () => {
  const none = new Uint8Array();
  it.each([
    ['a UTF-16BE byte order mark', [0xfe, 0xff, 0, 0x61], 'utf-16be'],
    ['a UTF-16LE byte order mark', [0xff, 0xfe, 0x61, 0], 'utf-16le'],
  ])('%s', (_, head, expected) => {
    expect(guessEncoding(Uint8Array.from(head), Uint8Array.from(head))).toBe(expected);
  });

  it('UTF-16 without a mark by its NUL bytes', () => {
    const be = Uint8Array.from([0, 0x61, 0, 0x62, 0, 0x63, 0, 0x64]);
    expect(guessEncoding(be, be)).toBe('utf-16be');
    const le = Uint8Array.from([0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0]);
    expect(guessEncoding(le, le)).toBe('utf-16le');
  });

  it('GB18030 by its two- and four-byte characters; other bytes not', () => {
    expect(guessEncoding(none, Uint8Array.from([0x61, 0xb6, 0xa9, 0x81, 0x30, 0x81, 0x30]))).toBe(
      'gb18030',
    );
    // A lead byte cut off at the end of a chunk is no evidence either way.
    expect(guessEncoding(none, Uint8Array.from([0xb6, 0xa9, 0xb6]))).toBe('gb18030');
    expect(guessEncoding(none, Uint8Array.from([0xb6]))).toBeUndefined();
    expect(guessEncoding(none, Uint8Array.from([0x61, 0x80]))).toBeUndefined();
    expect(guessEncoding(none, Uint8Array.from([0xff, 0x61]))).toBeUndefined();
    expect(guessEncoding(none, Uint8Array.from([0xb6, 0x20]))).toBeUndefined();
    expect(guessEncoding(none, Uint8Array.from([0x81, 0x30, 0x20, 0x30]))).toBeUndefined();
    expect(guessEncoding(none, Uint8Array.from([0x61, 0x62]))).toBeUndefined();
  });
});

describe('escapeControls', () => {
  it('shows C0 and C1 controls and line separators as escapes, and leaves the rest', () => {
    expect(escapeControls('a\u001b[2Jb\u0007\u0085\u2028中')).toBe('a\\x1b[2Jb\\x07\\x85\\u2028中');
  });
});
