/**
 * `target`: what each metric would need alone, and the fewest cases together, to reach a
 * target.
 *
 * @module
 */
import type { ModuleId } from '../../ids.js';
import { pathToTarget, type Target } from '../../values/pathToTarget.js';
import { type Command, inputOf } from '../_command.js';
import { cardOf } from '../_inputs.js';
import { giveWarnings } from '../_io.js';
import { type ParsedArgs, plainNumber, UsageError } from '../_options.js';
import { renderTarget } from '../plan.js';
import { expectOneFile } from './_files.js';

/** The `target` command. */
export const targetCommand: Command = {
  name: 'target',
  synopsis: [
    'target <store|values> [--as-of D] (--total N | --composite N | --module <id> --score N | --stars N)',
  ],
  summary: {
    en: 'what each metric would need alone, and the fewest cases together, to reach a target.',
    zh: '要达到目标，每个指标单独需要达到多少，以及合起来最少要改善多少单。',
  },
  async run({ args, io, out }) {
    const [file, ...rest] = args.positionals;
    const source = expectOneFile('target', file, rest, 'store or values');
    const target = parseTarget(args.values);
    const progress = out.progress(args.values.quiet);
    const { card, warnings, peers } = await cardOf(source, args, io, progress);
    if (!giveWarnings(out, warnings, args.values.strict)) return 1;
    const way = await inputOf('target', () =>
      pathToTarget(card, target, peers === undefined ? {} : { peers }),
    );
    out.result(way, () => renderTarget(card, target, way));
    return 0;
  },
};

/** The target from its options. */
function parseTarget(values: ParsedArgs['values']): Target {
  const given = (['total', 'composite', 'stars', 'module'] as const).filter(
    (k) => values[k] !== undefined,
  );
  if (given.length !== 1)
    throw new UsageError(
      'expected one target: --total N, --composite N, --module <id> --score N or --stars N',
      '需要一个目标：--total N、--composite N、--module <id> --score N 或 --stars N',
    );
  if (values.score !== undefined && values.module === undefined)
    throw new UsageError(
      'expected --score N with --module <id> only',
      '--score N 只与 --module <id> 一起使用',
    );
  const num = (k: 'total' | 'composite' | 'stars' | 'score') =>
    plainNumber(values[k] as string, `--${k}`);
  if (values.module !== undefined) {
    if (values.score === undefined)
      throw new UsageError('expected --score N with --module', '--module 需要 --score N');
    return { module: values.module as ModuleId, score: num('score') };
  }
  if (values.total !== undefined) return { total: num('total') };
  if (values.composite !== undefined) return { composite: num('composite') };
  return { stars: num('stars') };
}
