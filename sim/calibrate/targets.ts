import type { IndicatorTable } from '../model/indicators.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { horizonMean, horizonRatio, horizonTotal, horizonYears } from './horizonStatistics.js';

/**
 * A figure from the sources that a calibrated base should come close to,
 * with the model statistic that measures the same thing.
 *
 * Counts in people (stocks, removals per year) are targets only where the
 * base calibrates `population.potential_migrants` (no source gives the
 * number of people who might migrate): the count then pins down the
 * population instead of measuring an arbitrary choice. Shares and rates
 * carry the behaviour being fitted. Where an absolute cap binds
 * (Kazakhstan's quota caps the number of legal workers), a share with the
 * capped count on top falls as the population grows, which is why such a
 * share is taken against the quota rather than against the stock.
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
  /**
   * Which mechanism of the model keeps this target out of reach when
   * calibration misses it (the report prints it for a miss).
   */
  readonly whenMissed: string;
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

/** Share of employed migrants who work informally (no formal contract), in `place`. */
const informalShareOfEmployed = (place = 'all') => (table: IndicatorTable) =>
  horizonRatio(table, 'employed_informal', ['employed_formal', 'employed_informal'], place);

// ── Kazakhstan 2008 ─────────────────────────────────────────────────────

// 003 L1383–1384: 500,000 to about 2 million irregular migrants; 1 M (their
// geometric mean) is the value.
const KZ_IRREGULAR = { low: 500_000, mid: 1_000_000, high: 2_000_000 };
// 003 L1396–1397: ~40,000 legal migrants in H1 2009, under the 2009 quota
// of 65,000 (63,483 in 003 L2090–2092). The count belongs to the 2009
// quota, not to the 2008 quota of 126,000, so the target is the ratio.
const KZ_LEGAL_2009 = 40_000;
const KZ_QUOTA_2009 = 65_000;
// 004 L969–976: 9,878 expelled in the first half of 2008.
const KZ_REMOVED_PER_YEAR = 9_878 * 2;

/** The open part of the quota (what permits for the modelled workers count against), mean over the horizon; NaN without a quota. */
function openQuota(table: IndicatorTable, params: Readonly<Record<string, ParamValue>>): number {
  const share = Number(Object.entries(params).find(([name]) => name.endsWith('quota.low_skill_share'))?.[1] ?? 1);
  const open = horizonMean(table, 'quota') * share;
  return open > 0 ? open : NaN;
}

