/**
 * The 放心购 assured-purchase bonus (`docs/sources.md`) and the total score it gives.
 *
 * The English source article (`docs/sources.md`) says that opening more 放心购 services adds more weather-vane points; how
 * many is not published. Defaults (`assumption`): 0.1 points per counted service, at most
 * 0.5, the three 先行理赔 services counting once together; the total stays at most 10.
 *
 * @module
 */

import { Dec, round2 } from '../decimal.js';
import {
  ArgumentError,
  expectArrayArgument,
  expectObjectArgument,
  expectShapeArgument,
} from '../errors.js';
import type { AssuredService, AssuredServiceId } from '../model.js';
import { type BonusRules, DEFAULT_BONUS } from '../rules/scoringDefaults.js';
import {
  ASSURED_SERVICE_IDS,
  isBuiltInServiceId,
  knownServiceIds,
} from '../schemas/assuredService.js';

export { ASSURED_SERVICE_IDS, knownServiceIds };

/** The bonus of {@link assuredBonus}. */
export interface AssuredBonus {
  /** Points added to the composite. */
  readonly points: number;
  /** The services open at the as-of instant, each once, in {@link ASSURED_SERVICE_IDS} order. */
  readonly active: AssuredServiceId[];
  /** How many services count after groups are collapsed (uncapped). */
  readonly counted: number;
}

/**
 * Whether one service record is open at the as-of instant: enabled before it and not
 * disabled before it (a disabling at or after the as-of instant has not happened yet).
 *
 * @example
 * ```ts
 * isServiceOpen({ service: 'door-pickup', enabledAt: 1000, disabledAt: 2000 }, 2000);
 * //=> true
 * isServiceOpen({ service: 'door-pickup', enabledAt: 2000 }, 2000);
 * //=> false
 * ```
 */
export function isServiceOpen(service: AssuredService, asOfMs: number): boolean {
  if (!(service.enabledAt < asOfMs)) return false;
  // Stryker disable next-line ConditionalExpression: `undefined < asOfMs` is false, as the guard's own answer
  return !(service.disabledAt !== undefined && service.disabledAt < asOfMs);
}

/**
 * The 放心购 bonus at the as-of instant (epoch ms of D 00:00 Shanghai). A service counts when
 * one of its records was enabled before the as-of instant and not disabled before it; several
 * records of one service count once; the services of a group (先行理赔: 破损包赔, 180天可退可换,
 * 产品责任险) count once together. Points = counted × `pointsPerService`, at most `cap`,
 * computed exactly (3 × 0.1 is 0.3).
 *
 * @throws {ArgumentError} when `asOfMs` is not a finite number.
 *
 * @example
 * ```ts
 * const asOf = Date.UTC(2026, 10, 1) - 8 * 3_600_000; // 2026-11-01 00:00 Shanghai
 * assuredBonus([
 *   { service: 'freight-insurance', enabledAt: asOf - 1 },
 *   { service: 'damage-compensation', enabledAt: 0 },
 *   { service: 'product-liability-insurance', enabledAt: 0 },
 *   { service: 'door-pickup', enabledAt: asOf }, // enabled at the as-of instant: not yet
 * ], asOf);
 * //=> { points: 0.2, active: ['freight-insurance', 'damage-compensation', 'product-liability-insurance'], counted: 2 }
 * ```
 */
export function assuredBonus(
  services: readonly AssuredService[],
  asOfMs: number,
  config: BonusRules = DEFAULT_BONUS,
): AssuredBonus {
  expectArrayArgument('assuredBonus', 'the services', services);
  for (const s of services) expectObjectArgument('assuredBonus', 'each service', s);
  expectShapeArgument('assuredBonus', 'the bonus rules', config, DEFAULT_BONUS);
  if (!Number.isFinite(asOfMs)) {
    throw new ArgumentError(
      `assuredBonus: expected asOfMs to be finite epoch milliseconds, found ${String(asOfMs)}`,
    );
  }
  const open = new Set<AssuredServiceId>();
  for (const s of services) if (isServiceOpen(s, asOfMs)) open.add(s.service);

  // Built-in services in their list's order, then the rule set's own, by id.
  const order = new Map<string, number>(ASSURED_SERVICE_IDS.map((id, i) => [id, i] as const));
  const rank = (id: string) => order.get(id) ?? ASSURED_SERVICE_IDS.length;
  // Ids in a set are never equal: `a < b` or not decides.
  // Stryker disable next-line EqualityOperator: `a <= b` is `a < b` for ids that are never equal
  const active = [...open].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));

  const groupOf = new Map<AssuredServiceId, string>();
  for (const g of config.groups.value) for (const m of g.members) groupOf.set(m, g.id);
  // Each counted unit (a service, or a group once) with its points: a group's are its best
  // open member's.
  const units = new Map<string, InstanceType<typeof Dec>>();
  for (const id of active) {
    const unit = groupOf.has(id) ? `group:${groupOf.get(id)}` : `service:${id}`;
    const own = new Dec(servicePointsOf(id, config) ?? 0);
    const prev = units.get(unit);
    if (prev === undefined || own.gt(prev)) units.set(unit, own);
  }
  const counted = units.size;
  let raw = new Dec(0);
  for (const p of units.values()) raw = raw.plus(p);
  const cap = new Dec(config.cap.value);
  const points = Dec.min(raw, cap).toNumber();
  return { points, active, counted };
}

/**
 * The total score: composite plus bonus, at most `cap` (10), exact, rounded to 2 decimals
 * half up. `null` when the composite is `null`.
 *
 * @throws {ArgumentError} on a non-finite composite, bonus or cap.
 *
 * @example
 * ```ts
 * totalScore(9.37, 0.3);
 * //=> 9.67
 * totalScore(9.8, 0.5);
 * //=> 10
 * totalScore(null, 0.5);
 * //=> null
 * ```
 */
export function totalScore(composite: number | null, bonus: number, cap = 10): number | null {
  for (const [what, v] of [
    ['bonus', bonus],
    ['cap', cap],
    // Only null means no composite: undefined (a JavaScript caller's slip) is refused.
    ['composite', composite === null ? 0 : composite],
  ] as const) {
    if (!Number.isFinite(v)) {
      throw new ArgumentError(
        `totalScore: expected ${what} to be a finite number, found ${String(v)}`,
      );
    }
  }
  if (composite === null) return null;
  const sum = new Dec(composite).plus(new Dec(bonus));
  return round2(Dec.min(sum, new Dec(cap)));
}

/**
 * The points one 放心购 service adds: its own in `servicePoints`, else `pointsPerService` for a
 * built-in service; `undefined` for a service the rule set does not know.
 *
 * @example
 * ```ts
 * servicePointsOf('freight-insurance');
 * //=> 0.1
 * servicePointsOf('green-packaging');
 * //=> undefined
 * ```
 */
export function servicePointsOf(
  id: AssuredServiceId,
  config: BonusRules = DEFAULT_BONUS,
): number | undefined {
  const own = Object.hasOwn(config.servicePoints, id) ? config.servicePoints[id] : undefined;
  if (own !== undefined) return own.value;
  return isBuiltInServiceId(id) ? config.pointsPerService.value : undefined;
}
