/**
 * The ground the other stages stand on: module ids and names, a metric's unit and direction.
 * Imports nothing.
 *
 * @module
 */

/** The five modules (因子) of the weather vane. */
export type ModuleId = 'consultation' | 'reviews' | 'after-sales' | 'logistics' | 'disputes';

/**
 * Every module id, in display order.
 *
 * @example
 * ```ts
 * MODULE_IDS.length;
 * //=> 5
 * ```
 */
export const MODULE_IDS: readonly ModuleId[] = Object.freeze([
  'consultation',
  'reviews',
  'after-sales',
  'logistics',
  'disputes',
] as const);

/** A name as JD's merchant back-end shows it (`zh`) and in English. */
export interface Name {
  readonly zh: string;
  readonly en: string;
}

/**
 * Chinese and English module names.
 *
 * @example
 * ```ts
 * MODULE_NAMES['after-sales'];
 * //=> { zh: '售后体验', en: 'After-sales' }
 * ```
 */
export const MODULE_NAMES: Readonly<Record<ModuleId, Name>> = Object.freeze({
  consultation: Object.freeze({ zh: '咨询体验', en: 'Consultation' }),
  reviews: Object.freeze({ zh: '用户评价', en: 'Reviews' }),
  'after-sales': Object.freeze({ zh: '售后体验', en: 'After-sales' }),
  logistics: Object.freeze({ zh: '物流履约', en: 'Logistics' }),
  disputes: Object.freeze({ zh: '交易纠纷', en: 'Disputes' }),
});

/** Unit of a metric value: a fraction in [0, 1], seconds, hours, or points (0–10). */
export type MetricUnit = 'ratio' | 'seconds' | 'hours' | 'points';

/** Whether a higher or a lower value is better. */
export type Direction = 'higher-is-better' | 'lower-is-better';