const KAZAKHSTAN_2008: BaseTargets = {
  targets: [
    {
      name: 'legal_workers_per_quota',
      label: 'Legal foreign workers per quota place',
      source: '003 L1396–1397',
      sourceValue: KZ_LEGAL_2009 / KZ_QUOTA_2009,
      tolerance: absolute(
        KZ_LEGAL_2009 / KZ_QUOTA_2009,
        0.15,
        'one half-year figure, of the 2009 crisis year, with managers and specialists (categories 1–2) counted with the modelled categories 3–4',
      ),
      derivation:
        '~40,000 legal migrants in H1 2009 (Ministry of Labour) under the 2009 quota of 65,000 (003 L1396–1397; 63,483 in L2090–2092): 0.615 of a quota place. The count is not applied to the 2008 quota of 126,000 (L2084); the ratio is assumed to hold from one year to the next',
      measures: 'employed formally (under employer-tied permits, every formal worker holds a permit) / open quota (quota.annual × quota.low_skill_share), means over the horizon',
      whenMissed:
        'the stock per quota place is permits issued per quota place (quota use, the next target) times the part of a year a permit holder stays in formal work: with quota use near 0.73, a stock well below 0.615 means formal workers leave their jobs sooner than the sources imply (0.615 / 0.73, about 10 months), through returns, quits and the end of farm seasons (ODD 7.3, 7.16), and the quota from employers\' applications (ODD 7.1) caps it from above',
      statistic: (table, params) => horizonMean(table, 'employed_formal') / openQuota(table, params),
    },
    {
      name: 'informal_work_share',
      label: 'Share of employed migrants working informally',
      source: '003 L1540–1544',
      sourceValue: 0.9,
      tolerance: absolute(0.9, 0.05, 'a round figure of a government programme'),
      derivation: '"90% of labour migrants work illegally" (Kyrgyz migrants, all destinations); read as the share of employed migrants without a formal contract',
      measures: 'employed informally / employed, means over the horizon',
      whenMissed: 'the quota caps formal jobs: with a stock abroad fitted to 0.5–2 M and legal workers capped near the quota, the informal share follows from the two counts',
      statistic: informalShareOfEmployed(),
    },
    {
      name: 'quota_utilisation',
      label: 'Share of the open quota used',
      source: '004 L1979–1993',
      sourceValue: 0.73,
      tolerance: absolute(0.73, 0.1, 'one year\'s figure, 2006, applied to the 2008 base; 004 L1994–2001 says only that use was lower in 2008'),
      derivation: '40.9 k of 56 k quota places used in 2006 (73%)',
      measures: 'permits issued per year / (quota.annual × quota.low_skill_share)',
      whenMissed:
        'permits are issued only to employers holding slots from their applications (ODD 7.1), and slots follow the formal hiring they planned: use is set by employers\' applications and formality, and reaches 1 only if every slot is used',
      statistic: (table, params) => horizonTotal(table, 'permits_issued') / horizonYears(table) / openQuota(table, params),
    },
    {
      name: 'irregular_stock',
      label: 'Migrants abroad without legal status',
      source: '003 L1383–1384',
      sourceValue: KZ_IRREGULAR.mid,
      tolerance: { low: KZ_IRREGULAR.low, high: KZ_IRREGULAR.high, note: 'the range the source gives, 0.5–2 M (003 L1383–1384)' },
      derivation: '"from 500,000 irregular migrants to almost 2 million" (figures given to the FIDH mission); 1 M, their geometric mean, as the value',
      measures: 'abroad without legal status (people after scaling), mean over the horizon',
      whenMissed:
        'the stock grows with population.potential_migrants (calibrated), but removals grow with it: where the model removes a larger share of irregular migrants a year than the sources\' 2% (19,756 of about 1 M), a stock at the target brings removals above theirs, and the fit trades one miss against the other unless police staff (police.staff_per_1000_jobs, calibrated in this base) falls with it; the other policing parameters (raids, case targets, sanction.removal_share; ODD 7.8) are not calibrated',
      statistic: (table) => horizonMean(table, 'irregular'),
    },
    {
      name: 'removals_per_year',
      label: 'Removals per year',
      source: '004 L969–976',
      sourceValue: KZ_REMOVED_PER_YEAR,
      tolerance: relative(KZ_REMOVED_PER_YEAR, 0.5, 'half a year\'s count doubled; the second half may differ'),
      derivation:
        '9,878 administratively expelled in H1 2008, doubled to a year. Other counts for 2008 disagree: 17,000 deported (003 L3186–3190, within the band) and 2,493 (003 L2334–2338, outside it). The share expelled of those held liable (9,878 / 84,290) is an input (sanction.removal_share), so it is not a target',
      measures: 'removals per year (people after scaling), over the horizon',
      whenMissed:
        'removals follow from police checks and raids (staff per 1,000 jobs, raid share, monthly case targets; ODD 7.8), found fakes (always removed), abusive employers\' denunciations (employer.denounce_prob, which need only some police, not many: about two fifths of the Kazakh base\'s removals) and the input share of detained migrants removed (sanction.removal_share); of these only the staff is calibrated, with police.corruption (bribes instead of cases) and the size of the stock. The share of irregular migrants removed a year falls with the staff, but less than in proportion (in small runs about 16% a year at 1.6 officers per 1,000 jobs, 3% at 0.2), so a stock at the target with removals at theirs (2% a year) asks for a staff near the low end of its range',
      statistic: (table) => horizonTotal(table, 'removals') / horizonYears(table),
    },
  ],
  skipped: [
    {
      label: '2006 amnesty: 164,600 legalised, 70% in construction',
      source: '003 L2182–2187',
      reason: 'the amnesty is a scenario event, not part of the base, and the model does not record the sector of those legalised',
    },
    {
      label: 'quota 2008: 126,000 (or 120,000, or 132,700); quota 2009: 63,483',
      source: '003 L2084–2092; 003 L1397; 004 L1994–2001',
      reason: 'an input (quota.annual), not an outcome',
    },
    {
      label: 'all foreign migrants: officially 500,000–1 million, 2–3 million by experts\' estimates',
      source: '003 L1378–1381',
      reason: 'the official figures count entries and registrations, possibly several times a person (003 L1388–1393), and include those who do not work; the irregular stock (003 L1383–1384) is the target instead',
    },
    {
      label: 'international migration: 67,400 arrivals, 33,900 departures (2006)',
      source: '003 L1355–1376',
      reason: 'official migration for permanent residence, not labour migrants under the quota or without papers',
    },
    {
      label: '84,290 foreigners held liable for registration breaches, H1 2008',
      source: '004 L969–973',
      reason: 'with the removals target and the input sanction.removal_share (9,878 / 84,290) it adds no information',
    },
    {
      label: 'Kyrgyz citizens in Kazakhstan: about 60,000',
      source: '003 L1621–1622',
      reason: 'the indicators are not broken down by origin',
    },
  ],
};

