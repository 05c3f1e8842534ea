/**
 * Analysis of simulation results: statistics over replicates, paired
 * comparisons of options, result files, charts and the HTML report.
 */
export { tQuantile } from './tQuantile.js';
export { tTailProbability } from './tTailProbability.js';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';
export { meanInterval, type MeanInterval } from './meanInterval.js';
export { welchInterval, type WelchInterval } from './welchInterval.js';
export { endOfHorizon, type IndicatorValues } from './endOfHorizon.js';
export type { RunRecord } from './runRecord.js';
export { checkTable } from './checkTable.js';
export { groupRuns } from './groupRuns.js';
export { summarise, type SummaryRow } from './summarise.js';
export { compareOptions, type ComparisonRow } from './compareOptions.js';
export { formatNumber } from './formatNumber.js';
export { displayNumber } from './displayNumber.js';
export { csv, csvField } from './csv.js';
export { timeseriesCsv } from './timeseriesCsv.js';
export { summaryCsv } from './summaryCsv.js';
export { comparisonCsv } from './comparisonCsv.js';
export { KEY_INDICATORS } from './keyIndicators.js';
export { unitText } from './unitText.js';
export { indicatorInfo } from './indicatorInfo.js';
export { escapeHtml } from './escapeHtml.js';
export { lineWithBand } from './charts/lineWithBand.js';
export { differenceChart } from './charts/differenceChart.js';
export { renderSvg } from './charts/renderSvg.js';
export { buildReport, DIFFERENCES_SVG, type ReportInput, type Report, type DifferingParameter } from './report.js';
