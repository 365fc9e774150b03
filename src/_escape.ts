/**
 * Control characters written as escapes (private): a store name, an id, a file name or a
 * value quoted in an error may hold them (an escape sequence that retitles the window, clears
 * the screen or moves the cursor to print a fake line). The CLI prints everything through
 * here, and the folder reader escapes the text it quotes from a file in its messages.
 *
 * @module
 */

/**
 * Whether a character may act on a terminal: C0 controls but the line feed and tab (and, in
 * JSON text, every C0 control, which `JSON.stringify` escapes already), DEL, C1 controls (a
 * lone `\x9b` is a CSI on some terminals), the line and paragraph separators and the
 * bidirectional overrides and isolates (which reorder what is shown).
 */
function unsafe(code: number, json: boolean, keepLines: boolean): boolean {
  if (code < 0x20) return !json && !(keepLines && (code === 0x0a || code === 0x09));
  if (code < 0x7f) return false;
  if (code <= 0x9f) return true;
  return (
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeAll(text: string, json: boolean, keepLines = true): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code, json, keepLines)) continue;
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
 * One line of a message: every control character written as an escape, line feeds and tabs
 * too (`\x1b`, `\x0a`, `\x85`, `\u2028`), so that text quoted from a file (a JSON syntax
 * error quotes it) stays on its line and cannot drive the terminal that shows it.
 */
export function escapeControls(text: string): string {
  return escapeAll(text, false, false);
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
