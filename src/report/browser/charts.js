/**
 * The report's charts, run in the browser: this file is bundled with the parts of Apache ECharts
 * it uses (the line chart, grid, legend, tooltip and the SVG renderer, through `echarts/core` so
 * that nothing else is included) by `scripts/build-report-charts.ts` into
 * `src/report/_chartsBundle.ts`, which the report inlines. It is plain JavaScript because it runs
 * in a page, not in the library: it reads the data the report embedded as JSON and draws.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const data = JSON.parse(document.getElementById('jwv-data').textContent);

/** A line chart of days; `series` are { name, values, axis? } with one value (or null) a day. */
function lineChart(el, days, series, axes) {
  // Animation off: the page is a document (printed, screenshot), not a dashboard.
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'plain', top: 0 },
    // The legend wraps on a narrow screen: leave it more room there.
    grid: {
      left: 48,
      right: axes.length > 1 ? 48 : 16,
      top: el.clientWidth < 600 ? 96 : 48,
      bottom: 28,
    },
    xAxis: { type: 'category', data: days, boundaryGap: false },
    yAxis: axes.map((a) => ({
      type: 'value',
      name: a.name,
      // The axis name along the axis, clear of the legend above.
      nameLocation: 'middle',
      nameGap: 34,
      scale: true,
      ...(a.min === undefined ? {} : { min: a.min }),
      ...(a.max === undefined ? {} : { max: a.max }),
    })),
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      yAxisIndex: s.axis ?? 0,
      data: s.values,
      showSymbol: days.length <= 31,
      connectNulls: false,
    })),
  });
  return chart;
}

const charts = {};
const historyEl = document.getElementById('chart-history');
if (historyEl) charts.history = lineChart(historyEl, data.days, data.history, [data.scoreAxis]);

const forecastEl = document.getElementById('chart-forecast');
if (forecastEl && data.forecast)
  charts.forecast = lineChart(forecastEl, data.forecast.days, data.forecast.series, [
    data.scoreAxis,
  ]);

const metricEl = document.getElementById('chart-metric');
const select = document.getElementById('metric-select');
function showMetric(id) {
  const m = data.metrics[id];
  if (!m) return;
  const series = [
    { name: m.valueName, values: m.values, axis: 0 },
    { name: data.scoreAxis.name, values: m.scores, axis: 1 },
  ];
  const axes = [{ name: m.unitName }, data.scoreAxis];
  if (charts.metric) charts.metric.dispose();
  charts.metric = lineChart(metricEl, data.days, series, axes);
  charts.metricId = id;
}
if (metricEl && select) {
  showMetric(select.value);
  select.addEventListener('change', () => showMetric(select.value));
}

window.addEventListener('resize', () => {
  for (const c of [charts.history, charts.forecast, charts.metric]) c?.resize();
});
// Printing lays the page out at the paper's width: redraw at that width.
// and unfold what is folded: paper has no clicks.
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  for (const c of [charts.history, charts.forecast, charts.metric]) c?.resize();
});

// For a reader's console and the report's browser test: each chart's ECharts instance.
window.jdWeatherVaneReport = { charts, ready: true };
