/**
 * The `today` command's text: the open deadlines, soonest first and grouped by metric, and the
 * next days of each metric if nothing new happens, as a small chart with the days events age
 * out.
 *
 * @module
 */
import type { OpenDeadline } from '../advice/deadlines.js';
import type { Forecast } from '../advice/forecast.js';
import { formatValue } from '../format.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { sparkline } from './_chart.js';
import { displayWidth, pad } from './render.js';

/** Most deadlines listed per metric in text; `--json` gives them all. */
export const MAX_DEADLINES_PER_METRIC = 10;

/** `2026-11-22T23:59:59.999+08:00` → `2026-11-22 23:59:59`. */
function shanghai(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

/** `3 h 20 min`, `45 s`, `2 d 4 h`. */
export function formatLeft(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The text of `jd-weather-vane today`. */
export function renderToday(
  storeId: string,
  at: string,
  deadlines: readonly OpenDeadline[],
  f: Forecast,
): string {
  const lines: string[] = [];
  lines.push(`京东风向标 today · ${storeId} · at ${shanghai(at)} (Shanghai, +08:00)`);
  lines.push('');
  lines.push(
    deadlines.length === 0
      ? 'Open deadlines: none (nothing open at this instant will count in a metric).'
      : `Open deadlines: ${deadlines.length}, soonest first. Meet them and the metric counts the case in time.`,
  );
  const byMetric = new Map<MetricId, OpenDeadline[]>();
  for (const d of deadlines) {
    const list = byMetric.get(d.metric);
    if (list === undefined) byMetric.set(d.metric, [d]);
    else list.push(d);
  }
  const ordered = [...byMetric.entries()].sort(
    (a, b) => (a[1][0]?.deadlineMs ?? 0) - (b[1][0]?.deadlineMs ?? 0),
  );
  for (const [metric, list] of ordered) {
    const def = getMetricDefinition(metric);
    lines.push('');
    lines.push(`  ${def?.name.zh ?? ''} ${def?.name.en ?? metric}: ${list.length} open`);
    for (const d of list.slice(0, MAX_DEADLINES_PER_METRIC)) {
      const clock =
        d.hoursOnClock === undefined ? '' : ` · ${d.hoursOnClock.toFixed(1)} h on the clock`;
      lines.push(
        `    due ${shanghai(d.deadline)}  ${pad(`${formatLeft(d.leftMs)} left`, 18)}${d.recordId}  ${d.what}${clock}`,
      );
    }
    if (list.length > MAX_DEADLINES_PER_METRIC)
      lines.push(
        `    … and ${list.length - MAX_DEADLINES_PER_METRIC} more (all of them with --json)`,
      );
  }

  lines.push('', renderForecast(f));
  return lines.join('\n');
}

/**
 * The forecast as text: each metric's value day by day (a chart; cases still open left out,
 * `·` too little data), the days records enter or leave its window, and the range the cases
 * open now span.
 */
export function renderForecast(f: Forecast): string {
  const lines: string[] = [];
  const cards = f.scorecards;
  const first = cards[0];
  const last = cards[cards.length - 1];
  lines.push(
    `Next ${cards.length} days if nothing new happens (${first?.asOf} … ${last?.asOf}; known at ${shanghai(f.knownAt)}):`,
  );
  lines.push(
    "  each day's value, cases still open left out (· too little data); the days listed are when records enter or leave the window",
  );
  const width =
    Math.max(...metricCatalogue.map((d) => displayWidth(`${d.name.zh} ${d.name.en}`))) + 1;
  for (const def of metricCatalogue) {
    const results = cards.map((c) => c.metrics[def.id]);
    const changes = f.changes.filter((c) => c.metric === def.id);
    // A day below the minimum sample is too little data there, as in any scorecard: no value.
    const shown = (r: (typeof results)[number] | undefined) =>
      r?.status === 'too-little-data' ? 'too little' : formatValue(r?.value ?? null, def.unit);
    const from = shown(results[0]);
    const to = shown(results[results.length - 1]);
    const days = changes.map((c) => c.day.slice(5));
    const when =
      days.length === 0
        ? 'steady'
        : `changes ${days.slice(0, 6).join(' ')}${days.length > 6 ? ` +${days.length - 6}` : ''}`;
    lines.push(
      `  ${pad(`${def.name.zh} ${def.name.en}`, width)}${pad(from, 10, 'right')} ${sparkline(results.map((r) => (r.status === 'too-little-data' ? undefined : r.value === null ? null : r.value.toNumber())))} ${pad(to, 10, 'right')}  ${when}`,
    );
  }
  // The cases open now, on the first day they count: the range they span.
  const firstOpen = new Map<MetricId, Forecast['openCases'][number]>();
  for (const o of f.openCases) if (!firstOpen.has(o.metric)) firstOpen.set(o.metric, o);
  if (firstOpen.size > 0) {
    lines.push('');
    lines.push(
      'At stake: cases open now, left out above; the range they span the first day they count:',
    );
    for (const def of metricCatalogue) {
      const o = firstOpen.get(def.id);
      if (o === undefined) continue;
      const v = (x: Forecast['openCases'][number]['allMet'] | null) => formatValue(x, def.unit);
      lines.push(
        `  ${pad(`${def.name.zh} ${def.name.en}`, width)}${o.day}: ${o.cases} open · all missed ${v(o.allMissed)} … all met ${v(o.allMet)} (left out: ${v(o.leftOut)})`,
      );
    }
  }
  return lines.join('\n');
}

/** The forecast as CSV: one row per day, each metric's value in its unit (ratios as fractions). */
export function forecastCsv(f: Forecast): string {
  const header = ['asOf', ...metricCatalogue.map((d) => d.id)];
  const rows = f.scorecards.map((c) =>
    [
      c.asOf,
      ...metricCatalogue.map((d) => {
        const r = c.metrics[d.id];
        return r.status === 'ok' && r.value !== null ? r.value.toString() : '';
      }),
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}
