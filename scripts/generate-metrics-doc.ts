/** Writes docs/metrics.md and docs/scoring.md from the definitions and rule set (`npm run docs`). */
import { writeFileSync } from 'node:fs';
import { renderMetricsDoc } from './metrics-doc.js';
import { renderScoringDoc } from './scoring-doc.js';

writeFileSync(new URL('../docs/metrics.md', import.meta.url), renderMetricsDoc());
writeFileSync(new URL('../docs/scoring.md', import.meta.url), renderScoringDoc());
console.log('wrote docs/metrics.md and docs/scoring.md');
