/**
 * `jd-weather-vane/report`: a store's weather vane as one self-contained HTML file, in its own
 * entry point so that the main entry stays small (the report inlines its charts).
 * Platform-neutral: no Node built-in, so a server, a worker or a browser can build and serve it.
 *
 * @packageDocumentation
 */
export type { ReportLanguage } from './_labels.js';
export {
  DEFAULT_MAX_DEADLINES,
  type RenderReportOptions,
  renderReport,
} from './renderReport.js';
export {
  DEFAULT_FORECAST_DAYS,
  DEFAULT_REPORT_DAYS,
  type NextStar,
  type PrepareReportOptions,
  prepareReport,
  type ReportInput,
} from './reportInput.js';
