/**
 * Store stars and the Good Shop badge from the ranking rate (`docs/sources.md`).
 *
 * Source: rule of 2019-11, https://27931166.com/articles/86 (`published`); the module floor
 * for the top band from 2020-09-15, https://edu.yunjiglobal.com/?p=1585 (`published`).
 *
 * @module
 */
import { expectNumberArgument, expectObjectArgument, expectShapeArgument } from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { DEFAULT_STAR_TABLE, type StarTable } from '../rules/scoringDefaults.js';
import { atLeast, checkFraction, givenRankings } from './_checks.js';

/** Each module's ranking rate among its peers, a fraction; absent or `null` when unknown. */
export type ModuleRankings = Partial<Record<ModuleId, number | null>>;

/** Input of {@link storeStars}. */
export interface StoreStarsOptions {
  /** The ranking rate (风向标排名率) as a fraction (0.9 = 90%); `null` when the store has no ranking. */
  readonly rankingRate: number | null;
  /** Module rankings: the top band and the Good Shop badge need every module's, each ≥ 30%. */
  readonly moduleRankings?: ModuleRankings | undefined;
  /** Whether the store is certified 京东好店 Good Shop. */
  readonly goodShopCertified?: boolean | undefined;
  /**
   * Modules the store has no data for: not assessed, so not held against the module floor
   * (`assumption`), whatever ranking they have; a module merely without a ranking is unknown.
   */
  readonly notAssessed?: readonly ModuleId[] | undefined;
}

/** Result of {@link storeStars}. */
export interface StoreStars {
  /** Stars shown, or `null` without a ranking. */
  readonly stars: number | null;
  /** `'good-shop'` when the Good Shop badge is shown instead of the stars' top band. */
  readonly badge: 'good-shop' | null;
  /**
   * Module rankings that were not supplied although the ranking rate reaches the top band: the
   * top band (and the badge) could not be verified, so the result stops below it. Empty
   * otherwise.
   */
  readonly unverifiedModules: readonly ModuleId[];
}

/**
 * Store stars from the ranking rate r, lower bounds inclusive, compared exactly (0.9 gives
 * 4.9, 0.8999 gives 4.5):
 *
 * | r | stars |
 * |---|---|
 * | ≥ 90% and certified Good Shop | 4.9 with the Good Shop badge |
 * | ≥ 90% | 4.9 |
 * | ≥ 70% | 4.5 |
 * | ≥ 40% | 4.0 |
 * | ≥ 20% | 3.5 |
 * | ≥ 3% | 3.0 |
 * | < 3% | 2.5 |
 * | no ranking | `null` |
 *
 * From 2020-09-15 the top band and the badge also need every module ranking ≥ 30%
 * (`published`). A module ranking not supplied is not taken as met: the top band is then
 * unverified, the store shows 4.5 and `unverifiedModules` names what is missing. Below the
 * floor the store also shows 4.5 (`assumption`: the notice does not say). A module the store
 * has no data for (`notAssessed`) is not held against the floor (`assumption`).
 *
 * @throws {ArgumentError} when a rate is not a fraction in [0, 1].
 *
 * @example
 * ```ts
 * const all = { consultation: 0.5, reviews: 0.5, 'after-sales': 0.5, logistics: 0.5, disputes: 0.5 };
 * storeStars({ rankingRate: 0.9, moduleRankings: all });
 * //=> { stars: 4.9, badge: null, unverifiedModules: [] }
 * storeStars({ rankingRate: 0.8999 });
 * //=> { stars: 4.5, badge: null, unverifiedModules: [] }
 * storeStars({ rankingRate: 0.95 }); // module rankings unknown: 4.9 cannot be verified
 * //=> { stars: 4.5, badge: null, unverifiedModules: ['consultation', 'reviews', 'after-sales', 'logistics', 'disputes'] }
 * storeStars({ rankingRate: 0.95, goodShopCertified: true, moduleRankings: { ...all, logistics: 0.25 } });
 * //=> { stars: 4.5, badge: null, unverifiedModules: [] }
 * storeStars({ rankingRate: 0.95, moduleRankings: { reviews: 0.5, 'after-sales': 0.5, logistics: 0.5, disputes: 0.5 }, notAssessed: ['consultation'] });
 * //=> { stars: 4.9, badge: null, unverifiedModules: [] }
 * storeStars({ rankingRate: null });
 * //=> { stars: null, badge: null, unverifiedModules: [] }
 * ```
 */
export function storeStars(
  options: StoreStarsOptions,
  table: StarTable = DEFAULT_STAR_TABLE,
): StoreStars {
  expectObjectArgument('storeStars', 'the options', options);
  expectShapeArgument('storeStars', 'the star table', table, DEFAULT_STAR_TABLE);
  expectNumberArgument('storeStars', 'rankingRate', options.rankingRate, true);
  expectObjectArgument('storeStars', 'moduleRankings', options.moduleRankings, true);
  const r = options.rankingRate;
  checkFraction('storeStars', 'rankingRate', r);
  const modules = givenRankings('storeStars', options.moduleRankings);
  if (r === null) return { stars: null, badge: null, unverifiedModules: [] };

  const bands = [...table.bands.value].sort((a, b) => b.minRate - a.minRate);
  const exempt = new Set(options.notAssessed ?? []);
  const given = new Set(modules.map(([id]) => id));
  const missing = MODULE_IDS.filter((m) => !given.has(m) && !exempt.has(m));
  const modulesOk =
    missing.length === 0 &&
    modules.every(([id, m]) => exempt.has(id) || atLeast(m, table.topModuleFloor.value));
  const index = bands.findIndex((b) => atLeast(r, b.minRate));
  let stars = index === -1 ? table.floorStars.value : (bands[index] as { stars: number }).stars;
  if (index === 0 && !modulesOk) stars = table.topFallbackStars.value;
  const badge =
    options.goodShopCertified === true && modulesOk && atLeast(r, table.goodShopMinRate.value)
      ? 'good-shop'
      : null;
  const reachesTop = index === 0 || atLeast(r, table.goodShopMinRate.value);
  return { stars, badge, unverifiedModules: reachesTop ? missing : [] };
}
