/**
 * A text read line by line from its chunks (private): never the whole file in one string,
 * so a file past V8's string limit reads as well as a small one.
 *
 * @module
 */

/**
 * Calls `onLine` for every line of the text given chunk by chunk (`\n` or `\r\n` line
 * ends; the decoder has dropped any byte order mark), as the range `start`–`end` of `text`
 * (its line end left out): the caller cuts the line out only when it needs it as a string
 * (the JSON Lines scanner reads most lines in place). Resolves when the text ends.
 */
export async function forEachLine(
  chunks: AsyncIterable<string>,
  onLine: (text: string, start: number, end: number, number: number) => void,
): Promise<void> {
  let carry = '';
  let number = 0;
  for await (const chunk of chunks) {
    const text = carry === '' ? chunk : carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text, start, end, ++number);
      start = nl + 1;
    }
    carry = start === 0 ? text : text.slice(start);
  }
  if (carry !== '') {
    onLine(carry, 0, carry.endsWith('\r') ? carry.length - 1 : carry.length, ++number);
  }
}
