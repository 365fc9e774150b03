/**
 * Small text charts for the terminal (private): a sparkline of a series, scaled to its own
 * range, with the range and the last value beside it.
 *
 * @module
 */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of values scaled to their own range (null: a gap; undefined: too little
 * data that day, a dot).
 */
export function sparkline(values: readonly (number | null | undefined)[]): string {
  const known = values.filter((v): v is number => typeof v === 'number');
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (v === undefined) return '·';
      const i = hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1));
      return BARS[i] as string;
    })
    .join('');
}

/** `lo–hi, now x` of a series, each value formatted; `no data` when none is known. */
export function seriesSummary<T>(
  values: readonly (T | null)[],
  toNumber: (v: T) => number,
  format: (v: T) => string,
): string {
  let lo: T | undefined;
  let hi: T | undefined;
  let last: T | undefined;
  for (const v of values) {
    if (v === null) continue;
    if (lo === undefined || toNumber(v) < toNumber(lo)) lo = v;
    if (hi === undefined || toNumber(v) > toNumber(hi)) hi = v;
    last = v;
  }
  if (lo === undefined || hi === undefined || last === undefined) return 'no data';
  const now = values.at(-1) === null ? `last ${format(last)}` : `now ${format(last)}`;
  if (format(lo) === format(hi)) return `steady, ${now}`;
  return `${format(lo)}–${format(hi)}, ${now}`;
}
