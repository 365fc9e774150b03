/**
 * The written report of the sample store, opened in a real browser (Debian's Chromium driven
 * by playwright-core; `.ci/run` installs it): no console error, no request leaves the page,
 * every chart has one point a day, the numbers on the page are the scorecard's, and nothing in a
 * store's name runs. A screenshot of each width goes to reports/ for people to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { MODULE_IDS } from '../../src/ids.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { prepareReport, renderReport } from '../../src/report/index.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { parsePeerData } from '../../src/scorecard/peers.js';

const sample = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));
const asOf = '2026-11-23';
const card = evaluateStore(sample, { asOf, peers });
mkdirSync('reports', { recursive: true });
const file = resolve('reports/report-sample.html');
writeFileSync(file, renderReport(prepareReport(sample, { asOf, peers })));

let profile: string;
const contexts: BrowserContext[] = [];

/** A fresh browser at a width, with every request but the report's own file failed and noted. */
async function open(path: string, width: number) {
  const context = await launchChromium(join(profile, String(contexts.length)), width);
  contexts.push(context);
  const page = await context.newPage();
  const url = pathToFileURL(path).href;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  await page.waitForFunction(
    () =>
      (globalThis as { jdWeatherVaneReport?: { ready?: boolean } }).jdWeatherVaneReport?.ready ===
      true,
  );
  return { page, errors, requests };
}

/** Each chart's series lengths, read from its ECharts instance. */
function chartPoints(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    type Chart = { getOption(): { series: { data: unknown[] }[] } };
    const charts = (
      globalThis as unknown as { jdWeatherVaneReport: { charts: Record<string, Chart> } }
    ).jdWeatherVaneReport.charts;
    const out: Record<string, number[]> = {};
    for (const k of ['history', 'metric', 'forecast'])
      out[k] = charts[k]?.getOption().series.map((s) => s.data.length) ?? [];
    return out;
  });
}

/** The `data-value` of a field, within a selector. */
function field(page: Page, scope: string, name: string): Promise<string | null> {
  return page.locator(`${scope} [data-field="${name}"]`).first().getAttribute('data-value');
}

beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'jwv-chromium-'));
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  rmSync(profile, { recursive: true, force: true });
});

describe.each([
  { name: 'desktop', width: 1280 },
  { name: 'phone', width: 390 },
])('the sample store report in Chromium at $name width ($width px)', ({ name, width }) => {
  it('opens with no console error and no request, charts of one point a day, the scorecard numbers', async () => {
    const { page, errors, requests } = await open(file, width);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const points = await chartPoints(page);
    expect(points.history).toEqual(Array(7).fill(180));
    expect(points.metric).toEqual([180, 180]);
    expect(points.forecast).toEqual(Array(7).fill(30));
    // Another metric on demand: still one point a day.
    await page.selectOption('#metric-select', 'logistics.average-delivery-time');
    expect((await chartPoints(page)).metric).toEqual([180, 180]);
    // The SVG renderer drew each chart.
    expect(await page.locator('.chart svg').count()).toBe(3);

    expect(await field(page, '#glance', 'total')).toBe(String(card.total));
    expect(await page.locator('#glance [data-field="total"]').textContent()).toBe(
      card.total?.toFixed(2),
    );
    expect(await field(page, '#glance', 'composite')).toBe(String(card.composite));
    expect(await field(page, '#glance', 'bonus')).toBe(String(card.bonus.points));
    expect(await field(page, '#glance', 'stars')).toBe(String(card.standing?.stars));
    for (const m of MODULE_IDS)
      expect(await field(page, `[data-module="${m}"]`, 'score')).toBe(
        String(card.modules[m].score),
      );
    for (const def of metricCatalogue) {
      const row = `#metrics tr[data-metric="${def.id}"]`;
      const r = card.metrics[def.id];
      expect(await field(page, row, 'score'), def.id).toBe(r.score === null ? '' : String(r.score));
      expect(await field(page, row, 'value'), def.id).toBe(
        r.value === null ? '' : String(r.value.toNumber()),
      );
    }

    // Nothing is wider than the screen but the tables, which scroll in their own box.
    const overflow = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `reports/report-sample-${name}.png`, fullPage: true });
  });
});

describe('a store whose name and ids carry markup, in Chromium', () => {
  it('shows them as text: no script of theirs runs and no request leaves', async () => {
    const evil = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
    const data = parseStoreData({
      store: { id: `s${evil}`, name: evil },
      reviews: [{ id: `r${evil}`, customerId: 'c', createdAt: '2026-11-21 10:00', stars: 1 }],
    });
    const path = resolve('reports/report-markup.html');
    writeFileSync(path, renderReport(prepareReport(data, { asOf, days: 7 })));
    const { page, errors, requests } = await open(path, 800);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('[data-field="store"]').textContent()).toBe(`${evil} (s${evil})`);
    expect((await chartPoints(page)).history).toEqual(Array(7).fill(7));
  });
});
