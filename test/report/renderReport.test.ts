/**
 * The report as a string: escaping of everything from the data, the JSON the charts read, the
 * languages, the sections, the numbers, the size, and prepareReport's arguments. The browser
 * opens it in test/report/browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { CHARTS_SCRIPT } from '../../src/report/_chartsBundle.js';
import { escapeHtml, jsonForScript, safeHref } from '../../src/report/_html.js';
import * as reportEntry from '../../src/report/index.js';
import { prepareReport, renderReport } from '../../src/report/index.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { parsePeerData } from '../../src/scorecard/peers.js';

const sample = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));
const asOf = '2026-11-23';

/** The data the charts read, parsed back from the page. */
function chartJson(html: string) {
  const m = /<script type="application\/json" id="jwv-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null');
}

describe('renderReport: escaping', () => {
  const evil = '</script><script>window.pwned=1</script><img src=x onerror="pwned=2">&';
  const data = parseStoreData({
    store: { id: `id-${evil}`, name: evil, category: { level1: evil } },
    reviews: [{ id: evil, customerId: 'c', createdAt: '2026-11-20 10:00', stars: 1 }],
  });
  const html = renderReport(prepareReport(data, { asOf, days: 3 }));

  it("writes a store's name, id and category as text, never as markup", () => {
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;pwned=2&quot;&gt;&amp;',
    );
    // Two scripts only: the data and the charts.
    expect(html.match(/<script/g)?.length).toBe(2);
  });

  it('embeds the JSON so that no value ends its <script>, and reads back the same', () => {
    const json = jsonForScript({ name: evil, sep: '\u2028\u2029' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: evil, sep: '\u2028\u2029' });
    expect(chartJson(html).days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('escapes the five characters of HTML and links only http(s) addresses', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(safeHref('https://example.com/a?b=1&c=2')).toBe('https://example.com/a?b=1&amp;c=2');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://x" onclick="y')).toBeNull();
  });

  it('inlines the charts without anything that would end or change their <script>', () => {
    expect(CHARTS_SCRIPT).not.toMatch(/<\/script|<!--|<script/i);
    expect(CHARTS_SCRIPT.length).toBeGreaterThan(100_000);
  });
});

describe('renderReport: the sample store', () => {
  const input = prepareReport(sample, { asOf, peers });
  const card = evaluateStore(sample, { asOf, peers });
  const zh = renderReport(input);
  const en = renderReport(input, { lang: 'en', note: 'as-of <chosen>' });

  it('is one document with no external resource: no src, no stylesheet link, no web font', () => {
    expect(zh.startsWith('<!doctype html>')).toBe(true);
    // The page without the inlined charts (whose SVG code speaks of url(#gradient) fills).
    const page = zh.replace(CHARTS_SCRIPT, '');
    expect(page.length).toBeLessThan(zh.length);
    expect(/<(img|link|iframe|object|embed)\b/i.exec(page)?.[0]).toBeUndefined();
    expect(/\ssrc=/i.exec(page)?.[0]).toBeUndefined();
    expect(/@import|@font-face|url\(/i.exec(page)?.[0]).toBeUndefined();
    expect(zh.includes("default-src 'none'")).toBe(true);
  });

  it('stays under 2 MB for 180 days', () => {
    expect(input.history).toHaveLength(180);
    expect(new TextEncoder().encode(zh).length).toBeLessThan(2 * 1024 * 1024);
  });

  it('shows the scorecard of evaluateStore: total, composite, bonus, stars and every metric', () => {
    expect(input.scorecard.total).toBe(card.total);
    expect(zh).toContain(
      `<span data-field="total" data-value="${card.total}">${card.total?.toFixed(2)}</span>`,
    );
    expect(zh).toContain(`data-field="composite" data-value="${card.composite}"`);
    expect(zh).toContain(`data-field="stars" data-value="${card.standing?.stars}"`);
    for (const def of metricCatalogue) {
      const m = card.metrics[def.id];
      const row = new RegExp(`<tr data-metric="${def.id}">(.*?)</tr>`).exec(zh)?.[1] ?? '';
      expect(row, def.id).toContain(`data-field="score" data-value="${m.score ?? ''}"`);
      expect(row, def.id).toContain(`${m.window.from} … ${m.window.to}`);
      // The provenance of the definition, with the link of a published rule.
      for (const p of def.source) {
        expect(row).toContain(`class="prov ${p.tag}"`);
        if (p.url) expect(row).toContain(`href="${escapeHtml(p.url)}"`);
      }
    }
  });

  it('gives the charts one point a day: the history, every metric, the forecast', () => {
    const d = chartJson(zh);
    expect(d.days).toHaveLength(180);
    expect(d.days.at(-1)).toBe(asOf);
    for (const s of d.history) expect(s.values).toHaveLength(180);
    for (const def of metricCatalogue) expect(d.metrics[def.id].values).toHaveLength(180);
    expect(d.forecast.days).toHaveLength(30);
    expect(d.forecast.days[0]).toBe(asOf);
  });

  it('is in Chinese with English beside it by default, in English with lang en', () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('总分 <span class="en">Total</span>');
    expect(en).toContain('<html lang="en">');
    expect(en).not.toContain('总分');
    expect(en).toContain('as-of &lt;chosen&gt;');
  });

  it('says what blocks the next star, from the peers', () => {
    expect(input.nextStar?.stars).toBeGreaterThan(card.standing?.stars ?? 0);
    expect(zh).toContain('data-field="nextStar"');
    const step = input.nextStar?.path.plan.steps[0]?.text;
    if (step !== undefined) expect(zh).toContain(escapeHtml(step));
  });

  it('lists the open deadlines soonest first, folding all but the first ten', () => {
    const shown = [...zh.matchAll(/<table class="deadlines">/g)].length;
    expect(input.deadlines?.length).toBeGreaterThan(10);
    expect(shown).toBe(2);
    const due = [...zh.matchAll(/<td class="nowrap">(2026-[0-9-]+ [0-9:]+)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(due).toEqual([...due].sort());
    const capped = renderReport(input, { maxDeadlines: 3 });
    expect(capped).toContain(`${(input.deadlines?.length ?? 0) - 3} more not listed`);
  });
});

describe('renderReport: stores without a standing or data', () => {
  it('asks for peers to show stars, and shows no-data metrics', () => {
    const html = renderReport(prepareReport(parseStoreData({ store: { id: 's' } }), { asOf }), {
      lang: 'en',
    });
    expect(html).toContain('give peers (--peers');
    expect(html).toContain('no data');
    expect(html).toContain('<span data-field="total" data-value="">—</span>');
  });

  it('shows the industry averages given, and no forecast for forecastDays 0', () => {
    const html = renderReport(
      prepareReport(sample, {
        asOf,
        days: 2,
        forecastDays: 0,
        industryAverages: { 'reviews.negative-rate': 0.012 },
      }),
      { lang: 'en' },
    );
    expect(html).toContain('Industry average');
    expect(html).toContain('data-field="industryAverage" data-value="0.012">1.20%');
    expect(html).not.toContain('id="chart-forecast"');
  });
});

describe('prepareReport', () => {
  it('rejects a malformed day and days out of range', () => {
    expect(() => prepareReport(sample, { asOf: '2026-13-01' })).toThrow(ArgumentError);
    expect(() => prepareReport(sample, { asOf, days: 0 })).toThrow(
      'expected days as a whole number 1–732, found 0',
    );
    expect(() => prepareReport(sample, { asOf, forecastDays: 1.5 })).toThrow(
      'expected forecastDays as a whole number 0–366, found 1.5',
    );
  });

  it('is the entry jd-weather-vane/report, with exactly these exports', () => {
    expect(Object.keys(reportEntry).sort()).toEqual([
      'DEFAULT_FORECAST_DAYS',
      'DEFAULT_MAX_DEADLINES',
      'DEFAULT_REPORT_DAYS',
      'prepareReport',
      'renderReport',
    ]);
  });
});
