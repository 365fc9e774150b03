/**
 * `report`: a store's weather vane as one self-contained HTML file (docs/report.md): the scores
 * at a glance, the history, every metric with its provenance, the forecast and the open
 * deadlines, in Chinese with English beside it or in English.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { renderReport } from '../../report/renderReport.js';
import { DEFAULT_REPORT_DAYS, prepareReport } from '../../report/reportInput.js';
import { dayKeyOf, dayNumberOf, parseDayKey } from '../../time/shanghai.js';
import { type Command, inputOf } from '../_command.js';
import { readAverages, readPeers, storeReadOptions } from '../_inputs.js';
import { asOfWarnings, giveWarnings, readStore, setAsideWarning } from '../_io.js';
import { UsageError, wholeNumber } from '../_options.js';
import { expectOneFile } from './_files.js';

/** The `report` command. */
export const reportCommand: Command = {
  name: 'report',
  synopsis: [
    'report <store> -o report.html [--as-of D] [--days 180] [--peers peers.json] [--averages averages.json] [--lang zh|en]',
  ],
  summary: {
    en: 'writes the weather vane as one HTML file that opens offline and prints: scores, history, every metric with its provenance, forecast, open deadlines (docs/report.md).',
    zh: '把风向标写成一个 HTML 文件，离线可看、可打印：评分、历史、各指标及其来源、预测、待处理时限（docs/report.md）。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const store = expectOneFile('report', file, rest);
    const output = values.output;
    if (output === undefined)
      throw new UsageError(
        'expected -o <file.html> (or -o - for standard output)',
        '需要 -o <文件.html>（或 -o - 输出到标准输出）',
      );
    // Chinese with the English beside it unless English alone is asked for (--lang en, checked
    // by the command line): the locale does not change it, the page carries both.
    const lang = values.lang === 'en' ? 'en' : 'zh';
    const days =
      values.days === undefined ? DEFAULT_REPORT_DAYS : wholeNumber(values.days, '--days', 1, 732);
    let asOf = values['as-of'];
    let note: string | undefined;
    if (asOf === undefined) {
      // Today in Shanghai: its as-of instant is the end of yesterday, the last complete day.
      const today = dayNumberOf((io.now ?? Date.now)());
      asOf = dayKeyOf(today);
      note = `--as-of not given: evaluated as of ${asOf} (today in Shanghai), which counts everything up to the end of ${dayKeyOf(today - 1)}, the last complete day.`;
    } else parseDayKey(asOf, '--as-of');
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const { data, rejected } = await inputOf('store', () => readStore(store, io, progress, read));
    const peers = await readPeers(args, read);
    const industryAverages = await readAverages(args, read);
    // A note, not a warning: the default day is what was asked for, --strict does not refuse it.
    if (note !== undefined) out.note(note);
    const warnings = [...asOfWarnings(data, asOf), ...setAsideWarning(rejected)];
    if (!giveWarnings(out, warnings, values.strict)) return 1;
    progress?.phase(`building the report as of ${asOf}`);
    const input = prepareReport(data, {
      asOf,
      days,
      ...(peers === undefined ? {} : { peers }),
      ...(industryAverages === undefined ? {} : { industryAverages }),
    });
    const html = renderReport(input, { lang, ...(note === undefined ? {} : { note }) });
    progress?.done();
    if (output === '-') {
      io.stdout(html);
      return 0;
    }
    try {
      writeFileSync(output, html);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UsageError(
        `cannot write the report to ${JSON.stringify(output)}: ${why}`,
        `无法把报告写到 ${JSON.stringify(output)}：${why}`,
      );
    }
    const bytes = new TextEncoder().encode(html).length;
    out.result(
      { output, bytes, asOf, days: input.history.length, lang },
      () =>
        `wrote ${output} (${Math.ceil(bytes / 1024)} KB): ${data.store.id} as of ${asOf}, ${input.history.length} days of history, ${input.forecast?.scorecards.length ?? 0} days of forecast, ${input.deadlines?.length ?? 0} open deadlines`,
    );
    return 0;
  },
};
