/** Writes docs/metrics.md, docs/scoring.md and README.md's provenance counts from the definitions and rule set (`npm run docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMetricsDoc } from './metrics-doc.js';
import { withProvenanceSummary } from './provenance-doc.js';
import { renderScoringDoc } from './scoring-doc.js';

writeFileSync(new URL('../docs/metrics.md', import.meta.url), renderMetricsDoc());
writeFileSync(new URL('../docs/scoring.md', import.meta.url), renderScoringDoc());
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withProvenanceSummary(readFileSync(readme, 'utf8')));
console.log('wrote docs/metrics.md, docs/scoring.md and the provenance counts of README.md');
