/**
 * Renders a scorecard as readable text (the CLI's default output).
 *
 * @module
 */
import { formatMetricValue } from '../format.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import { MODULE_IDS } from '../metrics/types.js';
import type { Scorecard } from '../scorecard/evaluateStore.js';
import { MODULE_NAMES } from '../scorecard/scoring.js';

/** Terminal width of a string: CJK characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** Pads to a display width. */
export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

const score = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toFixed(2);

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`;

/**
 * Renders a scorecard: the composite, bonus and total; each module with its score and its
 * metrics (Chinese and English names, value in its unit, score, window), the metric that costs
 * the most first; the standing when there is one.
 *
 * @example
 * ```ts
 * renderScorecard(evaluateStore(data, { asOf: '2026-11-23' })).split('\n')[0];
 * //=> '京东风向标 Weather vane · Test store (store-1) · as of 2026-11-23 · rules jd-default'
 * ```
 */
export function renderScorecard(card: Scorecard): string {
  const lines: string[] = [];
  const name = card.store.name ? `${card.store.name} (${card.store.id})` : card.store.id;
  lines.push(`京东风向标 Weather vane · ${name} · as of ${card.asOf} · rules ${card.ruleSetId}`);
  lines.push('');
  const services = card.bonus.active.length > 0 ? ` (${card.bonus.active.join(', ')})` : '';
  lines.push(
    `  综合 Composite ${score(card.composite)}   放心购 Bonus +${card.bonus.points.toFixed(2)}${services}   总分 Total ${score(card.total)}`,
  );
  lines.push('');
  lines.push(
    `  ${pad('metric', 52)} ${pad('value', 12, 'right')}  ${pad('score', 5, 'right')}  ${pad('lost', 5, 'right')}  window`,
  );
  for (const m of MODULE_IDS) {
    const mod = card.modules[m];
    const share = mod.score === null ? '' : ` · ${(mod.weight * 100).toFixed(0)}% of composite`;
    lines.push(`${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}: ${score(mod.score)}${share}`);
    for (const c of mod.metrics) {
      const def = metricCatalogue.find((d) => d.id === c.id);
      if (def === undefined) continue;
      const r = card.metrics[c.id];
      const little =
        r.status === 'too-little-data'
          ? ` (too little data: ${r.denominator.toString()} in the denominator)`
          : '';
      const how =
        c.method === 'peers'
          ? ' (peers)'
          : c.method === 'peer-median'
            ? ` (peer median${little ? `; ${little.slice(2, -1)}` : ''})`
            : little;
      lines.push(
        `  ${pad(`${def.name.zh} ${def.name.en}`, 52)} ${pad(formatMetricValue(r), 12, 'right')}  ${pad(score(r.score), 5, 'right')}  ${pad(c.score === null ? '' : c.pointsLost.toFixed(2), 5, 'right')}  ${r.window.from}..${r.window.to}${how}`,
      );
    }
    lines.push('');
  }
  const st = card.standing;
  if (st) {
    lines.push('排名 Standing');
    const mods = MODULE_IDS.filter((m) => st.moduleRankings[m] != null)
      .map((m) => `${MODULE_NAMES[m].en} ${pct(st.moduleRankings[m])}`)
      .join(', ');
    lines.push(
      `  风向标排名率 Ranking rate ${pct(st.rankingRate)}${mods ? ` (modules: ${mods})` : ''}`,
    );
    lines.push(
      `  店铺星级 Stars ${st.stars === null ? '—' : st.stars.toFixed(1)}${st.badge ? ' · 京东好店 Good Shop badge' : ''}`,
    );
    const notMet = st.goodShop.reasons.length > 0 ? st.goodShop.reasons.join('; ') : '';
    lines.push(
      `  京东好店 Good Shop eligible: ${st.goodShop.eligible ? 'yes' : `no${notMet ? ` (${notMet})` : st.goodShop.unverified.length > 0 ? ' (not verified)' : ''}`}`,
    );
    if (st.unverified.length > 0) {
      lines.push('  Not verified (supply these facts to check them):');
      for (const u of st.unverified)
        lines.push(`    ${u.fact}: needed for ${u.neededFor.join(', ')}`);
    }
    lines.push(
      `  放心购 tag: ${st.assuredPurchaseTag ? 'yes' : 'no'} · 热情掌柜 badge: ${st.warmShopkeeper ? 'yes' : 'no'} · activities (≥ 20%): ${st.activityGate ? 'yes' : 'no'}`,
    );
    const p = st.chatPenalty;
    lines.push(
      `  咚咚缺陷 Chat penalty ${p.month}: ${p.points} point(s)${p.failures.length > 0 ? ` (${p.failures.join(', ')})` : ''}`,
    );
    lines.push(
      `  消费者提醒 Consumer warnings: ${st.consumerWarnings.length > 0 ? st.consumerWarnings.join(', ') : 'none'}`,
    );
    lines.push('');
  }
  lines.push(
    'Scores: 0–10 per metric; "lost" is what a metric costs its module against a perfect 10.',
  );
  return lines.join('\n');
}
