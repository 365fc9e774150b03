/**
 * A score history, as a dashboard would chart it: the sample store's composite and module
 * scores for the last 30 evaluation days, from one pass over the data.
 *
 * Run: `npx tsx examples/history.ts`
 */
import { readFileSync } from 'node:fs';
import {
  displayWidth,
  evaluateHistory,
  MODULE_IDS,
  MODULE_NAMES,
  parseStoreData,
} from 'jd-weather-vane';

/** Pads to a display width (CJK characters take two columns). */
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const days = evaluateHistory(data, { from: '2026-10-25', to: '2026-11-23' });

const bars = '▁▂▃▄▅▆▇█';
/** A sparkline scaled to the series' own range, with that range printed after it. */
function spark(xs: (number | null)[]): string {
  const ys = xs.filter((x): x is number => x !== null);
  if (ys.length === 0) return `${' '.repeat(xs.length)}  no data`;
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const line = xs
    .map((x) => (x === null ? ' ' : bars[hi === lo ? 3 : Math.round(((x - lo) / (hi - lo)) * 7)]))
    .join('');
  return `${line}  ${lo.toFixed(2)}–${hi.toFixed(2)}, now ${ys.at(-1)?.toFixed(2)}`;
}

console.log(
  `京东风向标 history · ${data.store.name ?? data.store.id} · ${days[0]?.asOf} … ${days.at(-1)?.asOf} (curve scores, no peers)`,
);
console.log('');
console.log(`  ${pad('综合 Composite', 24)} ${spark(days.map((d) => d.composite))}`);
for (const m of MODULE_IDS) {
  const label = `${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}`;
  console.log(`  ${pad(label, 24)} ${spark(days.map((d) => d.modules[m].score))}`);
}
const worst = days.at(-1)?.modules.reviews.metrics[0];
if (worst)
  console.log(
    `\n  Reviews lose most on ${worst.name.zh} ${worst.name.en}: ${worst.pointsLost} points.`,
  );
