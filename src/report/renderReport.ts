/**
 * The report: one self-contained HTML file of a store's weather vane (what Lighthouse's report
 * is to a page): the scores at a glance with what blocks the next star, the history of the
 * composite and of every module and metric, each metric with what it rests on and where its rule
 * comes from, the forecast, and the open deadlines. Pure and platform-neutral (no Node built-in):
 * it builds a string, so a server, a worker or a browser can serve it.
 *
 * @module
 */
import type { Forecast } from '../advice/forecast.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { formatValue } from '../format.js';
import { type MetricUnit, MODULE_IDS, MODULE_NAMES } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { formatBasis, formatMetricValue } from '../metrics/format.js';
import type { MetricDefinition } from '../metrics/types.js';
import type { Provenance } from '../rules/provenance.js';
import { VERSION } from '../version.js';
import { CHARTS_SCRIPT } from './_chartsBundle.js';
import { escapeHtml, jsonForScript, safeHref } from './_html.js';
import { LABELS, type Label, labelHtml, labelText, type ReportLanguage } from './_labels.js';
import { REPORT_CSS } from './_style.js';
import type { ReportInput } from './reportInput.js';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** `'zh'` (default): Chinese with the English beside it; `'en'`: English only. */
  readonly lang?: ReportLanguage;
  /** A note shown under the title (e.g. how the evaluation day was chosen). */
  readonly note?: string;
  /**
   * Most open deadlines listed (default 200, soonest first); the report says how many more
   * there are. A display choice of ours (`assumption`): a store with thousands open would
   * otherwise write a page nobody reads to the end.
   */
  readonly maxDeadlines?: number;
}

/** Open deadlines listed by default. */
export const DEFAULT_MAX_DEADLINES = 200;

/**
 * The report as one HTML document: no request of any kind when opened (the charts, Apache
 * ECharts with only its line chart and SVG renderer, are inlined; system fonts only), printable,
 * in Chinese with English beside it or in English. Every string from the data is escaped.
 *
 * @example
 * ```ts
 * const html = renderReport(prepareReport(data, { asOf: '2026-11-23' }));
 * html.startsWith('<!doctype html>');
 * //=> true
 * // A store name is text, never markup:
 * renderReport(prepareReport(parseStoreData({ store: { id: 's', name: '<script>x</script>' } }), { asOf: '2026-11-23', days: 1 })).includes('<script>x');
 * //=> false
 * ```
 */
