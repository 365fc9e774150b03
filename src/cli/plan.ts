/**
 * The text of `what-if` and `target`.
 *
 * @module
 */
import type { Scorecard } from '../evaluate/evaluate.js';
import { MODULE_IDS, MODULE_NAMES } from '../ids.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import type { PathToTarget, Target } from '../values/pathToTarget.js';
import type { WhatIf } from '../values/whatIf.js';
import { pad } from './render.js';

const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
const signed = (x: number | null | undefined) =>
  x === null || x === undefined
    ? ''
    : x > 0
      ? ` (+${x.toFixed(2)})`
      : x < 0
        ? ` (${x.toFixed(2)})`
        : '';

/** `what-if`: before → after for the totals, the standing and every score that moved. */
export function renderWhatIf(before: Scorecard, w: WhatIf): string {
  const { after, difference: d } = w;
  const lines = [`京东风向标 what-if · ${before.store.id} · as of ${before.asOf}`, ''];
  lines.push(`  composite   ${n(before.composite)} → ${n(after.composite)}${signed(d.composite)}`);
  lines.push(
    `  放心购 bonus ${n(before.bonus.points)} → ${n(after.bonus.points)}${signed(d.bonus)}`,
  );
  lines.push(`  total       ${n(before.total)} → ${n(after.total)}${signed(d.total)}`);
  if (after.standing !== undefined) {
    lines.push(
      `  stars       ${before.standing?.stars ?? '—'} → ${after.standing.stars ?? '—'} · ranking ${n(before.standing?.rankingRate)} → ${n(after.standing.rankingRate)}`,
    );
  }
  const modules = MODULE_IDS.filter((m) => (d.modules[m] ?? 0) !== 0);
  if (modules.length > 0) {
    lines.push('', '  modules that moved:');
    for (const m of modules)
      lines.push(
        `    ${pad(`${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}`, 26)}${n(before.modules[m].score)} → ${n(after.modules[m].score)}${signed(d.modules[m])}`,
      );
  }
  // Every metric whose score or status changed, and every metric the change names, with why:
  // a metric left unscored (too little data) is said so rather than left out.
  if (w.moved.length > 0) {
    lines.push('', '  metrics that moved, or were changed:');
    for (const m of w.moved) {
      const def = metricCatalogue.find((d) => d.id === m.metric);
      const name = def === undefined ? m.metric : `${def.name.zh} ${def.name.en}`;
      const why = m.text.slice(m.text.indexOf(': ') + 2);
      lines.push(
        `    ${pad(name, 40)}${n(m.before.score)} → ${n(m.after.score)}${signed(d.metrics[m.metric])}  ${why}`,
      );
    }
  }
  return lines.join('\n');
}

function targetText(t: Target): string {
  if ('total' in t) return `total ${t.total}`;
  if ('composite' in t) return `composite ${t.composite}`;
  if ('module' in t) return `${t.module} module score ${t.score}`;
  return `${t.stars} stars`;
}

/** `target`: each metric alone, then the plan. */
export function renderTarget(card: Scorecard, target: Target, way: PathToTarget): string {
  const lines = [
    `京东风向标 target · ${card.store.id} · as of ${card.asOf} · ${targetText(target)} (now ${n(way.current)})`,
    '',
  ];
  if (way.reached) return [...lines, '  Reached already.'].join('\n');
  const alone = way.perMetric.filter((p) => p.alone);
  lines.push(
    alone.length === 0 ? '  No metric reaches it alone.' : '  Each of these alone reaches it:',
  );
  for (const p of alone) lines.push(`    ${p.text}`);
  lines.push('');
  if (way.plan.steps.length === 0) lines.push('  No plan of counted cases reaches it.');
  else {
    lines.push(
      `  The fewest cases together (${way.plan.reachable ? 'reaches it' : 'does not reach it'}), greedily by points gained per case:`,
    );
    for (const s of way.plan.steps) lines.push(`    ${s.text}`);
  }
  lines.push('', `  ${way.plan.caveat}`);
  return lines.join('\n');
}
