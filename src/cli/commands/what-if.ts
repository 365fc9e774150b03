/**
 * `what-if`: a change scored again, with the difference in every score.
 *
 * @module
 */
import { metricCatalogue } from '../../metrics/catalogue.js';
import { ASSURED_SERVICE_NAMES } from '../../schemas/assuredService.js';
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
  summary: {
    en: 'a change scored again, with the difference in every score (docs/what-if.md).',
    zh: '假设某项改动后重新评分，给出每个分数的变化（docs/what-if.md）。',
  },
  async run({ args, io, out }) {
    const { values, positionals } = args;
    const [file, ...rest] = positionals;
    const source = expectOneFile('what-if', file, rest, 'store or values');
    const change = {
      ...(values.set === undefined ? {} : { metrics: parseSets(values.set) }),
      ...(values.open === undefined
        ? {}
        : { open: unique(values.open.map(serviceIdOf), '--open') }),
      ...(values.close === undefined
        ? {}
        : { close: unique(values.close.map(serviceIdOf), '--close') }),
    };
    const both = (change.open ?? []).filter((s) => (change.close ?? []).includes(s));
    if (both.length > 0)
      throw new UsageError(
        `expected a service in --open or in --close, found ${both.map((s) => JSON.stringify(s)).join(', ')} in both`,
        `同一服务不能既 --open 又 --close：${both.map((s) => JSON.stringify(s)).join('、')}`,
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

/**
 * A metric named on the command line: its id, or its Chinese or English name
 * (`30秒应答率`, `30-second response rate`). An id without its module
 * (`response-rate-30s`) is a usage error with the full id.
 */
export function metricIdOf(text: string): string {
  const byName = metricCatalogue.find(
    (d) => d.name.zh === text || d.name.en.toLowerCase() === text.toLowerCase(),
  );
  if (byName !== undefined) return byName.id;
  if (!text.includes('.')) {
    const full = metricCatalogue.find((d) => d.id.endsWith(`.${text}`));
    if (full !== undefined)
      throw new UsageError(
        `expected a metric id with its module, found ${JSON.stringify(text)}: did you mean "${full.id}"?`,
        `指标 id 需要带模块名，实际为 ${JSON.stringify(text)}：是否要用 "${full.id}"？`,
      );
  }
  return text;
}

/** A 放心购 service named on the command line: its id, or its Chinese or English name (`运费险`). */
export function serviceIdOf(text: string): string {
  for (const [id, name] of Object.entries(ASSURED_SERVICE_NAMES))
    if (name.zh === text || name.en.toLowerCase() === text.toLowerCase()) return id;
  return text;
}

/** Each item once: a repeated one is a usage error. */
function unique(items: readonly string[], option: string): string[] {
  const seen = new Set<string>();
  for (const s of items) {
    if (seen.has(s))
      throw new UsageError(
        `expected each service once in ${option}, found ${JSON.stringify(s)} twice`,
        `${option} 中每个服务只能出现一次，${JSON.stringify(s)} 出现了两次`,
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
      throw new UsageError(
        `expected --set <metric id>=<number>, found ${JSON.stringify(s)}`,
        `--set 的格式为 <指标>=<数值>，实际为 ${JSON.stringify(s)}`,
      );
    const id = metricIdOf(s.slice(0, i).trim());
    if (Object.hasOwn(out, id))
      throw new UsageError(
        `expected one --set for ${JSON.stringify(id)}, found two`,
        `${JSON.stringify(id)} 只能 --set 一次，实际给了两次`,
      );
    out[id] = plainNumber(s.slice(i + 1), `the value of --set ${id}`);
  }
  return out;
}
