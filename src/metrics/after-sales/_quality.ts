/**
 * Quality reasons of after-sales service orders (article ZH, 产品质量返修率).
 *
 * @module
 */
import type { ServiceReason } from '../../model.js';

/**
 * The six quality reasons (article ZH): 产品质量 product quality, 假旧货 fake or used, 开箱残
 * dead on arrival, 缺少配件 missing parts, 软性故障 soft failure, 外观原因 appearance.
 * `no-reason` (无理由) and `other` are not quality reasons.
 *
 * @internal
 */
export const QUALITY_REASONS: ReadonlySet<ServiceReason> = new Set<ServiceReason>([
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
]);

/**
 * Whether a service order's reason is a quality reason.
 *
 * @internal
 */
export function isQualityReason(reason: ServiceReason): boolean {
  return QUALITY_REASONS.has(reason);
}
