/** Writes docs/metrics.md from the metric definitions (run by `npm run docs`). */
import { writeFileSync } from 'node:fs';
import { renderMetricsDoc } from './metrics-doc.js';

const path = new URL('../docs/metrics.md', import.meta.url);
writeFileSync(path, renderMetricsDoc());
console.log('wrote docs/metrics.md');
