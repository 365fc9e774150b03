/**
 * A text file read line by line through a stream (private): never the whole file in one
 * string, so a file past V8's string limit reads as well as a small one.
 *
 * @module
 */
import { createReadStream } from 'node:fs';

/**
 * Calls `onLine` for every line of the file at `path` (UTF-8, a BOM dropped), and
 * `onBytes` with the bytes read so far after each chunk. Resolves when the file is read.
 */
export async function forEachLine(
  path: string,
  onLine: (text: string, number: number) => void,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let carry = '';
  let number = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = carry === '' ? chunk : carry + chunk;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(start, end), ++number);
      start = nl + 1;
    }
    carry = start === 0 ? text : text.slice(start);
    onBytes?.(stream.bytesRead);
  }
  if (carry !== '') {
    onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry, ++number);
  }
}
