/**
 * The entity families the metrics read, in the order the engine measures them.
 *
 * @module
 */
import type { Family } from '../engine/types.js';
import { orderFamily, reviewGroupFamily, serviceOrderFamily } from './_entities.js';
import { customerFamily } from './consultation/_customers.js';

/** Every family by the key a definition's `measure` uses. */
export const FAMILIES = Object.freeze({
  customer: customerFamily,
  order: orderFamily,
  serviceOrder: serviceOrderFamily,
  reviews: reviewGroupFamily,
}) satisfies Readonly<Record<string, Family<unknown>>>;
