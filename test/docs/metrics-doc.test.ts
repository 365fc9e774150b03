import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../../scripts/metrics-doc.js';
import { renderProvenanceSummary, withProvenanceSummary } from '../../scripts/provenance-doc.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';

describe('docs/metrics.md', () => {
  it('is up to date with the metric definitions (run `npm run docs` to regenerate)', () => {
    const committed = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderMetricsDoc());
  });

  it('documents every metric with its window and provenance', () => {
    const doc = renderMetricsDoc();
    for (const m of metricCatalogue) {
      expect(doc).toContain(`### ${m.id}`);
      expect(doc).toContain(m.name.zh);
    }
    expect(doc).not.toContain('TODO');
  });
});

describe('docs/scoring.md', () => {
  it('is up to date with the rule set (run `npm run docs` to regenerate)', async () => {
    const { renderScoringDoc } = await import('../../scripts/scoring-doc.js');
    const committed = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderScoringDoc());
    expect(committed).toContain('9.37');
    for (const m of metricCatalogue) expect(committed).toContain(`\`${m.id}\``);
  });
});

describe('README.md', () => {
  it('shows the current provenance counts (run `npm run docs` to regenerate)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`<!-- provenance-counts:start -->\n${renderProvenanceSummary()}\n`);
    expect(withProvenanceSummary(readme)).toBe(readme);
  });

  it('claims no more than the library does', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).not.toMatch(/exactly as JD defines/);
  });
});

describe('the provenance census in docs/metrics.md', () => {
  it('counts the tags and lists the assumptions with their options', () => {
    const doc = renderMetricsDoc();
    expect(doc).toContain('## Provenance of the rules');
    expect(doc).toMatch(
      /\| `windows\['after-sales\.repair-rate'\]` \| .*出库月销量.* \| `windows\['after-sales\.repair-rate'\]` \|/,
    );
    expect(doc).toMatch(/\| `after-sales\.duration anchor` \| .* \| — \|/);
  });
});

describe('the generated docs', () => {
  it('cite public sources and the project’s own docs, never internal files', async () => {
    const { renderScoringDoc } = await import('../../scripts/scoring-doc.js');
    for (const doc of [renderMetricsDoc(), renderScoringDoc(), renderProvenanceSummary()])
      expect(doc).not.toMatch(/DOMAIN\.md|DESIGN\.md|STYLE\.md|seeds\//);
  });
});
