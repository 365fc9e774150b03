/**
 * The report's words in Chinese and English (private to the report). Chinese comes first with
 * the English beside it (`lang: 'zh'`, the default: the people who act on a weather vane read
 * Chinese first), or English alone (`lang: 'en'`).
 *
 * @module
 */
import { escapeHtml } from './_html.js';

/** The languages of the report. */
export type ReportLanguage = 'zh' | 'en';

/** A label in both languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** A label as HTML: `中文 <span class="en">English</span>`, or the English alone. */
export function labelHtml(lang: ReportLanguage, l: Label): string {
  return lang === 'en'
    ? escapeHtml(l.en)
    : `${escapeHtml(l.zh)} <span class="en">${escapeHtml(l.en)}</span>`;
}

/** A label as plain text (chart legends, options): `中文 English`, or the English alone. */
export function labelText(lang: ReportLanguage, l: Label): string {
  return lang === 'en' ? l.en : `${l.zh} ${l.en}`;
}

/** Every fixed word of the report. */
export const LABELS = {
  title: { zh: '京东风向标报告', en: 'Weather vane report' },
  store: { zh: '店铺', en: 'Store' },
  asOf: { zh: '评估日', en: 'Evaluation day' },
  ruleSet: { zh: '规则集', en: 'Rule set' },
  glance: { zh: '一览', en: 'At a glance' },
  total: { zh: '总分', en: 'Total' },
  composite: { zh: '综合得分', en: 'Composite' },
  bonus: { zh: '放心购加分', en: '放心购 bonus' },
  stars: { zh: '店铺星级', en: 'Stars' },
  rankingRate: { zh: '排名率', en: 'Ranking rate' },
  goodShop: { zh: '京东好店', en: 'Good Shop badge' },
  nextStar: { zh: '下一颗星', en: 'The next star' },
  modules: { zh: '模块', en: 'Modules' },
  weight: { zh: '权重', en: 'weight' },
  history: { zh: '历史', en: 'History' },
  metricHistory: { zh: '单项指标历史', en: 'One metric over time' },
  metrics: { zh: '指标', en: 'Metrics' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '数值', en: 'Value' },
  score: { zh: '得分', en: 'Score' },
  pointsLost: { zh: '失分', en: 'Points lost' },
  window: { zh: '统计周期', en: 'Window' },
  basis: { zh: '样本', en: 'Rests on' },
  provenance: { zh: '来源', en: 'Provenance' },
  industryAverage: { zh: '行业均值', en: 'Industry average' },
  peers: { zh: '同行', en: 'Peers' },
  forecast: { zh: '未来预测', en: 'Forecast' },
  day: { zh: '日期', en: 'Day' },
  change: { zh: '变化', en: 'Change' },
  events: { zh: '进出窗口的记录', en: 'Records entering or leaving the window' },
  deadlines: { zh: '待处理时限', en: 'Open deadlines' },
  due: { zh: '截止', en: 'Due' },
  left: { zh: '剩余', en: 'Left' },
  record: { zh: '记录', en: 'Record' },
  what: { zh: '事项', en: 'What' },
  noData: { zh: '无数据', en: 'no data' },
  chooseMetric: { zh: '选择指标', en: 'Choose a metric' },
} as const satisfies Record<string, Label>;
