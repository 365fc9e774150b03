/**
 * `what-if`: a change scored again, with the difference in every score.
 *
 * @module
 */
import { whatIf } from '../../values/whatIf.js';
import { type Command, inputOf } from '../_command.js';
import { cardOf } from '../_inputs.js';
import { giveWarnings } from '../_io.js';
import { plainNumber, UsageError } from '../_options.js';
import { renderWhatIf } from '../plan.js';
import { expectOneFile } from './_files.js';

/** The `what-if` command. */
export const whatIfCommand: Command = {
  name: 'what-if',
  synopsis: [
    'what-if <store|values> [--as-of D] [--set <metric>=<value>]… [--open <service>]… [--close <service>]…',
  ],
  summary: 'a change scored again, with the difference in every score (docs/what-if.md).',
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const source = expectOneFile('what-if', file, rest, 'store or values');
    const change = {
      ...(values.set === undefined ? {} : { metrics: parseSets(values.set) }),
      ...(values.open === undefined ? {} : { open: unique(values.open, '--open') }),
      ...(values.close === undefined ? {} : { close: unique(values.close, '--close') }),
    };
    const both = (change.open ?? []).filter((s) => (change.close ?? []).includes(s));
    if (both.length > 0)
      throw new UsageError(
        `expected a service in --open or in --close, found ${both.map((s) => JSON.stringify(s)).join(', ')} in both`,
      );
    const progress = out.progress(values.quiet);
    const { card, warnings, peers } = await cardOf(source, args, io, progress);
    if (!giveWarnings(out, warnings, values.strict)) return 1;
    const result = await inputOf('change', () =>
      whatIf(card, change, peers === undefined ? {} : { peers }),
    );
    out.result({ change, difference: result.difference, after: result.after }, () =>
      renderWhatIf(card, result),
    );
    return 0;
  },
};

/** Each item once: a repeated one is a usage error. */
function unique(items: readonly string[], option: string): string[] {
  const seen = new Set<string>();
  for (const s of items) {
    if (seen.has(s))
      throw new UsageError(
        `expected each service once in ${option}, found ${JSON.stringify(s)} twice`,
      );
    seen.add(s);
  }
  return [...seen];
}

/** `--set id=value` pairs as metric values (plain decimal numbers, fractions for ratios). */
function parseSets(sets: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const i = s.indexOf('=');
    if (i <= 0 || s.slice(i + 1).trim() === '')
      throw new UsageError(`expected --set <metric id>=<number>, found ${JSON.stringify(s)}`);
    const id = s.slice(0, i).trim();
    if (Object.hasOwn(out, id))
      throw new UsageError(`expected one --set for ${JSON.stringify(id)}, found two`);
    out[id] = plainNumber(s.slice(i + 1), `the value of --set ${id}`);
  }
  return out;
}
