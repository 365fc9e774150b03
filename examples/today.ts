/**
 * A customer-service lead's morning: what is still open and by when, and which metrics will
 * move in the coming days if nothing new happens, for the sample store at 2026-11-22 10:00.
 *
 * Run: `npx tsx examples/today.ts`
 */
import { readFileSync } from 'node:fs';
import { forecast, openDeadlines, parseStoreData } from 'jd-weather-vane';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const at = '2026-11-22 10:00';

// 1. The open cases, soonest first: reply, collect, deliver, complete before these instants.
const open = openDeadlines(data, { at });
console.log(`${open.length} open cases at ${at} (Shanghai):`);
for (const d of open.slice(0, 5)) {
  console.log(`  ${d.deadline}  ${d.metric}  ${d.recordId}: ${d.what}`);
}

// 2. The week ahead if nothing new happens: the days a metric moves, and why.
const week = forecast(data, { knownAt: at, days: 7 });
const negative = week.changes.filter((c) => c.metric === 'reviews.negative-rate');
console.log(`\nNegative review rate, next 7 days (${week.scorecards[0]?.asOf} on):`);
for (const c of negative) console.log(`  ${c.text}`);
