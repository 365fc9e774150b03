/**
 * `today`: what is still open at an instant and by when, and the next days of each metric if
 * nothing new happens.
 *
 * @module
 */
import { openDeadlines } from '../../advice/deadlines.js';
import { type Forecast, forecast } from '../../advice/forecast.js';
import type { StoreData } from '../../model.js';
import { dataSpan } from '../../scorecard/dataSummary.js';
import { dayNumberOf, formatShanghaiInstant, parseDayKey, toEpochMs } from '../../time/shanghai.js';
import { type Command, inputOf } from '../_command.js';
import { storeReadOptions } from '../_inputs.js';
import { type CliIo, giveWarnings, readStore, storeWarnings, type Warning } from '../_io.js';
import { UsageError, wholeNumber } from '../_options.js';
import { renderToday } from '../today.js';
import { expectOneFile } from './_files.js';

/**
 * Days the data may end before `--at` without a warning (`assumption`: an export of
 * yesterday's data read this morning is fresh; a week-old one shows open deadlines that have
 * long been met or missed).
 */
export const STALE_DATA_DAYS = 3;

/** A warning when the data ends more than {@link STALE_DATA_DAYS} days before `at`. */
export function staleDataWarnings(data: StoreData, atMs: number): Warning[] {
  const span = dataSpan(data);
  if (span === null) return [];
  const days = dayNumberOf(atMs) - parseDayKey(span.to);
  if (days <= STALE_DATA_DAYS) return [];
  return [
    {
      code: 'stale-data',
      message: `the data ends on ${span.to}, ${days} days before --at: what was open then has long been met or missed, and the forecast lacks everything since; export fresh data`,
      zh: `数据截止于 ${span.to}，比 --at 早 ${days} 天：当时未完成的事项早已有结果，预测也缺少此后的一切；请导出最新数据`,
    },
  ];
}

/** `--at` (default: now) and `--days` (default 30) of `today` and `forecast`. */
export function lookFrom(
  values: { readonly at?: string; readonly days?: string },
  io: CliIo,
): { atMs: number; days: number } {
  let atMs = (io.now ?? Date.now)();
  if (values.at !== undefined) {
    const ms = toEpochMs(values.at);
    if (typeof ms !== 'number') throw new UsageError(`--at: ${ms.error}`, `--at：${ms.error}`);
    atMs = ms;
  }
  const days = values.days === undefined ? 30 : wholeNumber(values.days, '--days', 1, 366);
  return { atMs, days };
}

/** A forecast as JSON: each day's metric values, the metrics with too little data, the open cases and the changes. */
export function forecastJson(f: Forecast): unknown {
  return {
    knownAt: f.knownAt,
    days: f.scorecards.map((c) => ({
      asOf: c.asOf,
      metrics: Object.fromEntries(Object.entries(c.metrics).map(([id, m]) => [id, m.value])),
      // Below the minimum sample: too little data that day, whatever the value says.
      tooLittleData: Object.values(c.metrics)
        .filter((m) => m.status === 'too-little-data')
        .map((m) => m.id),
    })),
    openCases: f.openCases,
    changes: f.changes,
  };
}

/** The `today` command. */
export const todayCommand: Command = {
  name: 'today',
  synopsis: ['today <store> [--at INSTANT] [--days N] [--json]'],
  summary: {
    en: 'what is still open at an instant and by when (open deadlines, soonest first), and the next days of each metric if nothing new happens (docs/daily-routine.md).',
    zh: '某一时刻仍未到期的考核事项及其截止时间（最早的在前），以及若无新情况各指标未来几天的走势（docs/daily-routine.md）。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const store = expectOneFile('today', file, rest);
    const { atMs, days } = lookFrom(values, io);
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const stored = await inputOf('store', () => readStore(store, io, progress, read));
    const { data } = stored;
    if (!giveWarnings(out, [...staleDataWarnings(data, atMs), ...storeWarnings(stored)], false))
      return 1;
    progress?.phase('looking ahead');
    const deadlines = openDeadlines(data, { at: atMs });
    const f = forecast(data, { knownAt: atMs, days });
    progress?.done();
    const at = formatShanghaiInstant(atMs);
    out.result(
      {
        at,
        deadlines,
        forecast: forecastJson(f),
      },
      () => renderToday(data.store.id, at, deadlines, f),
    );
    return 0;
  },
};