// ── Russia 2025 ─────────────────────────────────────────────────────────

// regimes RU28: ~770k on the control registry (1 Sep 2025).
const RU_LISTED = 770_000;
// Stock abroad, derived: ~2.3 M patent holders (regimes RU38) + ~0.6 M Kyrgyz
// citizens (regimes RU34: 532k present – 680k contracts) + the listed themselves.
const RU_STOCK = 2_300_000 + 600_000 + RU_LISTED;

/**
 * Russia's targets measured in `place`: `all` in a base whose only
 * destination is Russia, `russia` in a base with several (names, labels and
 * measures then say so).
 */
function russianTargets(place: string): CalibrationTarget[] {
  const targets: CalibrationTarget[] = [
    {
      name: 'informal_work_share',
      label: 'Share of employed migrants working informally',
      source: '001 L47',
      sourceValue: 0.6,
      tolerance: absolute(0.6, 0.1, 'an approximate figure ("almost 60%")'),
      derivation: '"almost 60% of labour migrants work illegally"; read as the share of employed migrants without a formal contract',
      measures: 'employed informally / employed, means over the horizon',
      whenMissed: 'formality is the employers\' choice (ODD 7.4) and permits are the migrants\' (patents, ODD 7.7): employer.compliant_share and the fines set the share',
      statistic: informalShareOfEmployed(place),
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
      whenMissed: 'listing needs a recorded lapse of registration or permit (ODD 7.7): the share is bounded by how many lapse, and by removals and expulsion from the registry taking the listed out',
      statistic: (table) => horizonRatio(table, 'on_registry', 'abroad', place),
    },
    {
      name: 'stock_abroad',
      label: 'Migrants abroad',
      source: 'regimes RU38; regimes RU34; regimes RU28',
      sourceValue: RU_STOCK,
      tolerance: relative(RU_STOCK, 0.3, 'the stock abroad is itself an estimate'),
      derivation: 'derived: 2.3 M patent holders (regimes RU38) + ~0.6 M Kyrgyz citizens (regimes RU34) + the 770k listed (regimes RU28)',
      measures: 'migrants abroad (people after scaling), mean over the horizon',
      whenMissed: 'the stock scales with population.potential_migrants, which is calibrated: a miss means its prior range is too narrow, or the share abroad (departure and return decisions, ODD 7.2–7.3) is out of line',
      statistic: (table) => horizonMean(table, 'abroad', place),
    },
  ];
  if (place === 'all') return targets;
  return targets.map((t) => ({ ...t, name: `${t.name}_${place}`, label: `${t.label}, Russia`, measures: `${t.measures}, in Russia` }));
}

