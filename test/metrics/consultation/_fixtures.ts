/**
 * Shared helpers of the chat metric tests (consultation, and after-sales satisfaction).
 */
import type { ChatSession, MetricResult } from '../../../src/index.js';
import { chat } from '../../_helpers.js';

/** Evaluation day used throughout: D = 2026-11-23, chat window [D−35, D−6] = 2026-10-19..2026-11-17. */
export const D = '2026-11-23';

/** The value as an exact decimal string, or null. */
export const v = (r: MetricResult): string | null => r.value?.toString() ?? null;

/** A consultation of customer `c` at Shanghai time `t`, answered by an agent at once (received). */
export const received = (c: string, t: string): ChatSession =>
  chat(c, [
    ['customer', t],
    ['agent', t],
  ]);
