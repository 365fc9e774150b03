/**
 * The positional arguments of the commands (private).
 *
 * @module
 */
import { UsageError } from '../_options.js';

/** The one store (or values) file a command takes. */
export function expectOneFile(
  command: string,
  file: string | undefined,
  rest: readonly string[],
  what = 'store',
): string {
  if (file === undefined)
    throw new UsageError(
      what === 'store'
        ? `expected the store after "${command}": a .json file, a folder, or - for standard input`
        : `expected the ${what} file after "${command}"`,
      what === 'store'
        ? `"${command}" 后面需要店铺数据：.json 文件、文件夹，或 - 表示标准输入`
        : `"${command}" 后面需要店铺数据或指标值文件`,
    );
  if (rest.length > 0)
    throw new UsageError(
      `expected one ${what} file, found also ${rest.map((r) => JSON.stringify(r)).join(', ')}`,
      `只需要一个文件，多出了 ${rest.map((r) => JSON.stringify(r)).join('、')}`,
    );
  return file;
}
