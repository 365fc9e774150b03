/**
 * Renders a scorecard as readable text (the CLI's default output).
 *
 * @module
 */
import { formatMetricValue } from '../format.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import { MODULE_IDS, type ModuleId } from '../metrics/types.js';
import type { Scorecard } from '../scorecard/evaluateStore.js';

/** Chinese and English module names. */
export const MODULE_NAMES: Readonly<Record<ModuleId, { zh: string; en: string }>> = {
  consultation: { zh: '咨询体验', en: 'Consultation' },
  reviews: { zh: '用户评价', en: 'Reviews' },
  'after-sales': { zh: '售后体验', en: 'After-sales' },
  logistics: { zh: '物流履约', en: 'Logistics' },
  disputes: { zh: '交易纠纷', en: 'Disputes' },
};

/** Terminal width of a string: CJK characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** Pads to a display width. */
export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/**
 * Renders a scorecard: header, then each module with its metrics (Chinese and English names,
 * value in its unit, score, window).
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
  for (const m of MODULE_IDS) {
    lines.push(`${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}`);
    for (const def of metricCatalogue) {
      if (def.module !== m) continue;
      const r = card.metrics[def.id];
      lines.push(
        `  ${pad(`${def.name.zh} ${def.name.en}`, 50)} ${pad(formatMetricValue(r), 12, 'right')}  ${pad(score(r.score), 5, 'right')}  ${r.window.from}..${r.window.to}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