// regimes RU29: bailiffs' expulsions set an input, in every base with Russia's registry.
const REGISTRY_EXPULSIONS_SKIPPED: SkippedTarget = {
  label: '~35k expelled from the registry, Jan–Aug 2025',
  source: 'regimes RU29',
  reason: 'an input (registry.expulsion_weekly was set from it)',
};

const RUSSIA_2025: BaseTargets = {
  targets: russianTargets('all'),
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
    REGISTRY_EXPULSIONS_SKIPPED,
  ],
};

// ── Central Asia 2025 ───────────────────────────────────────────────────

// regimes KZ15: 322.7k Uzbek migrants in Kazakhstan (end of 2024); Kyrgyz
// about 100k (a 2018 estimate); Tajiks not counted.
const KZ_STOCK_2025 = 322_700 + 100_000;
// regimes KZ7: 295,261 household permits issued in 2023.
const KZ_HOUSEHOLD_PERMITS = 295_261;

const CENTRAL_ASIA_2025: BaseTargets = {
  targets: [
    ...russianTargets('russia'),
    {
      name: 'stock_kazakhstan',
      label: 'Migrants in Kazakhstan',
      source: 'regimes KZ15',
      sourceValue: KZ_STOCK_2025,
      tolerance: relative(KZ_STOCK_2025, 0.4, 'the Uzbek count is of employed migrants, the Kyrgyz one a 2018 estimate, and Tajiks are not counted'),
      derivation: 'derived: 322.7k Uzbek migrants at the end of 2024 (Uzbek migration agency) + about 100k Kyrgyz citizens (2018 estimate), both regimes KZ15',
      measures: 'migrants abroad in Kazakhstan (people after scaling), mean over the horizon',
      whenMissed:
        'the split between destinations is each migrant\'s choice (random utility over wages, costs, networks and language, ODD 7.2): with the stock in Russia fitted, a miss here means the two countries\' wages, fees or trip costs (inputs, not calibrated) are out of line',
      statistic: (table) => horizonMean(table, 'abroad', 'kazakhstan'),
    },
    {
      name: 'household_permits_per_year',
      label: 'Household permits issued in Kazakhstan a year',
      source: 'regimes KZ7',
      sourceValue: KZ_HOUSEHOLD_PERMITS,
      tolerance: relative(KZ_HOUSEHOLD_PERMITS, 0.2, 'one year\'s count, 2023; 272,002 in 2022'),
      derivation: '295,261 household permits issued in 2023 (regimes KZ7); only Uzbek and Tajik citizens need them (Kyrgyz citizens move freely, regimes KZ12–KZ13)',
      measures: 'permits issued in Kazakhstan per year (people after scaling), over the horizon',
      whenMissed:
        'the household permit is the worker\'s choice (its monthly advance against the expected cost of checks without one, ODD 7.7), capped by the quota of 271,000 (regimes KZ6): a stock in Kazakhstan above the target pushes issuance to the cap',
      statistic: (table) => horizonTotal(table, 'permits_issued', 'kazakhstan') / horizonYears(table),
    },
  ],
  skipped: [
    {
      label: 'Uzbek migrants in Russia: 1.2 M (end of 2023) → 698k (end of 2024); Kyrgyz in Russia 532k present (January 2026); irregular migrants by nationality (2021)',
      source: 'regimes RU33; regimes RU34; regimes RU36',
      reason: 'the indicators are not broken down by origin; the stock in Russia (all three origins) is the target instead',
    },
    {
      label: 'patents issued: 2.22 M in 2021',
      source: 'regimes RU37',
      reason: 'a count of 2021, before the 2025 rules (the control registry, higher patent prices)',
    },
    REGISTRY_EXPULSIONS_SKIPPED,
  ],
};

const TARGETS: Readonly<Record<string, BaseTargets>> = {
  'central-asia-2025': CENTRAL_ASIA_2025,
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
