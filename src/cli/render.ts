/**
 * Renders a scorecard as readable text (the CLI's default output).
 *
 * @module
 */

import { expectObjectArgument, expectStringArgument } from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { formatPercent, formatValue } from '../format.js';
import { MODULE_IDS, MODULE_NAMES } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { formatBasis, formatMetricValue } from '../metrics/format.js';
import type { ChatStageCounts } from '../scorecard/dataSummary.js';
import { parseScorecard } from '../values/parseScorecard.js';

/**
 * Terminal width of a string: CJK characters (and full-width forms) take two columns, so that
 * columns of Chinese names line up.
 *
 * @example
 * ```ts
 * displayWidth('24小时中差评处理率');
 * //=> 18
 * displayWidth('abc');
 * //=> 3
 * ```
 */
export function displayWidth(s: string): number {
  expectStringArgument('displayWidth', 'the text', s);
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

const pct = formatPercent;

/** Width of the 行业均值 column: a value and "better"/"worse"/"equal". */
const AVERAGE_W = 18;

/**
 * Options of {@link renderScorecard}.
 *
 * @example
 * ```ts
 * const options: RenderScorecardOptions = { stages: chatStageCounts(data, { asOf: '2026-11-23' }) };
 * renderScorecard(card, options).split('\n')[3];
 * //=> '  售前/售后 Stage of 248 consultation(s) 2026-10-19..2026-11-17: 88 given in the data, …'
 * ```
 */
export interface RenderScorecardOptions {
  /** How the chat sessions' stage was decided ({@link chatStageCounts}): adds a line under the totals. */
  readonly stages?: ChatStageCounts;
}

/** The line saying how the pre-/after-sales stage of the window's consultations was decided. */
function stagesLine(st: ChatStageCounts): string {
  const derived = st.derivedPreSales + st.derivedAfterSales;
  return `  售前/售后 Stage of ${st.sessions} consultation(s) ${st.window.from}..${st.window.to}: ${st.explicit} given in the data, ${derived} derived (${st.derivedPreSales} pre-sales, ${st.derivedAfterSales} after-sales, from the customer's earlier orders)`;
}

/**
 * Renders a scorecard: the composite, bonus and total (and, given `stages`, how the chat
 * sessions' stage was decided), the card's warnings (a collection not provided); each module with its score and its metrics (Chinese and English
 * names, value in its unit, score, the industry average (行业均值) and better/worse when
 * averages were given, what it rests on, window), the metric that costs the most first; the
 * standing when there is one, with the modules not assessed. Columns are aligned by display width (CJK characters
 * take two columns); percentages have two decimals.
 *
 * @example
 * ```ts
 * renderScorecard(evaluateStore(data, { asOf: '2026-11-23' })).split('\n')[0];
 * //=> '京东风向标 Weather vane · 悦厨小家电旗舰店 (jd-store-8) · as of 2026-11-23 · rules jd-default'
 * ```
 */
export function renderScorecard(card: Scorecard, options: RenderScorecardOptions = {}): string {
  // A card from a JavaScript caller or read back from JSON is checked: every bad field named.
  parseScorecard(card);
  expectObjectArgument('renderScorecard', 'the options', options);
  const lines: string[] = [];
  const name = card.store.name ? `${card.store.name} (${card.store.id})` : card.store.id;
  lines.push(`京东风向标 Weather vane · ${name} · as of ${card.asOf} · rules ${card.ruleSetId}`);
  lines.push('');
  const services = card.bonus.active.length > 0 ? ` (${card.bonus.active.join(', ')})` : '';
  lines.push(
    `  综合 Composite ${score(card.composite)}   放心购 Bonus +${card.bonus.points.toFixed(2)}${services}   总分 Total ${score(card.total)}`,
  );
  if (options.stages) lines.push(stagesLine(options.stages));
  for (const w of card.warnings ?? []) lines.push(`  ! ${w.message}`);
  lines.push('');
  // 行业均值 and better/worse, wherever an industry average was given.
  const averaged = MODULE_IDS.some((m) =>
    card.modules[m].metrics.some((c) => card.metrics[c.id].industryAverage !== undefined),
  );
  const rows = MODULE_IDS.flatMap((m) =>
    card.modules[m].metrics.map((c) => {
      const def = metricCatalogue.find((d) => d.id === c.id);
      const r = card.metrics[c.id];
      return { name: def ? `${def.name.zh} ${def.name.en}` : c.id, basis: formatBasis(r) };
    }),
  );
  const nameW = Math.max(6, ...rows.map((x) => displayWidth(x.name)));
  const basisW = Math.max(8, ...rows.map((x) => displayWidth(x.basis)));
  const averageCell = (r: Scorecard['metrics'][MetricId]): string => {
    if (!averaged) return '';
    const a = r.industryAverage;
    const vs = r.versusAverage?.comparison;
    const text =
      a === undefined ? '' : `${formatValue(a, r.unit)}${vs === undefined ? '' : ` ${vs}`}`;
    return `${pad(text, AVERAGE_W)}  `;
  };
  lines.push(
    `  ${pad('metric', nameW)} ${pad('value', 12, 'right')}  ${pad('score', 5, 'right')}  ${pad('lost', 5, 'right')}  ${averaged ? `${pad('行业均值 average', AVERAGE_W)}  ` : ''}${pad('based on', basisW)}  window`,
  );
  for (const m of MODULE_IDS) {
    const mod = card.modules[m];
    const share = mod.score === null ? '' : ` · ${formatValue(mod.weight, 'ratio')} of composite`;
    lines.push(`${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}: ${score(mod.score)}${share}`);
    for (const c of mod.metrics) {
      const def = metricCatalogue.find((d) => d.id === c.id);
      if (def === undefined) continue;
      const r = card.metrics[c.id];
      const little =
        r.status === 'too-little-data'
          ? ` (too little data: ${r.sample != null ? `a sample of ${r.sample.toString()}` : `${r.denominator.toString()} in the denominator`})`
          : r.reason === 'not-provided'
            ? ` (not provided: ${(r.notProvided ?? []).join(', ')})`
            : '';
      const how =
        c.method === 'peers'
          ? ' (peers)'
          : c.method === 'peers-mean' || c.method === 'industry-average'
            ? ` (${c.method === 'peers-mean' ? "peers' mean" : '行业均值 industry average'}${little ? `; ${little.slice(2, -1)}` : ''})`
            : little;
      lines.push(
        `  ${pad(`${def.name.zh} ${def.name.en}`, nameW)} ${pad(formatMetricValue(r), 12, 'right')}  ${pad(score(r.score), 5, 'right')}  ${pad(c.score === null ? '' : c.pointsLost.toFixed(2), 5, 'right')}  ${averageCell(r)}${pad(formatBasis(r), basisW)}  ${r.window.from}..${r.window.to}${how}`,
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
    // Stored standings from before the field have none.
    const notAssessed = st.notAssessed ?? [];
    if (notAssessed.length > 0)
      lines.push(
        `  Not assessed (no data, not held against the every-module-≥-30% rule): ${notAssessed.map((m) => MODULE_NAMES[m].en).join(', ')}`,
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
    'Scores: 0–10 per metric; "lost" is what a metric costs its module against a perfect 10; "based on" is the count a value rests on (its sample; "value given": no count was given).',
  );
  return lines.join('\n');
}
