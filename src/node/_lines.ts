/**
 * A text read line by line from its chunks (private): never the whole file in one string,
 * so a file past V8's string limit reads as well as a small one.
 *
 * @module
 */

/**
 * Takes the line at `start` of `text` by itself, reading no further than `end`: the end of
 * the line it took (the position of its LF, or `end` when `lineEnds`: `end` is then the end
 * of the line), or −1 to leave it to `onLine`.
 */
export type LineTaker = (
  text: string,
  start: number,
  end: number,
  lineEnds: boolean,
  number: number,
) => number;

/**
 * Calls `onLine` for every line of the text given chunk by chunk (`\n` or `\r\n` line
 * ends; the decoder has dropped any byte order mark), as the range `start`–`end` of `text`
 * (its line end left out): the caller cuts the line out only when it needs it. `take`, when
 * given, is offered each line first, where it starts: a line it takes has its end found by
 * it (the JSON Lines scanner reads a chunk line after line without a search for each line's
 * end) and goes no further. Resolves when the text ends.
 */
export async function forEachLine(
  chunks: AsyncIterable<string>,
  onLine: (text: string, start: number, end: number, number: number) => void,
  take?: LineTaker,
): Promise<void> {
  let carry = '';
  let number = 0;
  /** A line cut out whole (across chunks, or the last): its line end is known. */
  const whole = (line: string): void => {
    const end = line.endsWith('\r') ? line.length - 1 : line.length;
    if (take !== undefined && take(line, 0, end, true, number + 1) >= 0) number++;
    else onLine(line, 0, end, ++number);
  };
  for await (const chunk of chunks) {
    let start = 0;
    if (carry !== '') {
      // The line across the chunks is cut out alone: the rest is read in the chunk as the
      // decoder made it, a flat string (`carry + chunk` would be a concatenation, which V8
      // reads a character at a time half as fast again).
      const nl = chunk.indexOf('\n');
      if (nl === -1) {
        carry += chunk;
        continue;
      }
      whole(carry + chunk.slice(0, nl));
      start = nl + 1;
    }
    for (;;) {
      if (take !== undefined) {
        const taken = take(chunk, start, chunk.length, false, number + 1);
        if (taken >= 0) {
          number++;
          start = taken + 1;
          continue;
        }
      }
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) break;
      const end = nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(chunk, start, end, ++number);
      start = nl + 1;
    }
    carry = chunk.slice(start);
  }
  if (carry !== '') whole(carry);
}
