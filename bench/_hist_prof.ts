import { evaluateHistory, evaluateStore } from '../src/evaluate/evaluate.js';
import { readStoreDir } from '../src/node/index.js';

const d = await readStoreDir(process.argv[2] as string);
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  evaluateStore(d, { asOf: '2026-11-23' });
  const e = performance.now() - t;
  t = performance.now();
  evaluateHistory(d, { from: '2026-05-28', to: '2026-11-23' });
  const h = performance.now() - t;
  console.log(`eval ${e.toFixed(0)} history ${h.toFixed(0)} ratio ${(h / e).toFixed(2)}`);
}
