import type { IndicatorTable } from '../model/indicators.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { horizonMean, horizonRatio, horizonTotal, horizonYears } from './horizonStatistics.js';

/**
 * A figure from the sources that a calibrated base should come close to,
 * with the model statistic that measures the same thing.
 *
 * Every statistic is a share or a rate, never an absolute count: a base's
 * `population.potential_migrants` is a modelling choice (no source gives the
 * number of people who might migrate), so a stock in people would measure
 * that choice rather than the behaviour being fitted. Shares are not wholly
 * free of it either: where an absolute cap binds (Kazakhstan's quota caps
 * the number of legal workers), a share with the capped count on top falls
 * as the population grows, so a miss there may point at the population.
 */
export interface CalibrationTarget {
  /** Short identifier, used in calibration.csv and chart file names. */
  readonly name: string;
  readonly label: string;
  /** Where the figure comes from, cited as in the bases ("004 L1979–1993", "regimes RU28"). */
  readonly source: string;
  readonly sourceValue: number;
  /** Model values from `low` to `high` count as close enough; `note` says why (an assumption). */
  readonly tolerance: { readonly low: number; readonly high: number; readonly note: string };
  /** How the source figure was turned into `sourceValue`, when it is not read directly. */
  readonly derivation: string;
  /** What the statistic measures in the model, for the report. */
  readonly measures: string;
  /** The model statistic of one run (its indicator table and its parameters at week 0). */
  readonly statistic: (table: IndicatorTable, params: Readonly<Record<string, ParamValue>>) => number;
}

/** A figure of the sources that calibration does not use, and why. */
export interface SkippedTarget {
  readonly label: string;
  readonly source: string;
  readonly reason: string;
}

/** The targets of one shipped base. */
export interface BaseTargets {
  readonly targets: readonly CalibrationTarget[];
  readonly skipped: readonly SkippedTarget[];
}

/** A band of ± `plusMinus` (absolute) around `value`. */
function absolute(value: number, plusMinus: number, why: string): CalibrationTarget['tolerance'] {
  return { low: value - plusMinus, high: value + plusMinus, note: `±${plusMinus} (assumption: ${why})` };
}

/** A band of ± `share` × `value` around `value`. */
function relative(value: number, share: number, why: string): CalibrationTarget['tolerance'] {
  return { low: value * (1 - share), high: value * (1 + share), note: `±${share * 100}% (assumption: ${why})` };
}

/** Share of employed migrants who work informally (no formal contract). */
const informalShareOfEmployed = (table: IndicatorTable) =>
  horizonRatio(table, 'employed_informal', ['employed_formal', 'employed_informal']);

// ── Kazakhstan 2008 ─────────────────────────────────────────────────────

// 003 L1378–1384: 0.5 to 2 million irregular migrants; the base assumes 1 M.
const KZ_STOCK = { low: 500_000, mid: 1_000_000, high: 2_000_000 };
// 003 L1383–1396: ~40,000 legal foreign workers in H1 2009.
const KZ_LEGAL = 40_000;
// 004 L969–976: 9,878 expelled in the first half of 2008.
const KZ_REMOVED_PER_YEAR = 9_878 * 2;

const KAZAKHSTAN_2008: BaseTargets = {
  targets: [
    {
      name: 'legal_share',
      label: 'Share of migrants abroad with legal status',
      source: '003 L1383–1396; 003 L1378–1384',
      sourceValue: KZ_LEGAL / (KZ_LEGAL + KZ_STOCK.mid),
      tolerance: {
        low: KZ_LEGAL / (KZ_LEGAL + KZ_STOCK.high),
        high: KZ_LEGAL / (KZ_LEGAL + KZ_STOCK.low),
        note: 'the range of the irregular stock, 0.5–2 M (003 L1378–1384)',
      },
      derivation: '40,000 legal foreign workers / (40,000 + irregular migrants); 1 M irregular (the base\'s assumption) for the value, 0.5–2 M for the band',
      measures: 'abroad with legal status / migrants abroad, means over the horizon',
      statistic: (table) => horizonRatio(table, 'legal', 'abroad'),
    },
    {
      name: 'informal_work_share',
      label: 'Share of employed migrants working informally',
      source: '003 L1540–1544',
      sourceValue: 0.9,
      tolerance: absolute(0.9, 0.05, 'a round figure of a government programme'),
      derivation: '"90% of labour migrants work illegally" (Kyrgyz migrants, all destinations); read as the share of employed migrants without a formal contract',
      measures: 'employed informally / employed, means over the horizon',
      statistic: informalShareOfEmployed,
    },
    {
      name: 'quota_utilisation',
      label: 'Share of the open quota used',
      source: '004 L1979–1993',
      sourceValue: 0.73,
      tolerance: absolute(0.73, 0.1, 'one year\'s figure, 2006, applied to the 2008 base'),
      derivation: '40.9 k of 56 k quota places used in 2006 (73%)',
      measures: 'permits issued per year / (quota.annual × quota.low_skill_share)',
      statistic: (table, params) => {
        const open = horizonMean(table, 'quota') * Number(Object.entries(params).find(([name]) => name.endsWith('quota.low_skill_share'))?.[1] ?? 1);
        return open > 0 ? horizonTotal(table, 'permits_issued') / horizonYears(table) / open : NaN;
      },
    },
    {
      name: 'removal_rate',
      label: 'Removals per year per migrant abroad',
      source: '004 L969–976; 003 L1378–1384',
      sourceValue: KZ_REMOVED_PER_YEAR / KZ_STOCK.mid,
      tolerance: {
        low: KZ_REMOVED_PER_YEAR / KZ_STOCK.high,
        high: KZ_REMOVED_PER_YEAR / KZ_STOCK.low,
        note: 'the range of the irregular stock, 0.5–2 M (003 L1378–1384)',
      },
      derivation:
        'derived: 9,878 expelled in H1 2008, doubled to a year, over 1 M migrants abroad (0.5–2 M for the band). The share expelled of those held liable (9,878 / 84,290) is an input (sanction.removal_share), so it cannot be a target',
      measures: 'removals per year / migrants abroad (mean over the horizon)',
      statistic: (table) => {
        const abroad = horizonMean(table, 'abroad');
        return abroad > 0 ? horizonTotal(table, 'removals') / horizonYears(table) / abroad : NaN;
      },
    },
  ],
  skipped: [
    {
      label: '2006 amnesty: 164,600 legalised, 70% in construction',
      source: '003 L2182–2187',
      reason: 'the amnesty is a scenario event, not part of the base, and the model does not record the sector of those legalised',
    },
    {
      label: 'quota 2009: 63,483',
      source: '004; 003',
      reason: 'an input (quota.annual), not an outcome',
    },
  ],
};

