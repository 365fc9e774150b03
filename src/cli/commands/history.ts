/**
 * `history`: a store's scorecards day by day over a range of evaluation days (one pass), as a
 * chart per module and metric, JSON or CSV.
 *
 * @module
 */
import { evaluateHistory, type Scorecard } from '../../evaluate/evaluate.js';
import { formatValue } from '../../format.js';
import { MODULE_IDS, MODULE_NAMES } from '../../ids.js';
import { metricCatalogue } from '../../metrics/catalogue.js';
import { dayKeyOf, dayNumberOf, parseDayKey } from '../../time/shanghai.js';
import { seriesSummary, sparkline } from '../_chart.js';
import { type Command, inputOf } from '../_command.js';
import { readAverages, readPeers, storeReadOptions } from '../_inputs.js';
import { asOfWarnings, giveWarnings, readStore, storeWarnings } from '../_io.js';
import { UsageError, wholeNumber } from '../_options.js';
import { displayWidth, pad } from '../render.js';
import { expectOneFile } from './_files.js';

/** The days of a history when neither `--from` nor `--days` is given. */
export const DEFAULT_HISTORY_DAYS = 30;

/** The `history` command. */
export const historyCommand: Command = {
  name: 'history',
  synopsis: [
    'history <store> [--from D] [--to D | --days N] [--peers peers.json] [--json | --csv]',
  ],
  summary: {
    en: 'the scorecard of every evaluation day in a range, from one pass: the composite, each module and each metric as a chart (--json, --csv for a spreadsheet).',
    zh: '一次计算出区间内每个评估日的评分：综合分、各模块与各指标的走势图（--json，或 --csv 供表格软件使用）。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const store = expectOneFile('history', file, rest);
    if (values.json === true && values.csv === true)
      throw new UsageError('expected --json or --csv, found both', '--json 与 --csv 只能选一个');
    const { from, to, note } = historyRange(values, (io.now ?? Date.now)());
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const stored = await inputOf('store', () => readStore(store, io, progress, read));
    const { data } = stored;
    const peers = await readPeers(args, read);
    const industryAverages = await readAverages(args, read);
    if (note !== undefined) out.note(note);
    const warnings = [...asOfWarnings(data, to), ...storeWarnings(stored)];
    if (!giveWarnings(out, warnings, values.strict)) return 1;
    progress?.phase(`evaluating ${from} … ${to}`);
    const days = await inputOf('store', () =>
      evaluateHistory(data, {
        from,
        to,
        ...(peers === undefined ? {} : { peers }),
        ...(industryAverages === undefined ? {} : { industryAverages }),
      }),
    );
    progress?.done();
    if (values.csv === true) out.text(historyCsv(days));
    else out.result(days.map(compactDay), () => renderHistory(days));
    return 0;
  },
};

/** The range of days from `--from`, `--to` and `--days`; `--to` defaults to today in Shanghai. */
export function historyRange(
  values: { readonly from?: string; readonly to?: string; readonly days?: string },
  nowMs: number,
): { from: string; to: string; note?: string } {
  if (values.from !== undefined && values.days !== undefined && values.to !== undefined)
    throw new UsageError(
      'expected at most two of --from, --to and --days, found all three',
      '--from、--to、--days 最多给两个',
    );
  const days = values.days === undefined ? undefined : wholeNumber(values.days, '--days', 1, 366);
  let note: string | undefined;
  let to: number;
  if (values.to !== undefined) to = parseDayKey(values.to, '--to');
  else if (values.from !== undefined && days !== undefined)
    to = parseDayKey(values.from, '--from') + days - 1;
  else {
    to = dayNumberOf(nowMs);
    note = `--to not given: ${dayKeyOf(to)}, today in Shanghai (the data through ${dayKeyOf(to - 1)}, the last complete day)`;
  }
  const from =
    values.from !== undefined
      ? parseDayKey(values.from, '--from')
      : to - (days ?? DEFAULT_HISTORY_DAYS) + 1;
  if (from > to)
    throw new UsageError(
      `expected --from on or before --to, found ${dayKeyOf(from)} after ${dayKeyOf(to)}`,
      `--from 应不晚于 --to，实际 ${dayKeyOf(from)} 晚于 ${dayKeyOf(to)}`,
    );
  return { from: dayKeyOf(from), to: dayKeyOf(to), ...(note === undefined ? {} : { note }) };
}

/** A day of the history as JSON: its scores and each metric's value, score and status. */
function compactDay(c: Scorecard): unknown {
  return {
    asOf: c.asOf,
    total: c.total,
    composite: c.composite,
    bonus: c.bonus.points,
    modules: Object.fromEntries(MODULE_IDS.map((m) => [m, c.modules[m].score])),
    metrics: Object.fromEntries(
      Object.values(c.metrics).map((r) => [
        r.id,
        { value: r.value, score: r.score, status: r.status },
      ]),
    ),
  };
}

/** The history as CSV: one row per day; metric values in their unit (ratios as fractions). */
export function historyCsv(days: readonly Scorecard[]): string {
  const header = [
    'asOf',
    'total',
    'composite',
    'bonus',
    ...MODULE_IDS,
    ...metricCatalogue.map((d) => d.id),
  ];
  const cell = (v: { toString(): string } | null | undefined) => (v == null ? '' : v.toString());
  const rows = days.map((c) =>
    [
      c.asOf,
      cell(c.total),
      cell(c.composite),
      cell(c.bonus.points),
      ...MODULE_IDS.map((m) => cell(c.modules[m].score)),
      ...metricCatalogue.map((d) => cell(c.metrics[d.id].value)),
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** The history as text: a chart per line with its range and last value. */
export function renderHistory(days: readonly Scorecard[]): string {
  const first = days[0] as Scorecard;
  const last = days.at(-1) as Scorecard;
  const name = first.store.name ? `${first.store.name} (${first.store.id})` : first.store.id;
  const scoreLine = (label: string, series: readonly (number | null)[]) =>
    `  ${pad(label, width)} ${sparkline(series)}  ${seriesSummary(
      series,
      (v) => v,
      (v) => v.toFixed(2),
    )}`;
  const labels = [
    '综合 Composite',
    '总分 Total',
    ...MODULE_IDS.map((m) => `${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}`),
    ...metricCatalogue.map((d) => `${d.name.zh} ${d.name.en}`),
  ];
  const width = Math.max(...labels.map(displayWidth));
  const lines = [
    `京东风向标 history 历史 · ${name} · ${first.asOf} … ${last.asOf} (${days.length} days) · rules ${first.ruleSetId}`,
    '',
    scoreLine(
      '总分 Total',
      days.map((c) => c.total),
    ),
    scoreLine(
      '综合 Composite',
      days.map((c) => c.composite),
    ),
  ];
  for (const m of MODULE_IDS)
    lines.push(
      scoreLine(
        `${MODULE_NAMES[m].zh} ${MODULE_NAMES[m].en}`,
        days.map((c) => c.modules[m].score),
      ),
    );
  lines.push('', '  指标 Metrics (values):');
  for (const d of metricCatalogue) {
    const series = days.map((c) => c.metrics[d.id].value);
    lines.push(
      `  ${pad(`${d.name.zh} ${d.name.en}`, width)} ${sparkline(series.map((v) => (v === null ? null : v.toNumber())))}  ${seriesSummary(
        series,
        (v) => v.toNumber(),
        (v) => formatValue(v, d.unit),
      )}`,
    );
  }
  lines.push(
    '',
    'Each chart is scaled to its own range (a gap: no data that day); --json or --csv gives every value.',
  );
  return lines.join('\n');
}
