/**
 * Writing data into HTML safely (private to the report): every string from the data (store
 * names, ids, notes) goes through {@link escapeHtml}; the JSON the charts read goes through
 * {@link jsonForScript}, so that no value can end the element it sits in.
 *
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value with `& < > " '` escaped: a `<script>` in a store name shows as text. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/**
 * JSON to embed in `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes (so
 * `</script>` or `<!--` in a value cannot end or change the element), and the line separators
 * U+2028/U+2029 too. `JSON.parse` reads the result back to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An `href` only for http(s) URLs (a provenance link); anything else is not linked. */
export function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? escapeHtml(url) : null;
}