export function renderReport(input: ReportInput, options: RenderReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const L = (l: Label) => labelHtml(lang, l);
  const card = input.scorecard;
  const store = card.store;
  const storeName = store.name === undefined ? store.id : `${store.name} (${store.id})`;
  const body = [
    header(input, lang, storeName, options.note),
    glance(input, lang),
    historySection(input, lang),
    metricsSection(input, lang),
    forecastSection(input.forecast, lang),
    deadlinesSection(input, lang, options.maxDeadlines ?? DEFAULT_MAX_DEADLINES),
    `<footer><p>jd-weather-vane ${escapeHtml(VERSION)} · ${L({ zh: '来源标注', en: 'Provenance' })}: <span class="prov seed">seed</span> ${L({ zh: '原始文章', en: 'a source article' })} · <span class="prov published">published</span> ${L({ zh: '京东公开规则', en: "JD's published rule" })} · <span class="prov assumption">assumption</span> ${L({ zh: '本库的假设，可配置', en: 'our documented, configurable choice' })}. ${L({ zh: '图表', en: 'Charts' })}: Apache ECharts (Apache-2.0).</p></footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${labelText(lang, LABELS.title)} · ${storeName} · ${card.asOf}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="jwv-data">${jsonForScript(chartData(input, lang))}</script>
<script>${CHARTS_SCRIPT}</script>
</body>
</html>
`;
}

/** A score to 2 decimals, or —. */
function fmtScore(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toFixed(2);
}

/** A number to show with its raw value in `data-value` (the browser test reads both). */
function num(field: string, n: number | null | undefined, text = fmtScore(n)): string {
  return `<span data-field="${field}" data-value="${n === null || n === undefined ? '' : String(n)}">${escapeHtml(text)}</span>`;
}

function header(
  input: ReportInput,
  lang: ReportLanguage,
  storeName: string,
  note: string | undefined,
): string {
  const card = input.scorecard;
  const L = (l: Label) => labelHtml(lang, l);
  const category = [card.store.category?.level1, card.store.category?.level2]
    .filter((c): c is string => c !== undefined)
    .join(' › ');
  return `<header>
<h1>${L(LABELS.title)}</h1>
<p class="meta">${L(LABELS.store)}: <strong data-field="store">${escapeHtml(storeName)}</strong>${category === '' ? '' : ` · ${escapeHtml(category)}`} · ${L(LABELS.asOf)}: <strong data-field="asOf">${escapeHtml(card.asOf)}</strong> · ${L(LABELS.ruleSet)}: ${escapeHtml(card.ruleSetId)}</p>
${note === undefined ? '' : `<p class="note">${escapeHtml(note)}</p>`}
</header>`;
}

function glance(input: ReportInput, lang: ReportLanguage): string {
  const card = input.scorecard;
  const L = (l: Label) => labelHtml(lang, l);
  const st = card.standing;
  const tiles = [
    `<div class="tile big"><div class="k">${L(LABELS.total)}</div><div class="v">${num('total', card.total)}</div></div>`,
    `<div class="tile"><div class="k">${L(LABELS.composite)}</div><div class="v">${num('composite', card.composite)}</div></div>`,
    `<div class="tile"><div class="k">${L(LABELS.bonus)}</div><div class="v">+${num('bonus', card.bonus.points, card.bonus.points.toFixed(2))}</div><div class="s">${card.bonus.active.map(escapeHtml).join(', ') || '—'}</div></div>`,
    `<div class="tile"><div class="k">${L(LABELS.stars)}</div><div class="v">${num('stars', st?.stars ?? null, st?.stars === null || st?.stars === undefined ? '—' : st.stars.toFixed(1))}</div><div class="s">${st?.badge === 'good-shop' ? L(LABELS.goodShop) : ''}</div></div>`,
    `<div class="tile"><div class="k">${L(LABELS.rankingRate)}</div><div class="v">${num('rankingRate', st?.rankingRate ?? null, formatValue(st?.rankingRate ?? null, 'ratio'))}</div></div>`,
  ];
  const modules = MODULE_IDS.map((m) => {
    const ms = card.modules[m];
    return `<div class="tile mod" data-module="${m}"><div class="k">${L(MODULE_NAMES[m])}</div><div class="v">${num('score', ms.score)}</div><div class="s">${L(LABELS.weight)} ${escapeHtml(String(ms.weight))}</div></div>`;
  });
  return `<section id="glance">
<h2>${L(LABELS.glance)}</h2>
<div class="tiles">${tiles.join('')}</div>
<div class="tiles">${modules.join('')}</div>
<div class="next-star"><h3>${L(LABELS.nextStar)}</h3>${nextStarHtml(input, lang)}</div>
</section>`;
}

/** What blocks the next star, from the standing and the way to it. */
function nextStarHtml(input: ReportInput, lang: ReportLanguage): string {
  const L = (l: Label) => labelHtml(lang, l);
  const st = input.scorecard.standing;
  if (st === undefined || st.stars === null)
    return `<p>${L({ zh: '星级由同类店铺排名决定：请提供同行数据（--peers，含 composites）或京东显示的排名。', en: "Stars follow the ranking among the category's peers: give peers (--peers, with their totals) or the ranking JD shows." })}</p>`;
  const items: string[] = [];
  for (const u of st.unverified)
    items.push(
      `<li>${L({ zh: '未能核实', en: 'Not verified' })}: <code>${escapeHtml(u.fact)}</code> (${escapeHtml(u.neededFor.join(', '))})</li>`,
    );
  const next = input.nextStar;
  if (next !== undefined) {
    const p = next.path;
    const head = `${L({ zh: '目标', en: 'Target' })}: ${escapeHtml(next.stars.toFixed(1))} ★`;
    if (p.reached) items.push(`<li>${head}: ${L({ zh: '已达到', en: 'reached' })}</li>`);
    else if (p.plan.reachable)
      items.push(
        `<li>${head}: ${L({ zh: '最少改动', en: 'the fewest cases' })}<ol>${p.plan.steps.map((s) => `<li>${escapeHtml(s.text)}</li>`).join('')}</ol><p class="s">${escapeHtml(p.plan.caveat)}</p></li>`,
      );
    else {
      const alone = p.perMetric.filter((m) => m.alone);
      items.push(
        `<li>${head}: ${L({ zh: '以当前同行数据无法达到', en: 'not reachable against these peers' })}${alone.length === 0 ? '' : `<ul>${alone.map((m) => `<li>${escapeHtml(m.text)}</li>`).join('')}</ul>`}</li>`,
      );
    }
  } else if (st.unverified.length === 0) {
    items.push(`<li>${L({ zh: '已是最高星级', en: 'At the top band already' })}</li>`);
  }
  return `<ul data-field="nextStar">${items.join('')}</ul>`;
}

function historySection(input: ReportInput, lang: ReportLanguage): string {
  const L = (l: Label) => labelHtml(lang, l);
  const h = input.history;
  const from = h[0]?.asOf ?? input.scorecard.asOf;
  const to = h[h.length - 1]?.asOf ?? input.scorecard.asOf;
  return `<section id="history">
<h2>${L(LABELS.history)} <span class="s">${escapeHtml(from)} … ${escapeHtml(to)} (${h.length} ${lang === 'en' ? 'days' : '天 days'})</span></h2>
<div class="chart" id="chart-history" data-points="${h.length}"></div>
</section>`;
}

function metricsSection(input: ReportInput, lang: ReportLanguage): string {
  const L = (l: Label) => labelHtml(lang, l);
  const card = input.scorecard;
  const hasAverages =
    input.industryAverages !== undefined ||
    metricCatalogue.some((d) => card.metrics[d.id].versusAverage !== undefined);
  const hasPeers = input.peers?.metrics !== undefined;
  const head = [
    LABELS.metric,
    LABELS.value,
    LABELS.score,
    LABELS.pointsLost,
    LABELS.window,
    LABELS.basis,
    LABELS.provenance,
    ...(hasAverages ? [LABELS.industryAverage] : []),
    ...(hasPeers ? [LABELS.peers] : []),
  ]
    .map((l) => `<th>${L(l)}</th>`)
    .join('');
  const groups = MODULE_IDS.map((m) => {
    const ms = card.modules[m];
    const rows = metricCatalogue
      .filter((d) => d.module === m)
      .map((def) => metricRow(input, def, lang, hasAverages, hasPeers, ms.metrics));
    return `<tr class="group"><th colspan="${7 + (hasAverages ? 1 : 0) + (hasPeers ? 1 : 0)}">${L(MODULE_NAMES[m])} · ${L(LABELS.score)} ${fmtScore(ms.score)}</th></tr>${rows.join('')}`;
  });
  const options = metricCatalogue
    .map(
      (d) =>
        `<option value="${escapeHtml(d.id)}">${escapeHtml(labelText(lang, MODULE_NAMES[d.module]))} · ${escapeHtml(labelText(lang, d.name))}</option>`,
    )
    .join('');
  return `<section id="metrics">
<h2>${L(LABELS.metrics)}</h2>
<div class="scroll"><table class="metrics"><thead><tr>${head}</tr></thead><tbody>${groups.join('')}</tbody></table></div>
<h3>${L(LABELS.metricHistory)}</h3>
<label class="pick">${L(LABELS.chooseMetric)} <select id="metric-select">${options}</select></label>
<div class="chart" id="chart-metric" data-points="${input.history.length}"></div>
</section>`;
}

function metricRow(
  input: ReportInput,
  def: MetricDefinition<MetricId>,
  lang: ReportLanguage,
  hasAverages: boolean,
  hasPeers: boolean,
  contributions: Scorecard['modules'][keyof Scorecard['modules']]['metrics'],
): string {
  const m = input.scorecard.metrics[def.id];
  const lost = contributions.find((c) => c.id === def.id)?.pointsLost ?? null;
  const cells = [
    `<th scope="row">${labelHtml(lang, def.name)}</th>`,
    `<td>${num('value', m.value === null ? null : m.value.toNumber(), m.status === 'no-data' ? labelText(lang, LABELS.noData) : formatMetricValue(m))}</td>`,
    `<td>${num('score', m.score)}</td>`,
    `<td>${num('pointsLost', lost)}</td>`,
    `<td class="nowrap">${escapeHtml(m.window.from)} … ${escapeHtml(m.window.to)}</td>`,
    `<td>${escapeHtml(formatBasis(m))}</td>`,
    `<td>${def.source.map(provenanceHtml).join(' ')}</td>`,
  ];
  if (hasAverages) {
    const avg = m.versusAverage?.average ?? input.industryAverages?.[def.id];
    cells.push(
      `<td>${avg === undefined ? '—' : num('industryAverage', avg, formatValue(avg, def.unit))}</td>`,
    );
  }
  if (hasPeers) {
    const values = input.peers?.metrics?.[def.id];
    cells.push(
      `<td>${values === undefined || values.length === 0 ? '—' : `${escapeHtml(formatValue(median(values), def.unit))} <span class="s">(${lang === 'en' ? 'median of' : '中位数 median of'} ${values.length})</span>`}</td>`,
    );
  }
  return `<tr data-metric="${escapeHtml(def.id)}">${cells.join('')}</tr>`;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A provenance as a small tag: a link for `published`, the note as its title. */
function provenanceHtml(p: Provenance): string {
  const title = [p.aspect, p.option === undefined ? undefined : `option: ${p.option}`, p.note]
    .filter((s): s is string => s !== undefined)
    .join(' · ');
  const text = p.seed === undefined ? p.tag : `${p.tag} ${p.seed === '000' ? 'EN' : 'ZH'}`;
  const href = p.url === undefined ? null : safeHref(p.url);
  const attrs = `class="prov ${escapeHtml(p.tag)}"${title === '' ? '' : ` title="${escapeHtml(title)}"`}`;
  return href === null
    ? `<span ${attrs}>${escapeHtml(text)}</span>`
    : `<a ${attrs} href="${href}" rel="noreferrer">${escapeHtml(text)}</a>`;
}

/** Most records named per forecast change (the counts are always shown). */
const EVENTS_NAMED = 5;

function forecastSection(f: Forecast | undefined, lang: ReportLanguage): string {
  if (f === undefined) return '';
  const L = (l: Label) => labelHtml(lang, l);
  const cards = f.scorecards;
  const rows = f.changes.map((c) => {
    const def = metricCatalogue.find((d) => d.id === c.metric) as MetricDefinition<MetricId>;
    const enter = c.events.filter((e) => e.change === 'enters');
    const leave = c.events.filter((e) => e.change === 'leaves');
    const other = c.events.length - enter.length - leave.length;
    const named = c.events
      .slice(0, EVENTS_NAMED)
      .map((e) => `${e.change} ${e.recordId}`)
      .join(', ');
    const more = c.events.length > EVENTS_NAMED ? ` … +${c.events.length - EVENTS_NAMED}` : '';
    return `<tr><td class="nowrap">${escapeHtml(c.day)}</td><th scope="row">${labelHtml(lang, def.name)}</th><td class="nowrap">${escapeHtml(formatValue(c.from, def.unit))} → ${escapeHtml(formatValue(c.to, def.unit))}</td><td>${labelHtml(lang, { zh: `进 ${enter.length}`, en: `${enter.length} enter` })} · ${labelHtml(lang, { zh: `出 ${leave.length}`, en: `${leave.length} leave` })}${other > 0 ? ` · ${labelHtml(lang, { zh: `变 ${other}`, en: `${other} change` })}` : ''}<div class="s">${escapeHtml(named + more)}</div></td></tr>`;
  });
  return `<section id="forecast">
<h2>${L(LABELS.forecast)} <span class="s">${escapeHtml(cards[0]?.asOf ?? '')} … ${escapeHtml(cards[cards.length - 1]?.asOf ?? '')} (${cards.length} ${lang === 'en' ? 'days' : '天 days'}) · ${L({ zh: '假设此后无新数据', en: 'if nothing new happens' })}</span></h2>
<div class="chart" id="chart-forecast" data-points="${cards.length}"></div>
${
  rows.length === 0
    ? `<p>${L({ zh: '窗口内无记录进出：各项指标不变。', en: 'No record enters or leaves a window: every metric stays as it is.' })}</p>`
    : `${forecastSummary(f, lang)}<details><summary>${L({ zh: `逐日变化 ${rows.length} 项`, en: `${rows.length} changes, day by day` })}</summary><div class="scroll"><table><thead><tr><th>${L(LABELS.day)}</th><th>${L(LABELS.metric)}</th><th>${L(LABELS.change)}</th><th>${L(LABELS.events)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`
}
</section>`;
}

/** Each metric that changes: its value now and at the end, and on how many days it changes. */
function forecastSummary(f: Forecast, lang: ReportLanguage): string {
  const L = (l: Label) => labelHtml(lang, l);
  const first = f.scorecards[0];
  const last = f.scorecards[f.scorecards.length - 1];
  const rows = metricCatalogue.flatMap((def) => {
    const days = f.changes.filter((c) => c.metric === def.id).map((c) => c.day);
    if (days.length === 0 || first === undefined || last === undefined) return [];
    return [
      `<tr data-metric="${escapeHtml(def.id)}"><th scope="row">${labelHtml(lang, def.name)}</th><td class="nowrap">${escapeHtml(formatValue(first.metrics[def.id].value, def.unit))} → ${escapeHtml(formatValue(last.metrics[def.id].value, def.unit))}</td><td>${escapeHtml(days.map((d) => d.slice(5)).join(' '))}</td></tr>`,
    ];
  });
  return `<div class="scroll"><table><thead><tr><th>${L(LABELS.metric)}</th><th>${L({ zh: '首日 → 末日', en: 'First day → last day' })}</th><th>${L({ zh: '变化日', en: 'Days it changes' })}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Open deadlines listed before the rest is folded away (all of them print). */
const DEADLINES_UNFOLDED = 10;

function deadlinesSection(input: ReportInput, lang: ReportLanguage, max: number): string {
  const all = input.deadlines;
  if (all === undefined) return '';
  const L = (l: Label) => labelHtml(lang, l);
  const sorted = [...all].sort((a, b) => a.deadlineMs - b.deadlineMs);
  const shown = sorted.slice(0, Math.max(0, max));
  const names = new Map(metricCatalogue.map((d) => [d.id, d.name]));
  const rows = shown.map(
    (d) =>
      `<tr><td class="nowrap">${escapeHtml(d.deadline.slice(0, 19).replace('T', ' '))}</td><td class="nowrap">${escapeHtml((d.leftMs / 3_600_000).toFixed(1))} h</td><th scope="row">${labelHtml(lang, names.get(d.metric) ?? { zh: d.metric, en: d.metric })}</th><td>${escapeHtml(d.recordId)}</td><td>${escapeHtml(d.what)}<div class="s">${escapeHtml(d.ifMissed)}</div></td></tr>`,
  );
  const more =
    sorted.length > shown.length
      ? `<p class="s">${L({ zh: `另有 ${sorted.length - shown.length} 项未列出`, en: `… and ${sorted.length - shown.length} more not listed` })}</p>`
      : '';
  return `<section id="deadlines">
<h2>${L(LABELS.deadlines)} <span class="s">${sorted.length} · ${L({ zh: '按截止时间排序，上海时间', en: 'soonest first, Shanghai time' })}</span></h2>
${
  sorted.length === 0
    ? `<p>${L({ zh: '无', en: 'None' })}</p>`
    : `${deadlineTable(rows.slice(0, DEADLINES_UNFOLDED), lang)}${rows.length > DEADLINES_UNFOLDED ? `<details><summary>${L({ zh: `其余 ${rows.length - DEADLINES_UNFOLDED} 项`, en: `${rows.length - DEADLINES_UNFOLDED} more` })}</summary>${deadlineTable(rows.slice(DEADLINES_UNFOLDED), lang)}</details>` : ''}${more}`
}
</section>`;
}

function deadlineTable(rows: readonly string[], lang: ReportLanguage): string {
  const L = (l: Label) => labelHtml(lang, l);
  return `<div class="scroll"><table class="deadlines"><thead><tr><th>${L(LABELS.due)}</th><th>${L(LABELS.left)}</th><th>${L(LABELS.metric)}</th><th>${L(LABELS.record)}</th><th>${L(LABELS.what)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** A value in the unit the chart shows: ratios as percentages. */
function chartValue(v: { toNumber(): number } | null, unit: MetricUnit): number | null {
  if (v === null) return null;
  const n = v.toNumber();
  return unit === 'ratio' ? Math.round(n * 1e6) / 1e4 : Math.round(n * 1e4) / 1e4;
}

const UNIT_NAMES: Readonly<Record<MetricUnit, string>> = {
  ratio: '%',
  seconds: 's',
  hours: 'h',
  points: '0–10',
};

/** The JSON the charts read. */
function chartData(input: ReportInput, lang: ReportLanguage) {
  const h = input.history;
  const scoreName = labelText(lang, LABELS.score);
  const metrics: Record<string, unknown> = {};
  for (const def of metricCatalogue) {
    metrics[def.id] = {
      valueName: labelText(lang, def.name),
      unitName: UNIT_NAMES[def.unit],
      values: h.map((c) => chartValue(c.metrics[def.id].value, def.unit)),
      scores: h.map((c) => c.metrics[def.id].score),
    };
  }
  const f = input.forecast;
  return {
    days: h.map((c) => c.asOf),
    scoreAxis: { name: scoreName, min: 0, max: 10 },
    history: [
      { name: labelText(lang, LABELS.total), values: h.map((c) => c.total) },
      { name: labelText(lang, LABELS.composite), values: h.map((c) => c.composite) },
      ...MODULE_IDS.map((m) => ({
        name: labelText(lang, MODULE_NAMES[m]),
        values: h.map((c) => c.modules[m].score),
      })),
    ],
    metrics,
    forecast:
      f === undefined
        ? null
        : {
            days: f.scorecards.map((c) => c.asOf),
            series: [
              { name: labelText(lang, LABELS.total), values: f.scorecards.map((c) => c.total) },
              {
                name: labelText(lang, LABELS.composite),
                values: f.scorecards.map((c) => c.composite),
              },
              ...MODULE_IDS.map((m) => ({
                name: labelText(lang, MODULE_NAMES[m]),
                values: f.scorecards.map((c) => c.modules[m].score),
              })),
            ],
          },
  };
}
