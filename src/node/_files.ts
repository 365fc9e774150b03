/**
 * The files of a store folder, opened safely and decoded (private).
 *
 * Read only what was named, as node-tar learnt to: each name is resolved and checked before
 * anything is opened. A collection's file must be a regular file inside the folder; a
 * symbolic link may point to one, but a link leading outside the folder, to nothing or to
 * itself, a folder, a named pipe, a socket or a device under a file's name is refused with
 * one issue naming the file, and not a byte of it is read, so none can appear in a message.
 * Files are opened non-blocking and checked again once open (a pipe swapped in between can
 * neither hang the read nor be read). Text is decoded by `TextDecoder` in fatal mode: bytes
 * that are not valid in the encoding are one issue naming the file and, when its bytes say
 * so, the encoding it seems to be in.
 *
 * @module
 */

export { escapeControls } from '../_escape.js';

import { isUtf8 } from 'node:buffer';
import { constants, lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { TextDecoder } from 'node:util';
import type { InputIssue } from '../errors.js';

/** A file of the folder that passed the checks: a regular file inside the folder. */
export interface CheckedFile {
  /** Its name in the folder (`orders.jsonl`). */
  readonly file: string;
  /** Its path. */
  readonly path: string;
  /** Its size in bytes when checked. */
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
}

/** What a non-regular file is, in a message's words. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const refused = (file: string, found: string): InputIssue => ({
  path: file,
  message: `expected a regular file inside the store folder, found ${found}; it was not read`,
});

/**
 * Checks the entry `file` of the folder `dir` (whose real path is `root`) without opening
 * it: a regular file, or a symbolic link to a regular file inside the folder. Returns the
 * file, or the issue refusing it. The link's target is never quoted (it may be a secret path).
 */
export function checkFile(dir: string, root: string, file: string): CheckedFile | InputIssue {
  const path = join(dir, file);
  let s: Stats;
  try {
    s = lstatSync(path);
  } catch (e) {
    return refused(file, `no readable entry (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (s.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return refused(
        file,
        code === 'ELOOP'
          ? 'a symbolic link that leads back to itself (a loop)'
          : code === 'ENOENT'
            ? 'a symbolic link to nothing (dangling)'
            : `a symbolic link that cannot be followed (${code ?? 'error'})`,
      );
    }
    if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return refused(file, 'a symbolic link to a file outside the folder');
    }
    try {
      s = statSync(real);
    } catch (e) {
      return refused(
        file,
        `a symbolic link that cannot be followed (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (!s.isFile()) return refused(file, kindOf(s));
  return { file, path, size: s.size, dev: s.dev, ino: s.ino };
}

/**
 * Opens a checked file, non-blocking (a named pipe swapped in after the check cannot hang
 * the open), and checks that what was opened is the file checked.
 */
export async function openChecked(f: CheckedFile): Promise<FileHandle | InputIssue> {
  let fh: FileHandle;
  try {
    fh = await open(f.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return refused(f.file, `no readable file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const s = await fh.stat();
  if (!s.isFile() || s.ino !== f.ino || s.dev !== f.dev) {
    await fh.close();
    return refused(f.file, s.isFile() ? 'a file replaced while being read' : kindOf(s));
  }
  return fh;
}

/** Bytes read at a time. */
const CHUNK = 1 << 20;

/** A file's bytes that are not valid in its encoding: the issue that says so. */
export class DecodeFailure extends Error {
  constructor(readonly issue: InputIssue) {
    super(issue.message);
  }
}

/**
 * The encoding a file's bytes seem to be in, when they say so: UTF-16 by its byte order
 * mark or by NUL bytes between ASCII ones, GB18030 (GBK) when its bytes above 0x7F pair as
 * GB18030's two-byte characters do. `undefined` when nothing is recognised.
 */
export function guessEncoding(head: Uint8Array, bytes: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  if (oddNul > n / 4 && evenNul === 0) return 'utf-16le';
  if (evenNul > n / 4 && oddNul === 0) return 'utf-16be';
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return undefined;
    const t = bytes[i + 1];
    // A lead byte cut off at the end of the chunk is no evidence either way.
    if (t === undefined) break;
    if (t < 0x40 || t === 0x7f || t === 0xff) {
      // GB18030's four-byte form: lead, digit, lead, digit.
      const t2 = bytes[i + 2] ?? 0;
      const t3 = bytes[i + 3] ?? 0;
      if (t >= 0x30 && t <= 0x39 && t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
        i += 3;
        pairs++;
        continue;
      }
      return undefined;
    }
    pairs++;
    i++;
  }
  return pairs > 0 ? 'gb18030' : undefined;
}

/** The names of the encodings {@link guessEncoding} answers, for messages. */
const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030 (GBK), as Excel saves CSV on Chinese Windows',
};

/**
 * How the text of a file is decoded: `encoding` (a `TextDecoder` label) for the files it
 * applies to, or `undefined` for UTF-8 only; `fix` words what to do about a file in another
 * encoding (`convertOnly`: the file must be UTF-8 whatever the option).
 */
export interface Decoding {
  readonly encoding: string | undefined;
  readonly convertOnly: boolean;
}

/**
 * The issue of bytes that are not text in `encoding` (default UTF-8), read whole: the file,
 * the encoding they seem to be in ({@link guessEncoding}) and the fix. The CLI words a `.json`
 * store or standard input read whole with it, as the folder reader words its files.
 */
export function undecodableIssue(
  file: string,
  bytes: Uint8Array,
  encoding: string | undefined,
): InputIssue {
  const expected = encoding === undefined ? 'UTF-8' : new TextDecoder(encoding).encoding;
  return decodeIssue(file, expected, guessEncoding(bytes, bytes), {
    encoding,
    convertOnly: false,
  });
}

function decodeIssue(file: string, expected: string, guess: string | undefined, d: Decoding) {
  const seems =
    guess === undefined
      ? 'encoding not recognised'
      : `they look like ${ENCODING_NAMES[guess] ?? guess}`;
  const fix = d.convertOnly
    ? guess === undefined
      ? 'save the file as UTF-8'
      : `save the file as UTF-8 (iconv -f ${guess} -t utf-8)`
    : `read it with { encoding: '${guess ?? '…'}' } (CLI: --encoding ${guess ?? '…'}), or save it as UTF-8`;
  return {
    path: file,
    message: `expected text in ${expected}, found bytes that are not (${seems}): ${fix}`,
  };
}

/** A streaming decoder: each call returns the text of the bytes given, throws on invalid ones. */
interface ChunkDecoder {
  /** The WHATWG name of its encoding (`utf-8`, `gb18030`). */
  readonly encoding: string;
  decode(bytes: Buffer, end: boolean): string;
}

/** Bytes at the end of `b` that begin a character not yet complete (at most 3). */
function incompleteTail(b: Buffer): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k] as number;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * UTF-8, checked by `isUtf8` and decoded by `Buffer#toString`: measured here, the strings
 * `TextDecoder` returns are two bytes a character even for ASCII, which made every
 * `JSON.parse` of a line about 1.6 times slower; `toString` keeps ASCII one byte a character.
 */
class Utf8Decoder implements ChunkDecoder {
  readonly encoding = 'utf-8';
  private pending: Buffer = Buffer.alloc(0);

  decode(bytes: Buffer, end: boolean): string {
    const all = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    const tail = end ? 0 : incompleteTail(all);
    const whole = all.subarray(0, all.length - tail);
    if (!isUtf8(whole)) throw new Error('not UTF-8');
    // A copy: the bytes read are in a buffer the next read overwrites.
    this.pending = Buffer.from(all.subarray(all.length - tail));
    return whole.toString('utf8');
  }
}

/** Any other encoding `TextDecoder` knows. */
class WhatwgDecoder implements ChunkDecoder {
  private readonly decoder: TextDecoder;
  readonly encoding: string;
  constructor(label: string) {
    this.decoder = new TextDecoder(label, { fatal: true });
    this.encoding = this.decoder.encoding;
  }
  decode(bytes: Buffer, end: boolean): string {
    return this.decoder.decode(bytes, { stream: !end });
  }
}

/**
 * The text of an open file, chunk by chunk, decoded: a UTF-8 byte order mark means UTF-8
 * and is dropped; otherwise the file is read in `decoding.encoding` (UTF-8 when absent).
 * Throws {@link DecodeFailure} at the first byte that is not valid text. `onBytes` hears the
 * bytes read so far. Closes the file when done, failed or abandoned.
 */
export async function* textChunks(
  fh: FileHandle,
  file: string,
  decoding: Decoding,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let decoder: ChunkDecoder | undefined;
  let head: Uint8Array | undefined;
  let total = 0;
  let expected = '';
  let bytes = buffer.subarray(0, 0);
  let first = true;
  // The encoding the bytes seem to be in, unless it is the one that failed to read them.
  const guessed = (): string | undefined => {
    const g = guessEncoding(head as Uint8Array, bytes);
    return g === decoder?.encoding ? undefined : g;
  };
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, CHUNK, null);
      bytes = buffer.subarray(0, bytesRead);
      if (decoder === undefined) {
        head = bytes.slice(0, 4);
        const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
        const label = utf8Bom ? 'utf-8' : (decoding.encoding ?? 'utf-8');
        decoder =
          new TextDecoder(label).encoding === 'utf-8'
            ? new Utf8Decoder()
            : new WhatwgDecoder(label);
        expected = decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding;
      }
      total += bytesRead;
      // A NUL byte is valid UTF-8 but never text: most likely UTF-16 read as UTF-8.
      if (expected === 'UTF-8' && bytes.indexOf(0) !== -1) {
        throw new DecodeFailure(decodeIssue(file, expected, guessed(), decoding));
      }
      let text: string;
      try {
        text = decoder.decode(bytes, bytesRead === 0);
      } catch {
        throw new DecodeFailure(decodeIssue(file, expected, guessed(), decoding));
      }
      // A byte order mark is not text (TextDecoder drops its own; Buffer#toString does not).
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      onBytes?.(total);
      if (text.length > 0) yield text;
      if (bytesRead === 0) return;
    }
  } finally {
    await fh.close();
  }
}

/**
 * The whole text of a small checked file (`store.json`, `mapping.json`): UTF-8, a byte
 * order mark dropped; the issue when it is larger than `maxBytes`, cannot be opened or is
 * not UTF-8.
 */
export async function readSmallText(
  f: CheckedFile,
  maxBytes: number,
): Promise<string | InputIssue> {
  if (f.size > maxBytes) {
    return {
      path: f.file,
      message: `expected at most ${maxBytes} bytes (the maxJsonBytes option), found ${f.size}`,
    };
  }
  const fh = await openChecked(f);
  if (!('fd' in fh)) return fh;
  let text = '';
  let bytes = 0;
  const decoding = { encoding: undefined, convertOnly: true };
  try {
    for await (const chunk of textChunks(fh, f.file, decoding, (b) => (bytes = b))) {
      text += chunk;
      // The file may have grown since it was checked: stop at the limit all the same.
      if (bytes > maxBytes) {
        return {
          path: f.file,
          message: `expected at most ${maxBytes} bytes (the maxJsonBytes option), found more`,
        };
      }
    }
  } catch (e) {
    if (e instanceof DecodeFailure) return e.issue;
    throw e;
  }
  return text;
}

/** The real path of `dir` (links resolved), the root every file must stay inside. */
export function realRoot(dir: string): string {
  return realpathSync(dir);
}
