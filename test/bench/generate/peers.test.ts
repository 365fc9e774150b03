import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePeers, peersJson } from '../../../bench/generate/peers.js';
import { MODULE_IDS } from '../../../src/ids.js';
import { metricCatalogue } from '../../../src/metrics/catalogue.js';
import { parsePeerData } from '../../../src/scorecard/peers.js';

describe('derived peers', () => {
  const small = derivePeers({ count: 4, asOf: '2026-11-23' });

  it('scores each peer against the others on the library’s own scale', () => {
    expect(small.composites).toHaveLength(4);
    for (const c of small.composites) expect(c).toBeGreaterThanOrEqual(0);
    for (const c of small.composites) expect(c).toBeLessThanOrEqual(10);
    for (const m of MODULE_IDS) expect(small.modules[m].length).toBeGreaterThan(0);
    expect(Object.keys(small.metrics).sort()).toEqual(metricCatalogue.map((d) => d.id).sort());
    // Deterministic.
    expect(derivePeers({ count: 4, asOf: '2026-11-23' })).toEqual(small);
    expect(JSON.parse(peersJson(small))).toEqual(small);
  });

  it('committed examples/sample-peers.json is a valid peers file of 40 stores', () => {
    const committed = JSON.parse(readFileSync('examples/sample-peers.json', 'utf8'));
    expect(() => parsePeerData(committed)).not.toThrow();
    expect(committed.composites).toHaveLength(40);
    // It starts with the same peers as a fresh, smaller derivation (same seeds, same volumes).
    expect(committed.metrics['reviews.negative-rate'].slice(0, 4)).toEqual(
      small.metrics['reviews.negative-rate'],
    );
  });
});
