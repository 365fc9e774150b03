/**
 * `score`: the weather vane of one store for one evaluation day, or of the values read off
 * JD's back-end (`--values`).
 *
 * @module
 */
import { evaluateStore } from '../../evaluate/evaluate.js';
import { chatStageCounts } from '../../scorecard/dataSummary.js';
import { type StoreValues, scoreValues } from '../../values/scoreValues.js';
import { type Command, inputOf } from '../_command.js';
import {
  checkValuesAsOf,
  readAverages,
  readPeers,
  requireAsOf,
  storeReadOptions,
} from '../_inputs.js';
import {
  asOfWarnings,
  giveWarnings,
  readJsonInput,
  readOptions,
  readStore,
  storeWarnings,
} from '../_io.js';
import { UsageError } from '../_options.js';
import { renderScorecard } from '../render.js';
import { expectOneFile } from './_files.js';
import { runScoreAll } from './scoreAll.js';

/** The `score` command. */
export const scoreCommand: Command = {
  name: 'score',
  synopsis: [
    'score <store> --as-of YYYY-MM-DD [--peers peers.json] [--json] [--strict] [--lenient] [--quiet]',
    'score --values values.json [--as-of D] [--peers peers.json] [--json]',
    'score <folder> --all --as-of YYYY-MM-DD [--peers peers.json | --peers-from-run] [--json | --csv] [--workers N]',
  ],
  summary: {
    en: "computes JD's store weather vane (京东风向标) for one evaluation day.",
    zh: '计算店铺某个评估日的京东风向标：各指标、模块分、综合分、放心购加分与排名。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    if (values.all === true) return runScoreAll({ args, io, out });
    for (const o of ['peers-from-run', 'workers', 'csv'] as const)
      if (values[o] !== undefined) throw new UsageError(`--${o} applies to --all (many stores)`);
    const [file, ...rest] = positionals;
    if (values.values !== undefined) {
      if (file !== undefined)
        throw new UsageError(
          'expected either a store or --values, found both',
          '店铺数据与 --values 只能给一个',
        );
      for (const o of ['mapping', 'lenient'] as const)
        if (values[o] !== undefined)
          throw new UsageError(
            `--${o} applies to store records, not to --values`,
            `--${o} 只用于店铺记录，不用于 --values`,
          );
      const read = readOptions(values);
      const input = (await inputOf('values', () =>
        readJsonInput(values.values as string, 'values', read),
      )) as StoreValues;
      if (values['as-of'] !== undefined) parseCheckedValuesAsOf(input, values['as-of']);
      const peers = await readPeers(args, read);
      const averages = await readAverages(args, read);
      if (
        averages !== undefined &&
        typeof input === 'object' &&
        input !== null &&
        input.industryAverages !== undefined
      )
        throw new UsageError(
          'expected the industry averages in the values file or in --averages, found both',
          '行业均值只能在指标值文件或 --averages 中给出一处',
        );
      const card = await inputOf('values', () =>
        scoreValues({
          ...input,
          ...(peers === undefined ? {} : { peers }),
          ...(averages === undefined ? {} : { industryAverages: averages }),
        }),
      );
      out.result(card, () => renderScorecard(card));
      return 0;
    }
    const store = expectOneFile('score', file, rest);
    const asOf = requireAsOf(values['as-of']);
    const progress = out.progress(values.quiet);
    const read = await storeReadOptions(args);
    const stored = await inputOf('store', () => readStore(store, io, progress, read));
    const { data } = stored;
    const peers = await readPeers(args, read);
    const industryAverages = await readAverages(args, read);
    const warnings = [...asOfWarnings(data, asOf), ...storeWarnings(stored)];
    if (!giveWarnings(out, warnings, values.strict)) return 1;
    progress?.phase(`evaluating as of ${asOf}`);
    const card = evaluateStore(data, {
      asOf,
      ...(peers === undefined ? {} : { peers }),
      ...(industryAverages === undefined ? {} : { industryAverages }),
    });
    progress?.done();
    out.result(card, () => renderScorecard(card, { stages: chatStageCounts(data, { asOf }) }));
    return 0;
  },
};

/** `--as-of` given with `--values`: a day, and the values file's own. */
function parseCheckedValuesAsOf(input: StoreValues, asOf: string): void {
  requireAsOf(asOf);
  if (typeof input === 'object' && input !== null) checkValuesAsOf(input, asOf);
}
