import type { Rating } from '../../model.js';

/** @internal Very satisfied or satisfied (非常满意 + 满意). */
export function isSatisfied(r: Rating): boolean {
  return r === 'very-satisfied' || r === 'satisfied';
}
