/**
 * A command of the CLI (private): its name, synopsis and summary for the help, and what it
 * does with the parsed command line. Its options are declared in `_options.ts`.
 *
 * @module
 */
import { type InputIssue, isInvalidInputError } from '../errors.js';
import type { CliIo, Output } from './_io.js';
import type { Text } from './_lang.js';
import type { CommandName, ParsedArgs } from './_options.js';

/** What a command is given. */
export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: CliIo;
  readonly out: Output;
}

/** A command. */
export interface Command {
  readonly name: CommandName;
  /** The usage line(s) after `jd-weather-vane `. */
  readonly synopsis: readonly string[];
  /** What it does, in a sentence or two, in English and Chinese. */
  readonly summary: Text;
  /** Runs it; returns the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Invalid input, labelled with the input it came from (store, peers, values…). */
export class CliInputError extends Error {
  constructor(
    readonly what: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`invalid ${what} input`);
  }
}

/** Runs `f`; invalid input it throws is labelled as `what`'s. */
export async function inputOf<T>(what: string, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isInvalidInputError(e)) throw new CliInputError(what, e.issues);
    throw e;
  }
}
