/**
 * Argument checks shared by the standing rules.
 *
 * @internal
 * @module
 */

import { compareExact } from '../decimal.js';
import { ArgumentError } from '../errors.js';
import type { ModuleId } from '../ids.js';

/** Throws unless `v` is `null`/`undefined` or a fraction in [0, 1] (0.9 = 90%). */
export function checkFraction(fn: string, what: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v) || v < 0 || v > 1) {
    throw new ArgumentError(
      `${fn}: expected ${what} to be a fraction in [0, 1] (0.9 = 90%), found ${String(v)}`,
    );
  }
}

/** Throws unless `v` is `null`/`undefined` or a finite number ≥ 0. */
export function checkNonNegative(fn: string, what: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v) || v < 0) {
    throw new ArgumentError(
      `${fn}: expected ${what} to be a finite number ≥ 0, found ${String(v)}`,
    );
  }
}

/** `a ≥ b`, exactly on decimal representations. */
export const atLeast = (a: number, b: number): boolean => compareExact(a, b) >= 0;
/** `a > b`, exactly on decimal representations. */
export const above = (a: number, b: number): boolean => compareExact(a, b) > 0;
/** `a ≤ b`, exactly on decimal representations. */
export const atMost = (a: number, b: number): boolean => compareExact(a, b) <= 0;
/** `a < b`, exactly on decimal representations. */
export const below = (a: number, b: number): boolean => compareExact(a, b) < 0;

/** The given (non-null) module rankings, checked. */
export function givenRankings(
  fn: string,
  rankings: Partial<Record<ModuleId, number | null | undefined>> | undefined,
): [ModuleId, number][] {
  const out: [ModuleId, number][] = [];
  if (!rankings) return out;
  for (const [id, r] of Object.entries(rankings) as [ModuleId, number | null | undefined][]) {
    checkFraction(fn, `moduleRankings.${id}`, r);
    if (r !== null && r !== undefined) out.push([id, r]);
  }
  return out;
}