// ── Russia 2025 ─────────────────────────────────────────────────────────

// regimes RU28: ~770k on the control registry (1 Sep 2025).
const RU_LISTED = 770_000;
// Stock abroad, derived: ~2.3 M patent holders (regimes RU38) + ~0.6 M Kyrgyz
// citizens (regimes RU34: 532k present – 680k contracts) + the listed themselves.
const RU_STOCK = 2_300_000 + 600_000 + RU_LISTED;

const RUSSIA_2025: BaseTargets = {
  targets: [
    {
      name: 'informal_work_share',
      label: 'Share of employed migrants working informally',
      source: '001 L47',
      sourceValue: 0.6,
      tolerance: absolute(0.6, 0.1, 'an approximate figure ("almost 60%")'),
      derivation: '"almost 60% of labour migrants work illegally"; read as the share of employed migrants without a formal contract',
      measures: 'employed informally / employed, means over the horizon',
      statistic: informalShareOfEmployed,
    },
    {
      name: 'registry_share',
      label: 'Share of migrants abroad on the control registry',
      source: 'regimes RU28; regimes RU38; regimes RU34',
      sourceValue: RU_LISTED / RU_STOCK,
      tolerance: relative(RU_LISTED / RU_STOCK, 0.3, 'the stock abroad is itself an estimate'),
      derivation:
        'derived: ~770k listed (regimes RU28) over a stock of ~3.7 M abroad = 2.3 M patent holders (regimes RU38) + ~0.6 M Kyrgyz citizens (regimes RU34) + the 770k listed',
      measures: 'on the control registry / migrants abroad, means over the horizon',
      statistic: (table) => horizonRatio(table, 'on_registry', 'abroad'),
    },
  ],
  skipped: [
    {
      label: 'Kyrgyz citizens registered / abroad: 376k / 608k',
      source: '002; regimes RU34',
      reason: 'the indicators are not broken down by origin',
    },
    {
      label: 'Kyrgyz on the control registry: 124k → 34k',
      source: 'regimes RU29; 002',
      reason: 'the indicators are not broken down by origin',
    },
    {
      label: '~35k expelled from the registry, Jan–Aug 2025',
      source: 'regimes RU29',
      reason: 'an input (registry.expulsion_weekly was set from it)',
    },
  ],
};

const TARGETS: Readonly<Record<string, BaseTargets>> = {
  'kazakhstan-2008': KAZAKHSTAN_2008,
  'russia-2025': RUSSIA_2025,
};

/** Names of the bases that have calibration targets. */
export const CALIBRATED_BASES: readonly string[] = Object.keys(TARGETS);

/** The targets of a base by name (a shipped base's name or a base file's name without .yaml), if it has any. */
export function targetsFor(base: string): BaseTargets | undefined {
  return TARGETS[base];
}

/**
 * Whether a model value lies within a target's tolerance band. NaN (the
 * statistic is not defined) never does.
 */
export function withinTolerance(target: CalibrationTarget, value: number): boolean {
  return value >= target.tolerance.low && value <= target.tolerance.high;
}

/**
 * A target's squared error in units of its tolerance: 0 on the source
 * value, 1 at the edge of the band on the side of the miss, Infinity when
 * the statistic is not defined. For a band of ± r × value this is the
 * squared relative error divided by r².
 */
export function normalisedSquaredError(target: CalibrationTarget, value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  const { low, high } = target.tolerance;
  const halfWidth = value >= target.sourceValue ? high - target.sourceValue : target.sourceValue - low;
  if (!(halfWidth > 0)) return value === target.sourceValue ? 0 : Infinity;
  const error = (value - target.sourceValue) / halfWidth;
  return error * error;
}

/**
 * Distance of a set of model values (one per target, in target order) from
 * the targets: the mean of their normalised squared errors, so that 1 means
 * "on average at the edge of the tolerance band". Infinity when any value
 * is not defined.
 *
 * Cost: O(targets).
 */
export function distanceFromTargets(targets: readonly CalibrationTarget[], values: readonly number[]): number {
  if (values.length !== targets.length) throw new Error('distanceFromTargets requires one value per target');
  if (targets.length === 0) throw new Error('distanceFromTargets requires at least one target');
  let total = 0;
  targets.forEach((target, t) => (total += normalisedSquaredError(target, values[t])));
  return total / targets.length;
}
