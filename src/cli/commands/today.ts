/**
 * `today`: what is still open at an instant and by when, and the next days of each metric if
 * nothing new happens.
 *
 * @module
 */
import { openDeadlines } from '../../advice/deadlines.js';
import { forecast } from '../../advice/forecast.js';
import { formatShanghaiInstant, toEpochMs } from '../../time/shanghai.js';
import { type Command, inputOf } from '../_command.js';
import { storeReadOptions } from '../_inputs.js';
import { giveWarnings, readStore, setAsideWarning } from '../_io.js';
import { UsageError, wholeNumber } from '../_options.js';
import { renderToday } from '../today.js';
import { expectOneFile } from './_files.js';

/** The `today` command. */
export const todayCommand: Command = {
  name: 'today',
  synopsis: ['today <store> [--at INSTANT] [--days N] [--json]'],
  summary:
    'what is still open at an instant and by when (open deadlines, soonest first), and the next days of each metric if nothing new happens (docs/daily-routine.md).',
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const store = expectOneFile('today', file, rest);
    let atMs = (io.now ?? Date.now)();
    if (values.at !== undefined) {
      const ms = toEpochMs(values.at);
      if (typeof ms !== 'number') throw new UsageError(`--at: ${ms.error}`);
      atMs = ms;
    }
    const days = values.days === undefined ? 30 : wholeNumber(values.days, '--days', 1, 366);
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const { data, rejected } = await inputOf('store', () => readStore(store, io, progress, read));
    if (!giveWarnings(out, setAsideWarning(rejected), false)) return 1;
    progress?.phase('looking ahead');
    const deadlines = openDeadlines(data, { at: atMs });
    const f = forecast(data, { knownAt: atMs, days });
    progress?.done();
    const at = formatShanghaiInstant(atMs);
    out.result(
      {
        at,
        deadlines,
        forecast: {
          knownAt: f.knownAt,
          days: f.scorecards.map((c) => ({
            asOf: c.asOf,
            metrics: Object.fromEntries(Object.entries(c.metrics).map(([id, m]) => [id, m.value])),
          })),
          changes: f.changes,
        },
      },
      () => renderToday(data.store.id, at, deadlines, f),
    );
    return 0;
  },
};
