/**
 * The inputs the commands share (private): peers, the CSV mapping, the read options, and a
 * scorecard from a store or a values file.
 *
 * @module
 */
import type { Scorecard } from '../evaluate/evaluate.js';
import { evaluateStore } from '../evaluate/evaluate.js';
import type { CsvMapping } from '../node/csvMapping.js';
import { type IndustryAverages, parseIndustryAverages } from '../scorecard/industryAverages.js';
import { type PeerData, parsePeerData } from '../scorecard/peers.js';
import { parseDayKey } from '../time/shanghai.js';
import { parseScorecard } from '../values/parseScorecard.js';
import { type StoreValues, scoreValues } from '../values/scoreValues.js';
import { inputOf } from './_command.js';
import {
  asOfWarnings,
  type CliIo,
  isFolder,
  type Progress,
  parseStoreJson,
  type ReadOptions,
  readJsonInput,
  readOptions,
  readStore,
  storeWarnings,
  type Warning,
} from './_io.js';
import { type ParsedArgs, UsageError } from './_options.js';

/** `--peers`, read and checked (undefined when not given). */
export async function readPeers(
  args: ParsedArgs,
  read: ReadOptions,
): Promise<PeerData | undefined> {
  const file = args.values.peers;
  if (file === undefined) return undefined;
  return inputOf('peers', async () => parsePeerData(await readJsonInput(file, 'peers', read)));
}

/** `--averages`, read and checked (undefined when not given). */
export async function readAverages(
  args: ParsedArgs,
  read: ReadOptions,
): Promise<IndustryAverages | undefined> {
  const file = args.values.averages;
  if (file === undefined) return undefined;
  return inputOf('averages', async () =>
    parseIndustryAverages(await readJsonInput(file, 'averages', read)),
  );
}

/** The read options of the command line, the `--mapping` file read (checked by the reader). */
export async function storeReadOptions(args: ParsedArgs): Promise<ReadOptions> {
  const read = readOptions(args.values);
  const file = args.values.mapping;
  if (file === undefined) return read;
  const mapping = (await inputOf('mapping', () =>
    readJsonInput(file, 'mapping', read),
  )) as CsvMapping;
  return { ...read, mapping };
}

/** `--as-of`, required and checked. */
export function requireAsOf(asOf: string | undefined, what = 'a store'): string {
  if (asOf === undefined)
    throw new UsageError(
      `expected --as-of YYYY-MM-DD for ${what} (the evaluation day)`,
      '需要 --as-of YYYY-MM-DD（评估日）',
    );
  parseDayKey(asOf, '--as-of');
  return asOf;
}

/** A values file's `asOf` against `--as-of`: a contradiction is refused. */
export function checkValuesAsOf(values: StoreValues, asOf: string | undefined): void {
  if (asOf !== undefined && asOf !== values.asOf)
    throw new UsageError(
      `expected --as-of to match the values file's asOf (${JSON.stringify(values.asOf)}), found ${asOf}`,
      `--as-of ${asOf} 与指标值文件的 asOf（${JSON.stringify(values.asOf)}）不一致`,
    );
}

/** A scorecard with the warnings met on the way. */
export interface CardRead {
  readonly card: Scorecard;
  readonly warnings: readonly Warning[];
  /** The peers it was scored against (`--peers`). */
  readonly peers: PeerData | undefined;
}

/** A scorecard from a store (evaluated as of `--as-of`) or a values file (scored). */
export async function cardOf(
  file: string,
  args: ParsedArgs,
  io: CliIo,
  progress: Progress | undefined,
): Promise<CardRead> {
  const read = await storeReadOptions(args);
  const peers = await readPeers(args, read);
  const asOf = args.values['as-of'];
  let json: unknown;
  if (file !== '-' && !isFolder(file)) {
    if (read.mapping !== undefined)
      throw new UsageError(
        '--mapping applies to a store folder (CSV files), not to a .json file',
        '--mapping 只用于店铺文件夹（CSV 文件），不用于 .json 文件',
      );
    json = await inputOf('store', () => readJsonInput(file, 'store', read));
    if (typeof json === 'object' && json !== null && 'modules' in json && 'metrics' in json) {
      // A scorecard read back (`score --json`): taken as it was scored.
      if (read.lenient === true)
        throw new UsageError(
          '--lenient applies to store records, not to a scorecard',
          '--lenient 只用于店铺记录，不用于评分卡',
        );
      const card = await inputOf('scorecard', () => parseScorecard(json));
      if (asOf !== undefined && asOf !== card.asOf)
        throw new UsageError(
          `expected --as-of to match the scorecard's asOf (${JSON.stringify(card.asOf)}), found ${asOf}`,
          `--as-of ${asOf} 与评分卡的 asOf（${JSON.stringify(card.asOf)}）不一致`,
        );
      return { card, warnings: [], peers };
    }
    if (typeof json === 'object' && json !== null && 'metrics' in json) {
      if (read.lenient === true)
        throw new UsageError(
          '--lenient applies to store records, not to a values file',
          '--lenient 只用于店铺记录，不用于指标值文件',
        );
      const v = json as StoreValues;
      checkValuesAsOf(v, asOf);
      const card = await inputOf('values', () =>
        scoreValues(peers === undefined ? v : { ...v, peers }),
      );
      return { card, warnings: [], peers };
    }
  }
  const day = requireAsOf(asOf);
  const stored = await inputOf('store', () =>
    json === undefined ? readStore(file, io, progress, read) : parseStoreJson(json, read.lenient),
  );
  const { data } = stored;
  progress?.phase(`evaluating as of ${day}`);
  const card = evaluateStore(data, peers ? { asOf: day, peers } : { asOf: day });
  return {
    card,
    warnings: [...asOfWarnings(data, day), ...storeWarnings(stored)],
    peers,
  };
}
