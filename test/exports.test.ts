import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import * as nodeEntry from '../src/node/index.js';

// The public surface: an entry point must not silently lose (or gain) an export.
// Update this list deliberately, with a CHANGELOG entry, when the API changes.
const EXPECTED = [
  'ASSURED_SERVICE_IDS',
  'ASSURED_SERVICE_NAMES',
  'ArgumentError',
  'InvalidInputError',
  'MODULE_IDS',
  'MODULE_NAMES',
  'RuleSetError',
  'STORE_DATA_COLLECTIONS',
  'VERSION',
  'WeatherVaneError',
  'activityGate',
  'afterSalesDuration',
  'afterSalesSatisfaction',
  'assuredBonus',
  'assuredPurchaseTag',
  'assuredServiceSchema',
  'averageDeliveryTime',
  'averageResponseTime',
  'chatDefectPenalty',
  'chatDefectPenaltyForMonth',
  'chatMessageSchema',
  'chatSessionSchema',
  'chatStageCounts',
  'compositeScore',
  'computeStanding',
  'consumerWarnings',
  'conversionRate',
  'dataSpan',
  'defaultRuleSet',
  'defineRuleSet',
  'displayWidth',
  'disputeRate',
  'disputeSchema',
  'evaluateHistory',
  'evaluateStore',
  'facilitatedAmountShare',
  'forecast',
  'formatBasis',
  'formatMetricValue',
  'formatPercent',
  'formatProvenance',
  'formatValue',
  'getMetricDefinition',
  'goodReviewRate',
  'goodShopEligibility',
  'industryAveragesIssues',
  'isInvalidInputError',
  'isMetricId',
  'isParsedStoreData',
  'isWeatherVaneError',
  'knownServiceIds',
  'messageRate',
  'metricCatalogue',
  'negativeReviewHandlingRate24h',
  'negativeReviewRate',
  'nextDayArrivalRate',
  'openDeadlines',
  'orderSchema',
  'parseIndustryAverages',
  'parsePeerData',
  'parseScorecard',
  'parseStoreData',
  'parseStoreDataLenient',
  'pathToTarget',
  'peerDataIssues',
  'peerDataSchema',
  'presalesSatisfaction',
  'provenancesOf',
  'qualityRepairRate',
  'rankingRate',
  'renderScorecard',
  'repairRate',
  'responseRate30s',
  'returnRate',
  'returnSatisfaction',
  'reviewSatisfactionScore',
  'reviewSchema',
  'ruleSetFingerprint',
  'safeParseStoreData',
  'sameDayCollectionRate',
  'scoreAgainstPeers',
  'scoreByCurve',
  'scoreMetric',
  'scoreModules',
  'scoreStore',
  'scoreValues',
  'scorecardSchema',
  'serviceOrderSchema',
  'storeDataSchema',
  'storeSchema',
  'storeStars',
  'storeValuesIssues',
  'storeValuesSchema',
  'totalScore',
  'validateRuleSet',
  'warmShopkeeperBadge',
  'whatIf',
];

describe('public exports', () => {
  it('lists exactly the documented runtime exports', () => {
    expect(Object.keys(lib).sort()).toEqual(EXPECTED);
  });

  it("names every runtime export in the README's API section", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const api = readme.slice(readme.indexOf('## API'), readme.indexOf('## Docs'));
    const missing = [...EXPECTED, 'readStoreDir', 'writeStoreDir', 'CSV_FIELDS'].filter(
      (name) => !api.includes(`\`${name}\``),
    );
    expect(missing).toEqual([]);
  });

  it('lists exactly the runtime exports of the Node-only entry (jd-weather-vane/node)', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(['CSV_FIELDS', 'readStoreDir', 'writeStoreDir']);
  });

  it('exports the named calculator of each of the nineteen metrics of the public contract', () => {
    const names: Record<string, string> = {
      'consultation.average-response-time': 'averageResponseTime',
      'consultation.presales-satisfaction': 'presalesSatisfaction',
      'consultation.response-rate-30s': 'responseRate30s',
      'consultation.conversion-rate': 'conversionRate',
      'consultation.facilitated-amount-share': 'facilitatedAmountShare',
      'consultation.message-rate': 'messageRate',
      'reviews.negative-rate': 'negativeReviewRate',
      'reviews.negative-handling-rate-24h': 'negativeReviewHandlingRate24h',
      'reviews.satisfaction-score': 'reviewSatisfactionScore',
      'after-sales.repair-rate': 'repairRate',
      'after-sales.quality-repair-rate': 'qualityRepairRate',
      'after-sales.return-rate': 'returnRate',
      'after-sales.duration': 'afterSalesDuration',
      'after-sales.satisfaction': 'afterSalesSatisfaction',
      'after-sales.return-satisfaction': 'returnSatisfaction',
      'logistics.same-day-collection-rate': 'sameDayCollectionRate',
      'logistics.next-day-arrival-rate': 'nextDayArrivalRate',
      'logistics.average-delivery-time': 'averageDeliveryTime',
      'disputes.dispute-rate': 'disputeRate',
    };
    // The contract's metrics, in the catalogue's order (a new metric may join them).
    const ids = lib.metricCatalogue.map((m) => m.id as string);
    expect(ids.filter((id) => id in names)).toEqual(Object.keys(names));
    const empty = lib.parseStoreData({ store: { id: 's' } });
    for (const [id, name] of Object.entries(names)) {
      const calc = (
        lib as unknown as Record<string, (d: unknown, o: unknown) => { id: string; status: string }>
      )[name];
      expect(typeof calc, name).toBe('function');
      const r = calc?.(empty, { asOf: '2026-11-23' });
      expect(r?.id).toBe(id);
      expect(r?.status).toBe('no-data');
    }
  });
});
