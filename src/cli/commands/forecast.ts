/**
 * `forecast`: each metric's next days from the facts known at an instant, if nothing new
 * happens, with the days records enter or leave its window (`today` without the deadlines).
 *
 * @module
 */
import { forecast } from '../../advice/forecast.js';
import { type Command, inputOf } from '../_command.js';
import { storeReadOptions } from '../_inputs.js';
import { giveWarnings, readStore, storeWarnings } from '../_io.js';
import { UsageError } from '../_options.js';
import { forecastCsv, renderForecast } from '../today.js';
import { expectOneFile } from './_files.js';
import { forecastJson, lookFrom, staleDataWarnings } from './today.js';

/** The `forecast` command. */
export const forecastCommand: Command = {
  name: 'forecast',
  synopsis: ['forecast <store> [--at INSTANT] [--days N] [--json | --csv]'],
  summary: {
    en: "each metric's next days if nothing new happens, from the facts known at an instant, with the days records enter or leave its window and the range the cases open now span (--json, --csv).",
    zh: '若无新情况，各指标未来几天的走势：基于某一时刻已知的事实，标出记录进入或离开考核窗口的日子，以及当前未完成事项可能带来的范围（--json，--csv）。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const store = expectOneFile('forecast', file, rest);
    if (values.json === true && values.csv === true)
      throw new UsageError('expected --json or --csv, found both', '--json 与 --csv 只能选一个');
    const { atMs, days } = lookFrom(values, io);
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const stored = await inputOf('store', () => readStore(store, io, progress, read));
    const { data } = stored;
    const warnings = [...staleDataWarnings(data, atMs), ...storeWarnings(stored)];
    if (!giveWarnings(out, warnings, values.strict)) return 1;
    progress?.phase('looking ahead');
    const f = forecast(data, { knownAt: atMs, days });
    progress?.done();
    if (values.csv === true) out.text(forecastCsv(f));
    else
      out.result(forecastJson(f), () =>
        [`京东风向标 forecast 预测 · ${data.store.id}`, '', renderForecast(f)].join('\n'),
      );
    return 0;
  },
};
