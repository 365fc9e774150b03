// usage: node --expose-gc --import tsx /tmp/quick.mjs <repoRoot>
const root = process.argv[2];
const { generateStore, ordersPerDayFor } = await import(`${root}/examples/generate.ts`);
const lib = await import(`${root}/src/index.ts`);
const raw = generateStore({ seed: 7, endDay: '2026-11-22', days: 400, ordersPerDay: ordersPerDayFor(1_000_000, 400), instantFormat: 'epoch-ms', storeId: 'q' });
const data = lib.parseStoreData(raw);
const asOf = '2026-11-23';
const time = (f) => { const t = performance.now(); const v = f(); return [performance.now() - t, v]; };
lib.evaluateStore(data, { asOf });
const runs = [];
for (let i = 0; i < 7; i++) { global.gc?.(); runs.push(time(() => lib.evaluateStore(data, { asOf }))[0]); }
runs.sort((a, b) => a - b);
global.gc?.();
const [h] = time(() => lib.evaluateHistory(data, { from: '2026-05-27', to: '2026-11-22' }));
const [h30] = time(() => lib.evaluateHistory(data, { from: '2026-11-23', to: '2026-12-22' }));
console.log(JSON.stringify({ root, records: raw.orders.length, evaluateMedianMs: Math.round(runs[3]), history180Ms: Math.round(h), history30Ms: Math.round(h30) }));
