/**
 * The package version (kept equal to package.json's by a test).
 *
 * @module
 */

/**
 * This library's version, as published.
 *
 * @example
 * ```ts
 * VERSION;
 * //=> '0.1.0'
 * ```
 */
export const VERSION = '0.1.0';
