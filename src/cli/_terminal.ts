/**
 * Text from the data on a terminal (private): a store name, an id, a file name or a value
 * quoted in an error may hold control characters (an escape sequence that retitles the
 * window, clears the screen or moves the cursor to print a fake line). Everything the CLI
 * prints goes through here, so none of them reaches the terminal raw.
 *
 * @module
 */

/**
 * Whether a character may act on a terminal: C0 controls but the line feed and tab (and, in
 * JSON text, every C0 control, which `JSON.stringify` escapes already), DEL, C1 controls (a
 * lone `\x9b` is a CSI on some terminals), the line and paragraph separators and the
 * bidirectional overrides and isolates (which reorder what is shown).
 */
function unsafe(code: number, json: boolean): boolean {
  if (code < 0x20) return !json && code !== 0x0a && code !== 0x09;
  if (code < 0x7f) return false;
  if (code <= 0x9f) return true;
  return (
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeAll(text: string, json: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code, json)) continue;
    out += text.slice(from, i) + (json ? unicodeEscape(code) : escapeOne(text[i] as string));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

const SHORT: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short !== undefined) return short;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : unicodeEscape(code);
}

/**
 * Text for a terminal: every control character but `\n` and `\t` written as an escape
 * (`\x1b`, `\x07`, `\r`, `\u202e`), so that it is seen, not obeyed.
 */
export function escapeForTerminal(text: string): string {
  return escapeAll(text, false);
}

/**
 * JSON text for a terminal: the characters `JSON.stringify` leaves raw that a terminal or
 * an editor may act on, written as `\u` escapes. Such characters can only stand inside
 * strings, where the escape is the same value: the output is still exactly that JSON.
 */
export function escapeJsonForTerminal(json: string): string {
  return escapeAll(json, true);
}
