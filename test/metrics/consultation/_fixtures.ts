/**
 * Shared helpers of the chat metric tests (the consultation module, and after-sales
 * satisfaction, which reads the same chat sessions and window).
 */
import type { ChatSession, MetricResult, Rating, RuleSet, StoreData } from '../../../src/index.js';
import { chat, sh } from '../../_helpers.js';

/** Evaluation day used throughout: D = 2026-11-23, chat window [D−35, D−6] = 2026-10-19..2026-11-17. */
export const D = '2026-11-23';

/** D's chat window [D−35, D−6], both days inclusive. */
export const CHAT_WINDOW = { from: '2026-10-19', to: '2026-11-17' } as const;

/** The value as an exact decimal string, or null. */
export const v = (r: MetricResult): string | null => r.value?.toString() ?? null;

/** A consultation of customer `c` at Shanghai time `t`, answered by an agent at once (received). */
export const received = (c: string, t: string): ChatSession =>
  chat(c, [
    ['customer', t],
    ['agent', t],
  ]);

/**
 * A consultation of `customerId` with one customer message at `start` (Shanghai time), rated
 * `rating` at `ratedAt` (default: 5 minutes after the start).
 */
export function rated(
  customerId: string,
  start: string,
  rating: Rating,
  extra: Partial<Omit<ChatSession, 'messages' | 'customerId'>> = {},
): ChatSession {
  return chat(customerId, [['customer', start]], {
    rating,
    ratedAt: sh(start) + 300_000,
    ...extra,
  });
}

/**
 * Four rated consultations of customers e1..e4 at the edges of D's chat window: 1 ms before D−35
 * (very satisfied), D−35 00:00 (satisfied), D−6 23:59:59.999 (neutral), D−5 00:00
 * (dissatisfied). Satisfied shares as of D−1, D, D+1: 2/2, 1/2, 0/2.
 */
export const ratedAtWindowEdges = (): ChatSession[] => [
  rated('e1', '2026-10-18 23:59:59.999', 'very-satisfied'),
  rated('e2', '2026-10-19 00:00:00', 'satisfied'),
  rated('e3', '2026-11-17 23:59:59.999', 'neutral'),
  rated('e4', '2026-11-18 00:00:00', 'dissatisfied'),
];

/**
 * `numerator/denominator` of a calculator as of D−1, D and D+1 (windows 2026-10-18..2026-11-16,
 * 2026-10-19..2026-11-17, 2026-10-20..2026-11-18), keyed by day.
 */
export function aroundD(
  calculate: (data: StoreData, options: { asOf: string; ruleSet?: RuleSet }) => MetricResult,
  data: StoreData,
  options: { ruleSet?: RuleSet } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const asOf of ['2026-11-22', D, '2026-11-24']) {
    const r = calculate(data, { ...options, asOf });
    out[asOf] = `${r.numerator.toString()}/${r.denominator.toString()}`;
  }
  return out;
}
