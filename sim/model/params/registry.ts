import type { ParamKind, ParamValue } from './paramDef.js';
import { REGIMES } from './places.js';

/**
 * Every parameter of the model, as templates with a scope: `global`, or one
 * value per place of a kind the scenario declares (params/catalogue.ts
 * turns templates into full names such as `russia.permit.monthly_fee` or
 * `russia.moscow.jobs_share`). compileParams derives the shape the rules read
 * from this list alone: a template `permit.monthly_fee` becomes the field
 * `permitMonthlyFee` of each destination country.
 *
 * Defaults describe Russia in 2025 in roubles; bases set each place's own
 * values. Sources: `NNN Lx–y` is a line range of seed file NNN (000–004);
 * `regimes KEY` is a row of the dated digest of rules in force 2014–2026
 * (its URL list is in sim/model/SOURCES.md). `assumption` marks a value no
 * source gives.
 */

/** Which places a parameter has one value for. */
export const SCOPES = ['global', 'origin', 'originRegion', 'destination', 'region', 'pair'] as const;
export type Scope = (typeof SCOPES)[number];

interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly nullable?: boolean;
  /**
   * Read only when the world is built (its size, places, agents' traits,
   * employers and brokers), so a timeline event cannot change it: scenario
   * files are refused if an event sets it, and simulate throws.
   */
  readonly fixedAtStart?: boolean;
}

export interface Template<S extends Scope = Scope, N extends string = string, K extends ParamKind = ParamKind> extends Range {
  readonly scope: S;
  readonly group: string;
  /** The name without its place: `permit.monthly_fee`, `jobs_share`. */
  readonly name: N;
  readonly kind: K;
  readonly default: ParamValue;
  readonly unit: string;
  readonly meaning: string;
  readonly source: string;
}

function tpl<const S extends Scope, const N extends string, const K extends ParamKind>(
  scope: S,
  group: string,
  name: N,
  kind: K,
  value: ParamValue,
  unit: string,
  meaning: string,
  source: string,
  range: Range = {},
): Template<S, N, K> {
  return { scope, group, name, kind, default: value, unit, meaning, source, ...range };
}

const share = { min: 0, max: 1 };
const weekly = { min: 0, max: 1 };
const money = { min: 0 };
/** Marks a parameter that shapes the world when it is built and cannot change during a run. */
const atStart = { fixedAtStart: true } as const;

export const TEMPLATES = [
  // ── Origins: countries, their regions, and each pair of origin and destination ──
  tpl('origin', 'origin', 'share', 'number', 1, 'weight', 'Weight of this country in the population of potential migrants (weights are normalised over origins).', 'assumption unless the base cites one', { min: 0, max: 1e9, ...atStart }),
  tpl('origin', 'origin', 'home_wage', 'number', 15_000, 'currency/month', 'Monthly earnings at home, the alternative to migrating.', 'assumption (003 L1556 gives 5,000 som, about $100, for Kyrgyzstan in 2009)', money),
  tpl('origin', 'origin', 'russian_speakers', 'number', 0.4, 'share', 'Share who speak Russian; they find jobs faster and pass the language exam.', 'assumption; 001 L323–330 (Kyrgyz relatively Russian-speaking)', { ...share, ...atStart }),
  tpl('originRegion', 'origin', 'share', 'number', 1, 'weight', 'Weight of this region in its country\'s potential migrants (normalised within the country); its villages belong to it.', 'assumption unless the base cites one', { min: 0, max: 1e9, ...atStart }),
  tpl('pair', 'pair', 'regime', 'enum', 'worker-tied', 'regime', 'Permit regime for citizens of the origin in the destination country.', 'regimes RU1, RU8 (patent); 004 L1876–1882', { values: REGIMES }),
  tpl('pair', 'pair', 'registration_days', 'integer', 15, 'days', 'Days after arrival within which a citizen of the origin must register in the destination.', 'regimes RU19 (7 working days by default; 15 for Tajik and Uzbek citizens; 30 for EAEU)', { min: 1, max: 365 }),
  tpl('pair', 'pair', 'farm_agreement', 'boolean', false, 'yes/no', 'Whether a bilateral agreement opens the destination\'s seasonal farm quota to the origin.', '003 L2052–2055 (agreement with Kyrgyzstan, none with Uzbekistan)'),
  tpl('pair', 'pair', 'trip_cost', 'number', 10_000, 'currency', 'Cost of the journey from the origin to the destination.', 'assumption (part of >40,000 RUB to go and earn, 001 L24–25)', money),

  // ── Destination regions ──
  tpl('region', 'region', 'jobs_share', 'number', 1, 'weight', 'Weight of this region in its country\'s migrant jobs (normalised within the country).', 'assumption unless the base cites one', { min: 0, max: 1e9, ...atStart }),
  tpl('region', 'region', 'wage_factor', 'number', 1, 'factor', 'Regional wage level relative to the country\'s sector wage.', 'assumption', { min: 0, max: 10 }),
  tpl('region', 'region', 'permit_fee_factor', 'number', 1, 'factor', 'Regional monthly permit fee relative to the country\'s permit.monthly_fee.', 'regimes RU1 (regional coefficient); value assumption', { min: 0, max: 10 }),
  tpl('region', 'region', 'demand_factor', 'number', 1, 'factor', 'Level of the region\'s demand for migrant labour relative to its employers\' jobs, around which the business cycle moves; a timeline event sets a boom or a crisis (2009 in Kazakhstan: registrations in Almaty −26.7%, remittances to Kyrgyzstan −24%).', '003 L122–133, L1459–1482, L1613–1617 (the 2008–09 crisis); default 1 assumption', { min: 0, max: 10 }),
  tpl('region', 'region', 'digital_registration', 'boolean', false, 'yes/no', 'Whether digital registration (the Amina app) is in force in the region.', 'regimes RU30 (Moscow and Moscow oblast from 1 Sep 2025); 002'),

  // ── Sectors, per destination country ──
  tpl('destination', 'labour', 'labour.sector_share.construction', 'number', 0.35, 'share', 'Share of migrant jobs in construction.', 'regimes RU40 (survey by sector); shares assumption', { ...share, ...atStart }),
  tpl('destination', 'labour', 'labour.sector_share.agriculture', 'number', 0.05, 'share', 'Share of migrant jobs in agriculture.', 'regimes RU40 (survey by sector); shares assumption', { ...share, ...atStart }),
  tpl('destination', 'labour', 'labour.sector_share.trade', 'number', 0.2, 'share', 'Share of migrant jobs in trade.', 'regimes RU40 (survey by sector); shares assumption', { ...share, ...atStart }),
  tpl('destination', 'labour', 'labour.sector_share.services', 'number', 0.3, 'share', 'Share of migrant jobs in services.', 'regimes RU40 (survey by sector); shares assumption', { ...share, ...atStart }),
  tpl('destination', 'labour', 'labour.sector_share.domestic', 'number', 0.1, 'share', 'Share of migrant jobs in domestic work.', 'regimes RU40 (survey by sector); shares assumption', { ...share, ...atStart }),
  tpl('destination', 'labour', 'labour.wage.construction', 'number', 54_000, 'currency/month', 'Formal monthly wage in construction.', 'regimes RU40 (2021 survey: construction 54k RUB)', money),
  tpl('destination', 'labour', 'labour.wage.agriculture', 'number', 37_000, 'currency/month', 'Formal monthly wage in agriculture.', 'regimes RU40 (2021 survey: agriculture 37k RUB)', money),
  tpl('destination', 'labour', 'labour.wage.trade', 'number', 47_000, 'currency/month', 'Formal monthly wage in trade.', 'regimes RU40 (survey mean 47.1k RUB, 2021)', money),
  tpl('destination', 'labour', 'labour.wage.services', 'number', 41_000, 'currency/month', 'Formal monthly wage in services.', 'regimes RU40 (2021 survey: housing/utilities 41k RUB)', money),
  tpl('destination', 'labour', 'labour.wage.domestic', 'number', 35_000, 'currency/month', 'Formal monthly wage in domestic work.', 'assumption', money),

  // ── Decisions of migrants (random utility; sim/model/decisions) ──
  tpl('global', 'migrant', 'migrant.review_months', 'number', 4, 'months', 'Mean time between two moments at which a potential migrant at home weighs leaving (exponentially distributed).', 'assumption', { min: 0.25, max: 120 }),
  tpl('global', 'migrant', 'migrant.choice_scale', 'number', 2.5, '1/(home wage)', 'Logit scale of the choices to go or stay and to go home: how strongly they follow differences in expected net monthly gain, measured in home wages.', 'assumption (random-utility choice, McFadden 1974; Klabunde & Willekens 2016)', { min: 0, max: 100 }),
  tpl('global', 'migrant', 'migrant.destination_scale', 'number', 6, '1/(home wage)', 'Logit scale of the choice among destinations once a migrant goes (nested logit): larger than migrant.choice_scale, so destinations substitute for each other more than for staying home.', 'assumption (nested logit, Ben-Akiva & Lerman 1985; the usual remedy for independence of irrelevant alternatives)', { min: 0, max: 100 }),
  tpl('global', 'migrant', 'migrant.home_attachment', 'number', 1.2, 'home wages', 'Value a potential migrant at home sets on staying (family, land, the hardship and risk of the move), in home wages per month: the alternative-specific constant of staying, which makes leaving a step that a better wage alone does not take.', 'assumption (calibrated in each shipped base)', { min: -10, max: 20 }),
  tpl('destination', 'migrant', 'migrant.legal_value', 'number', 1, 'home wages', 'Value of being legal in this country beyond avoiding sanctions (formal jobs, housing, medical care, a bank account, less harassment), in home wages per month; it counts against going without papers or with a fake.', '001 L47–54 (irregular migrants are the victims of abuse); value assumption', { min: 0, max: 20 }),
  tpl('global', 'migrant', 'migrant.network_effect', 'number', 2, 'home wages', 'Value of going where one\'s village already is, per unit share of the village in that region (help with housing, jobs, loans).', '003 L3038–3041 (relatives pay for the trip); value assumption', { min: 0, max: 50 }),
  tpl('global', 'migrant', 'migrant.horizon_months', 'number', 9, 'months', 'Mean planned length of a stay abroad; one-off costs are spread over it and it pulls a migrant home as it passes.', '003 L1447–1448 (2–8 months for seasonal stays); value assumption', { min: 0.5, max: 240, ...atStart }),
  tpl('global', 'migrant', 'migrant.risk_aversion_sd', 'number', 0.5, 'log-sd', 'Spread of risk attitudes: each migrant weighs expected sanctions by a factor drawn log-normally with mean 1 and this log standard deviation.', 'assumption', { min: 0, max: 3, ...atStart }),
  tpl('global', 'migrant', 'migrant.target_pull', 'number', 3, 'home wages', 'Value of going home per unit of the savings target earned on this trip (saved plus sent home).', '003 L1572–1576 (migrants go to earn for a house or a wedding); value assumption', { min: 0, max: 50 }),
  tpl('global', 'migrant', 'migrant.horizon_pull', 'number', 1.5, 'home wages', 'Value of going home per planned stay spent abroad.', 'assumption', { min: 0, max: 50 }),
  tpl('global', 'migrant', 'migrant.return_review_weekly', 'number', 0.25, 'probability/week', 'Weekly chance a migrant abroad weighs going home.', 'assumption', weekly),
  tpl('global', 'migrant', 'migrant.status_choice_scale', 'number', 3, '1/(home wage)', 'Logit scale of the choices about documents abroad (register, buy or keep paying a permit, buy a fake one, or go without).', 'assumption', { min: 0, max: 100 }),
  tpl('global', 'migrant', 'migrant.quit_scale', 'number', 3, '1/(months of wage)', 'Logit scale of the choice to quit an employer that owes wages.', 'assumption', { min: 0, max: 100 }),
  tpl('global', 'migrant', 'migrant.borrowing_cost', 'number', 0.03, 'share/month', 'Monthly cost of money borrowed for the trip or fees, as migrants weigh it.', 'assumption (003 L3038–3041: loans from relatives and brokers)', { min: 0, max: 1 }),
  tpl('global', 'migrant', 'migrant.borrowing_limit_months', 'number', 2, 'home wages', 'Most a migrant abroad can owe, in months of home wage: beyond it nobody lends them a permit\'s fee.', 'assumption (003 L3038–3041: loans from relatives and brokers; 001 L24–28: costs beyond earnings end legal status)', { min: 0, max: 120 }),
  tpl('global', 'migrant', 'migrant.belief_weight', 'number', 0.5, 'share/week', 'Weight of one week\'s news from the village\'s migrants and returnees in the village\'s beliefs.', 'assumption', share),
  tpl('global', 'migrant', 'migrant.broker_choice_scale', 'number', 5, '1/probability', 'Logit scale of the choice among brokers on the believed chance that each lets a client down (brokers the village knows by name, and one it does not know).', 'assumption', { min: 0, max: 1000 }),
  tpl('global', 'migrant', 'migrant.broker_name_weight', 'number', 0.3, 'share', 'Weight of what a village believes of a broker it knows by name against what it believes of the region\'s brokers in general, when it judges him (1: by name only).', 'assumption', share),
  tpl('global', 'migrant', 'migrant.experience_weight', 'number', 0.5, 'share', 'Weight of a migrant\'s own experience (checked, defrauded) against the village\'s belief.', 'assumption', share),
  tpl('global', 'migrant', 'migrant.papers_review_weekly', 'number', 1, 'probability/week', 'Weekly chance a migrant without a work document weighs getting one (a permit, a fake, or going without).', 'assumption', weekly),
  tpl('global', 'migrant', 'registration.attempt_prob', 'number', 0.6, 'probability/week', 'Weekly chance an unregistered migrant gets round to weighing registration.', 'assumption', weekly),
  tpl('global', 'migrant', 'migrant.insist_on_contract', 'number', 0.85, 'probability', 'Chance a worker with their own paid permit insists on a formal contract.', 'assumption', share),
  tpl('global', 'migrant', 'migrant.place_attachment', 'number', 1, 'home wages', 'Value of staying in the region where one is (known employer, housing and acquaintances) over moving to another region of the same country.', 'assumption', { min: 0, max: 50 }),
  tpl('destination', 'migrant', 'migrant.move_cost', 'number', 3_000, 'currency', 'Cost of moving to another region of the same country for work (fare and the first days), besides registering again.', 'assumption', money),
  tpl('global', 'migrant', 'migrant.season_return', 'number', 0.8, 'probability', 'Chance a worker laid off when a farm\'s season ends goes home at once (a seasonal migrant, who next weighs going abroad when that farm\'s season starts again); the others stay and look for work.', '003 L1447–1448 (seasonal migration for 2–8 months); value assumption', share),
  tpl('global', 'migrant', 'migrant.unemployment_pull', 'number', 0.15, 'home wages', 'Value of going home per week without work abroad.', 'assumption', { min: 0, max: 10 }),
  tpl('destination', 'broker', 'broker.fake_document_price', 'number', 20_000, 'currency', 'Price of a fake work document bought through a broker.', '001 L34–43 (fake documents are common); value assumption', money),
  tpl('destination', 'police', 'police.fake_detection', 'number', 0.3, 'probability', 'Chance a check finds a fake document out, for fakes of average quality (each broker\'s fakes are found with this times his own factor, broker.fake_quality_spread); a fake that is not found lets its holder through the check (it never makes them legal).', '001 L34–43; value assumption', share),
  tpl('global', 'population', 'scale', 'integer', 100, 'people/agent', 'Real people each agent stands for; reported figures are multiplied back by it.', 'assumption', { min: 1, max: 100_000, ...atStart }),
  tpl('global', 'population', 'currency', 'enum', 'RUB', 'code', 'Currency of every money parameter and indicator.', 'assumption', { values: ['RUB', 'KZT', 'USD'], ...atStart }),
  tpl('global', 'population', 'population.potential_migrants', 'integer', 3_000_000, 'people', 'People in the origin regions who may migrate (at home or abroad).', 'assumption; sized to ~2.3 M patent holders and ~0.6 M Kyrgyz abroad (regimes RU38, RU34; 002)', { min: 100, max: 1e9, ...atStart }),
  tpl('global', 'population', 'population.initial_abroad_share', 'number', 0.55, 'share', 'Share of potential migrants put abroad, with papers part-way through their validity, when the burn-in starts.', 'assumption', { ...share, ...atStart }),
  tpl('global', 'population', 'population.villages', 'integer', 400, 'villages', 'Number of villages of origin; a village is a migrant network.', 'assumption', { min: 1, max: 65_535, ...atStart }),
  tpl('global', 'population', 'population.working_years', 'number', 27, 'years', 'Years a person belongs to the pool of potential migrants, from coming of age to ageing out (ages 18 to 45 by default). One who ages out at home, or on coming home, is replaced by a newcomer of the same village with traits of their own and no ban or experience (null: nobody comes of age or ages out).', '003 L2184–2185 (of the migrants legalised in 2006, 50% were under 30, 39% 30–45 and 11% over 45); value assumption; a pool that neither grows nor shrinks is an assumption (001 L334–338 expects working-age numbers to fall only by 2030–2050)', { min: 1, max: 100, nullable: true, ...atStart }),
  tpl('global', 'population', 'population.burn_in_weeks', 'integer', 156, 'weeks', 'Weeks simulated before week 0; with the bans and experience the start back-dates (sim/model/start), the run starts at the base\'s steady state.', 'assumption (a year to settle, two for the control registry and removals to steady; tests/model/steadyStart.test.ts checks the shipped bases)', { min: 0, max: 1040, ...atStart }),
  tpl('destination', 'labour', 'labour.jobs_per_potential_migrant', 'number', 0.5, 'jobs/person', 'Migrant jobs offered by employers, per potential migrant. Employers are created with these jobs; a timeline event that changes it scales every employer\'s demand in proportion.', 'assumption', { min: 0, max: 10 }),
  tpl('global', 'labour', 'labour.employer_size', 'integer', 25, 'jobs', 'Average jobs per employer.', '003 L3019–3021 (a firm asks an intermediary for ~30 workers); value assumption', { min: 1, max: 10_000, ...atStart }),
  tpl('destination', 'labour', 'labour.informal_wage_factor', 'number', 0.9, 'factor', 'Informal wage relative to the formal wage.', 'assumption', { min: 0, max: 2 }),
  tpl('destination', 'labour', 'labour.formal_cost_share', 'number', 0.2, 'share of wage', 'Extra cost to the employer of a formal hire (taxes, contributions, paperwork).', '003 L1879–1885 (migrants excluded from social insurance are cheaper); value assumption', { min: 0, max: 5 }),
  tpl('destination', 'labour', 'labour.wage_flexibility', 'number', 0.15, 'log wage', 'How far wages of a region and sector move with the balance of vacancies and job seekers: the log change of the wage at a complete shortage (only vacancies), and minus it at a complete surplus (only seekers); 0 fixes wages at labour.wage.* × wage_factor.', 'assumption (of the order of the wage curve\'s elasticity of about 0.1, Blanchflower & Oswald 1994)', { min: 0, max: 3 }),
  tpl('destination', 'labour', 'labour.wage_adjustment_months', 'number', 6, 'months', 'Mean time wages take to move to the level the balance of vacancies and job seekers calls for (partial adjustment: each week closes 1/(months × 52/12) of the gap).', 'assumption', { min: 0, max: 1200 }),
  tpl('destination', 'economy', 'economy.cycle_sd', 'number', 0.1, 'log demand', 'Standard deviation of the business cycle: the log deviation of a region\'s demand for migrant labour from its level; 0 switches the cycle off.', '003 L122–133, L1459–1482, L1613–1617 (the 2008–09 crisis cut registrations in Almaty by 26.7% and remittances to Kyrgyzstan by 24%, about two standard deviations); value assumption', { min: 0, max: 2 }),
  tpl('destination', 'economy', 'economy.cycle_months', 'number', 12, 'months', 'Persistence of the business cycle: the mean time a deviation of demand takes to fade (mean reversion).', '003 L122–133 (a slump from mid-2008 through 2009); value assumption', { min: 0, max: 1200 }),
  tpl('destination', 'economy', 'economy.cycle_common_share', 'number', 0.7, 'share', 'Share of the cycle\'s variance common to all regions of the country (the rest is each region\'s own).', '003 L122–133 (a crisis of the whole economy); value assumption', share),
  tpl('destination', 'labour', 'labour.offseason_demand', 'number', 0.25, 'share', 'Farm labour demand out of a farm\'s season (about November to March) relative to the season.', '003 L1447–1448 (seasonal stays of 2–8 months); value assumption', share),
  tpl('destination', 'labour', 'labour.season_spread_weeks', 'number', 8, 'weeks', 'Each farm employer starts its season at a date of its own within ± this many weeks of 1 April, and ends it within ± this many weeks of 1 November (uniformly), so farm work starts and ends over weeks.', '003 L1428–1432, L1447–1448 (seasonal farm work); spread assumption', { min: 0, max: 12 }),
  tpl('global', 'labour', 'labour.search_success', 'number', 0.35, 'probability/week', 'Chance an unemployed migrant searching directly finds an open vacancy in a week.', 'assumption', weekly),
  tpl('global', 'labour', 'labour.network_search_bonus', 'number', 0.5, 'factor', 'Extra job-finding chance per unit share of the village already abroad.', 'assumption', { min: 0, max: 10 }),
  tpl('global', 'labour', 'labour.russian_search_bonus', 'number', 0.3, 'factor', 'Extra job-finding chance for Russian speakers.', '001 L323–330 (employers prefer Russian speakers); value assumption', { min: 0, max: 10 }),
  tpl('destination', 'employer', 'employer.compliant_share', 'number', 0.795, 'share', 'Share of employers inclined to formality: those who, when the law allows a formal hire and their expected sanction equals its cost, hire formally more often than not (the propensity of the median employer). Read at each decision, so a timeline event shifts every employer\'s propensity.', 'assumption (each shipped base sets its calibrated value, calibration/)', share),
  tpl('destination', 'employer', 'employer.abusive_share', 'number', 0.3, 'share', 'Share of employers who withhold wages, denounce workers and retain passports.', '001 L50–54; 003 L3048–3071 (forced-labour practices); value assumption', { ...share, ...atStart }),
  tpl('global', 'employer', 'employer.choice_scale', 'number', 5, '1/(monthly wage)', 'Logit scale of employers\' choices (formal or informal hire, withholding pay, calling the police on a worker): how strongly they follow the difference between what they gain and what they risk, measured in monthly wages of the worker.', 'assumption', { min: 0, max: 100 }),
  tpl('global', 'employer', 'employer.belief_weight', 'number', 0.05, 'share/week', 'Weight of one week\'s news of the police among an employer\'s peers (same region and sector): cases per informal worker and what cases cost; 0 freezes what employers believe at the law on paper.', '003 L3197–3200 (raids are known as a way to earn money); value assumption', share),
  tpl('global', 'employer', 'employer.experience_weight', 'number', 0.5, 'share', 'Weight of the employer\'s own cases (a fine or a bribe) in what it believes a case costs.', 'assumption', share),
  tpl('global', 'employer', 'employer.withhold_prob', 'number', 0.5, 'probability/week', 'Most an abusive employer withholds: its weekly chance of withholding a worker\'s pay when what it keeps far outweighs what it risks.', '003 L3048–3071; value assumption', weekly),
  tpl('global', 'employer', 'employer.complaint_risk', 'number', 0.1, 'probability/month', 'Monthly chance, as employers see it, that a legal worker whose pay they withhold takes them to the authorities, which would cost them a case.', '003 L3207–3208, L3221–3229 (migrants seek help when unpaid; threats to go to the police make employers pay); value assumption', share),
  tpl('global', 'employer', 'employer.irregular_complaint_factor', 'number', 0.2, 'factor', 'Chance that an irregular worker whose pay is withheld complains, relative to a legal worker, as employers see it.', '001 L47–50 (irregular migrants most often the victims); 003 L3210–3213 (irregular migrants avoid the migration police); value assumption', share),
  tpl('global', 'employer', 'employer.arrears_settle_prob', 'number', 0.08, 'probability/week', 'Chance an employer pays a worker\'s arrears in a week.', 'assumption', weekly),
  tpl('global', 'employer', 'employer.passport_retention', 'number', 0.5, 'probability', 'Chance an abusive employer takes the passport of a vulnerable worker at hire.', '003 L3048–3050 (passports taken "for registration"); value assumption', share),
  tpl('global', 'employer', 'employer.denounce_prob', 'number', 0.01, 'probability/week', 'Most an abusive employer denounces: its weekly chance of calling the police on an irregular worker it owes wages, when the wages it saves far outweigh what it risks.', '003 L3075–3078, L4430–4431; value assumption', weekly),
  tpl('global', 'employer', 'employer.buy_back_prob', 'number', 0.2, 'probability', 'Chance an employer whose irregular worker the police are taking to detention asks to buy the worker back (the unit takes the bribe with its bribe chance).', '003 L3197–3199 (several cases of employers bribing the police to take a worker back); value assumption', share),
  tpl('destination', 'employer', 'employer.revenue_per_wage', 'number', 1.5, 'factor', 'What a week of a migrant\'s work earns the employer from its customers, relative to the formal wage.', 'assumption (wages about two thirds of what the work earns)', { min: 0, max: 100 }),
  tpl('destination', 'employer', 'employer.fine', 'number', 400_000, 'currency/case', 'Fine on an employer caught employing a migrant informally.', 'regimes RU24 (250k–800k RUB per worker, legal entity)', money),
  tpl('destination', 'employer', 'employer.permit_cost', 'number', 10_000, 'currency/permit', 'Employer\'s cost of obtaining an employer-tied permit (fees and paperwork).', 'assumption (regimes KZ11: 310,853–567,250 KZT fee in 2025)', money),
  tpl('destination', 'employer', 'employer.labour_test_weeks', 'integer', 3, 'weeks', 'Weeks an employer must search for citizens before its first employer-tied hire of a run (not for farm work); later, the search goes with each year\'s application.', '003 L2057–2067; regimes KZ11 (vacancy advertised 15 days)', { min: 0, max: 52, ...atStart }),
  tpl('global', 'migrant', 'migrant.savings_target_months', 'number', 6, 'months of wage', 'Savings that end a stay, in months of the destination wage.', '003 L1572–1576 (goals: house, wedding); value assumption', { min: 0, max: 240 }),
  tpl('global', 'migrant', 'migrant.initial_savings_months', 'number', 2, 'months of home wage', 'Savings a migrant leaves home with.', '003 L1451–1456 (migrants are "not the poorest"); value assumption', { min: 0, max: 120, ...atStart }),
  tpl('destination', 'migrant', 'migrant.living_cost', 'number', 15_000, 'currency/month', 'Housing and food abroad.', '001 L19–22 (a bed ≥15,000 RUB/month)', money),
  tpl('global', 'migrant', 'migrant.remit_share', 'number', 0.6, 'share', 'Share of a month\'s surplus above the savings buffer sent home.', 'assumption', share),
  tpl('global', 'migrant', 'migrant.quit_arrears_months', 'number', 1, 'months of wage', 'Arrears at which a worker quits if quitting costs no legal status.', '003 L3208–3216 (seek help only when unpaid; go home rather than sue); value assumption', { min: 0, max: 24 }),
  tpl('global', 'migrant', 'migrant.tied_quit_factor', 'number', 0.15, 'factor', 'Quit propensity of a worker whose legal status ends with the job, relative to a free one.', '003 L2127–2130 (the tied worker is "trapped"); value assumption', share),
  tpl('global', 'migrant', 'migrant.debt_default_months', 'number', 24, 'months', 'Mean time a debt brought home waits for a later trip to repay it before the lender writes it off.', 'assumption (003 L3038–3041: money borrowed from relatives to go)', { min: 0.1, max: 1e6 }),
  tpl('global', 'migrant', 'migrant.savings_buffer_months', 'number', 1, 'months of living cost', 'Savings kept back before remitting.', 'assumption', { min: 0, max: 24 }),
  tpl('destination', 'permit', 'permit.monthly_fee', 'number', 8_900, 'currency/month', 'Monthly fee of a worker-tied permit (patent) at region factor 1.', 'regimes RU3 (Moscow 2025: 8,900 RUB)', money),
  tpl('destination', 'permit', 'permit.initial_cost', 'number', 15_800, 'currency', 'One-off cost of obtaining a worker-tied permit (exam, medical, insurance, fees).', 'regimes RU12 (≈15,800 RUB at first issue, Moscow)', money),
  tpl('destination', 'permit', 'permit.late_fine', 'number', 12_500, 'currency', 'Fine for applying for a worker-tied permit after permit.application_days.', 'regimes RU10 (late fine 10,000–15,000 RUB, art. 18.20)', money),
  tpl('destination', 'permit', 'permit.application_days', 'integer', 30, 'days', 'Days after arrival within which a worker-tied permit must be applied for.', 'regimes RU10', { min: 1, max: 365 }),
  tpl('destination', 'permit', 'permit.validity_days', 'integer', 365, 'days', 'Validity of an employer-tied permit.', '004 L1826–1827; 003 L1929–1932', { min: 7, max: 3650 }),
  tpl('destination', 'permit', 'permit.grace_days', 'integer', 15, 'days', 'Days a worker keeps legal status after an employer-tied or free-movement job ends.', 'regimes RU17 (15 days to find a new contract); assumption for employer-tied', { min: 0, max: 365 }),
  tpl('destination', 'permit', 'permit.exam_pass_rate', 'number', 0.87, 'share', 'Share passing the language exam needed for a worker-tied permit (non-Russian speakers retry later).', 'regimes RU13 (86.9–87.9% passed, 2025)', share),
  tpl('destination', 'quota', 'quota.annual', 'number', null, 'permits/year', 'Yearly cap on work permits issued (null: no quota). Under quota.mode applications, a ceiling on the slots granted (null: none).', 'regimes RU17, RU1 (no quota on patents)', { min: 0, nullable: true }),
  tpl('destination', 'quota', 'quota.mode', 'enum', 'fixed', 'mode', 'Fixed: quota.annual, first come, first served in each region\'s book. Applications: employers apply for slots before each year and the state grants them (employer-tied permits only; worker-tied permits then count against no quota).', 'regimes RU17, RU1 (Russia: no quota; fixed is the neutral default); applications: 004 L1217–1225, 003 L2057–2073', { values: ['fixed', 'applications'] }),
  tpl('destination', 'quota', 'quota.approval_share', 'number', 1, 'share', 'Share of the slots employers apply for that the state grants (applications mode), before any ceiling set by quota.annual.', 'assumption', share),
  tpl('destination', 'quota', 'quota.application_cost', 'number', 10_000, 'currency/slot', 'Employer\'s cost of applying for one quota slot (documents, proof of a search for citizens, justification of numbers), paid when applying (applications mode).', '003 L2057–2067, L2116–2122 (a strict procedure that employers avoid); value assumption', money),
  tpl('destination', 'quota', 'quota.application_weeks', 'integer', 8, 'weeks', 'Weeks before a quota year at which employers apply for its slots (applications mode).', '003 L2028–2032 (the next year\'s quota is set in December); 004 L1217–1225; value assumption', { min: 0, max: 52 }),
  tpl('destination', 'quota', 'quota.low_skill_share', 'number', 1, 'share', 'Share of the quota open to the modelled (low- and mid-skill) workers.', 'assumption (003 L2084–2089 gives 0.93+0.07 of 1.6% for categories 3–4)', share),
  tpl('destination', 'quota', 'quota.farm_share', 'number', 0, 'share', 'Share of the open quota reserved for seasonal farm work, usable only under a bilateral agreement.', '003 L2084–2089, L2052–2055', share),
  tpl('destination', 'quota', 'quota.split_by_region', 'boolean', true, 'yes/no', 'Whether the quota is divided among regions in proportion to jobs.', '003 L2028–2032', {}),
  tpl('destination', 'registration', 'registration.fee', 'number', 1_500, 'currency', 'Cost of registering at an address.', '001 L15', money),
  tpl('destination', 'registration', 'registration.validity_days', 'integer', 90, 'days', 'Validity of a registration not backed by a permit.', '003 L2951–2952 (renewed every 3 months); regimes RU20', { min: 7, max: 3650 }),
  tpl('destination', 'registration', 'registration.follows_permit', 'boolean', true, 'yes/no', 'Whether a valid permit or contract keeps the registration valid.', 'regimes RU20 (each patent payment extends the stay); 001 L17–18', {}),
  tpl('destination', 'registration', 'registration.own_address_prob', 'number', 0.35, 'probability', 'Chance a migrant can register at the address where they live.', 'assumption', share),
  tpl('destination', 'registration', 'registration.employer_address_prob', 'number', 0.8, 'probability', 'Chance a formal employer registers its worker at its own address.', '003 L2917–2919', share),
  tpl('destination', 'digital', 'digital.fee_factor', 'number', 0.3, 'factor', 'Cost of digital registration relative to registration.fee.', '002 (registration cheaper and faster); value assumption', { min: 0, max: 10 }),
  tpl('destination', 'digital', 'digital.signal_loss_weekly', 'number', 0.01, 'probability/week', 'Chance a digitally registered migrant sends no location for 3 working days, losing the registration.', 'regimes RU31; 002; value assumption', weekly),
  tpl('global', 'broker', 'broker.jobs_per_broker', 'integer', 400, 'jobs', 'Migrant jobs per broker in a region (sets the number of brokers).', 'assumption', { min: 1, max: 1e7, ...atStart }),
  tpl('global', 'broker', 'broker.employer_ties', 'integer', 5, 'employers', 'Employers each broker places workers with.', '003 L3019–3025 (a firm orders workers from an intermediary); value assumption', { min: 1, max: 1000, ...atStart }),
  tpl('destination', 'broker', 'broker.registration_fee', 'number', 5_000, 'currency', 'Fee for registration at a broker\'s "rubber" address.', 'assumption (regimes CR2: intermediaries charge many times official fees)', money),
  tpl('global', 'broker', 'broker.capacity_weekly', 'integer', 6, 'clients/week', 'Clients a broker can take on in a week.', 'assumption; 003 L3019 (groups of ~30 over a season)', { min: 0, max: 10_000 }),
  tpl('destination', 'broker', 'broker.placement_fee', 'number', 20_000, 'currency', 'Fee for arranging a job, registration and paperwork.', 'regimes CR2 (intermediaries charged 20–25k RUB for a permit, 2013)', money),
  tpl('destination', 'broker', 'broker.monthly_cut', 'number', 5_000, 'currency/month', 'Monthly cut a broker takes from wages that pass through him.', '003 L3022–3025 (3,000 tenge/month); RUB value assumption', money),
  tpl('global', 'broker', 'broker.contract_months', 'number', 4, 'months', 'Length of a broker\'s contract with a recruited worker.', '003 L3019–3021 (3–4 months)', { min: 0, max: 60 }),
  tpl('global', 'broker', 'broker.fraud_rate', 'number', 0.08, 'probability', 'A broker\'s inclination to take a client\'s fee and deliver nothing, before his reputation and enforcement hold him back; also what villages first believe of brokers they do not know.', '003 L3033–3034, L3104–3117; value assumption', { ...share, ...atStart }),
  tpl('global', 'broker', 'broker.reputation_response', 'number', 3, '1/probability', 'How much a broker holds back from fraud as his reputation falls: his fraud is multiplied by exp(−response × (believed chance he lets a client down − broker.fraud_rate)), the belief averaged over the villages that know him.', 'assumption', { min: 0, max: 100 }),
  tpl('global', 'broker', 'broker.fraud_report_prob', 'number', 0.05, 'probability', 'Chance a defrauded client reports the broker to the police (each report, scaled by police.capacity, ends in a fine or, with police.corruption, a bribe).', '003 L3038–3041 (migrants cover for intermediaries even when the police come); value assumption', share),
  tpl('destination', 'broker', 'broker.fine', 'number', 50_000, 'currency', 'Fine on a broker the police catch defrauding a client or selling a fake document.', 'assumption', money),
  tpl('destination', 'broker', 'broker.service_fee', 'number', 5_000, 'currency', 'What an employer pays a broker for each worker he places with it.', '003 L3024–3025 ("the employer pays the intermediary for his services"); value assumption', money),
  tpl('global', 'broker', 'broker.group_order_weekly', 'number', 0.1, 'probability/week', 'Weekly chance a broker takes an order for a group of workers from one of his employers that has jobs to fill.', '003 L3019–3021 ("a firm calls the intermediaries and asks for about thirty people"); value assumption', weekly),
  tpl('global', 'broker', 'broker.group_size', 'integer', 30, 'workers', 'Most workers one group order asks for (0: no group orders).', '003 L3019–3021 (about thirty)', { min: 0, max: 10_000 }),
  tpl('global', 'broker', 'broker.call_reach', 'number', 0.2, 'probability/week', 'Chance that a broker recruiting a group reaches a given member at home of a village that knows him, in a week.', '003 L3019–3021 ("the intermediary calls Uzbekistan and asks workers to come"); value assumption', weekly),
  tpl('global', 'broker', 'broker.sell_on_weekly', 'number', 0.01, 'probability/week', 'Weekly chance a broker sells an irregular client under contract on to another of his employers, one that exploits workers and has a job to fill.', '003 L3075–3080, L3104–3117 (workers "sold" between employers; an intermediary handed a group\'s passports to an employer for an advance); value assumption', weekly),
  tpl('destination', 'broker', 'broker.sale_price', 'number', 20_000, 'currency', 'What the buying employer pays the broker for a worker sold on.', 'assumption (003 L3112: a $5,000 advance for a group)', money),
  tpl('destination', 'broker', 'broker.sells_fakes', 'boolean', true, 'yes/no', 'Whether brokers sell fake work documents in this country (false: no fakes are on offer).', '001 L34–43 (fake migration cards are in use)'),
  tpl('global', 'broker', 'broker.fake_quality_spread', 'number', 0.5, 'factor', 'Spread of brokers\' fake documents: a broker\'s fakes are found out with police.fake_detection × U(1 − spread, 1 + spread), drawn once per broker.', 'assumption', { min: 0, max: 1, ...atStart }),
  tpl('global', 'broker', 'broker.fake_trace_prob', 'number', 0, 'probability', 'Chance a fake document the police find is traced to the broker who sold it (then he is fined broker.fine, or bribes with police.corruption).', '001 L37–40 (the user of a fake card is prosecuted, not its maker)', share),
  tpl('global', 'broker', 'broker.passport_hold_prob', 'number', 0.3, 'probability', 'Chance a broker keeps the client\'s passport.', '003 L2872–2873, L3104–3117; value assumption', share),
  tpl('global', 'broker', 'broker.protection_share', 'number', 0.3, 'share', 'Share of brokers paying police for protection; their clients\' cases are settled by a bribe.', 'assumption (003 L2849–2855: those who take migrants across the border share with the border guards, collusion named in many interviews; no source says brokers settle their clients\' cases)', { ...share, ...atStart }),
  tpl('global', 'broker', 'broker.rubber_address_detect', 'number', 0.2, 'probability', 'Chance a check finds a broker\'s "rubber" registration address invalid.', 'assumption', share),
  tpl('destination', 'police', 'police.capacity', 'number', 1, 'factor', 'Scales the police: the staff of every police unit of the country (police.staff_per_1000_jobs), registry expulsions and detention on denunciation (0: no police, 2: twice the officers).', 'assumption', { min: 0, max: 100 }),
  tpl('destination', 'police', 'police.staff_per_1000_jobs', 'number', 1.5, 'officers/1,000 jobs', 'Officers of a region\'s police unit who work on migration checks, per 1,000 migrant jobs in the region (at police.capacity 1).', 'assumption (no source counts them; set so that street checks and raids in the RU base are about what they were as fixed weekly shares, 0.02 of migrants and 0.002 of employers)', { min: 0, max: 1000 }),
  tpl('destination', 'police', 'police.officers_per_unit', 'number', 100, 'officers', 'Officers of one police unit (a district department): a region has about its officers ÷ this many units, each with its own corruption, target and memory.', 'assumption', { min: 1, max: 1e9 }),
  tpl('destination', 'police', 'police.raid_share', 'number', 0.21, 'share', 'Share of a unit\'s officers on workplace raids; the rest make street checks.', '003 L2317–2318, L3192–3193 (regular raids on companies); value assumption', share),
  tpl('destination', 'police', 'police.checks_per_officer_weekly', 'number', 25, 'checks/officer/week', 'Street checks an officer can make in a week when migrants are plenty (the time a check takes bounds them).', 'assumption (five a working day)', { min: 0, max: 1e9 }),
  tpl('destination', 'police', 'police.encounters_weekly', 'number', 50, 'migrants/officer/week', 'Migrants an officer on street duty comes across in a week where there is one migrant per migrant job, before the time checks take (with checks_per_officer_weekly it sets how the share checked falls as migrants grow: Holling 1959).', 'assumption', { min: 0, max: 1e9 }),
  tpl('destination', 'police', 'police.raids_per_officer_weekly', 'number', 0.25, 'raids/officer/week', 'Workplace raids an officer on raid duty makes possible in a week (a raid takes a team of officers for days).', 'assumption', { min: 0, max: 1e6 }),
  tpl('destination', 'police', 'police.targeting', 'number', 0.9, 'share', 'Share of raids a unit aims where it found irregular workers before (at those employers and in their sectors); the rest fall on employers at random.', '003 L2317–2318 (raids to find irregular migrants); value assumption', share),
  tpl('destination', 'police', 'police.memory_weeks', 'number', 26, 'weeks', 'Mean time a unit remembers where it found an irregular worker (its suspicion of the employer and the sector decays at this rate).', 'assumption', { min: 0.1, max: 10_000 }),
  tpl('destination', 'police', 'police.cases_target_monthly', 'number', 17, 'cases/officer/month', 'Cases each officer is expected to record in a month (the unit\'s performance target).', 'assumption (DESIGN: a performance target in cases per month; no source gives its size)', { min: 0, max: 1e6 }),
  tpl('destination', 'police', 'police.target_pressure', 'number', 2, 'logit/target', 'How strongly a unit behind its monthly target records cases instead of taking bribes: the log-odds of a bribe fall by this much per monthly target behind (and rise as much ahead of it).', 'assumption', { min: 0, max: 100 }),
  tpl('destination', 'police', 'police.corruption_spread', 'number', 0.5, 'logit sd', 'Spread of the units\' own corruption around police.corruption: each unit\'s log-odds of a bribe differ from the country\'s by a normal draw with this standard deviation, made when the unit is created.', 'assumption', { min: 0, max: 10 }),
  tpl('destination', 'police', 'police.release_bribe_factor', 'number', 2, 'factor', 'The bribe an employer pays a unit to take back a detained worker, relative to police.bribe.', 'regimes CR2 (10,000 RUB per person to be released, against demands of 500 RUB and more); 003 L3197–3199', { min: 0, max: 1000 }),
  tpl('destination', 'police', 'police.detection', 'number', 0.7, 'probability', 'Chance a check finds an existing irregularity.', 'assumption', share),
  tpl('destination', 'police', 'police.corruption', 'number', 0.333, 'share', 'Median share of detected cases a police unit settles by a bribe when on target (each unit has its own, police.corruption_spread).', '003 L3197–3200, L2775–2779; regimes CR1 (no survey); value assumption', share),
  tpl('destination', 'police', 'police.bribe', 'number', 5_000, 'currency', 'Bribe a migrant pays to settle a case.', 'regimes CR2 (500 RUB demands to 10,000 RUB to be released)', money),
  tpl('destination', 'police', 'police.extortion_of_legal', 'number', 0.1, 'probability', 'Chance a legal migrant who is stopped pays a bribe anyway.', '003 L4196–4198 (registration does not protect); value assumption', share),
  tpl('destination', 'police', 'police.employer_bribe_factor', 'number', 10, 'factor', 'An employer\'s bribe relative to police.bribe.', 'assumption', { min: 0, max: 1000 }),
  tpl('destination', 'sanction', 'sanction.fine_migrant', 'number', 3_500, 'currency', 'Fine on a migrant for an immigration offence.', 'regimes RU21, RU22 (2,000–5,000 RUB)', money),
  tpl('destination', 'sanction', 'sanction.removal_share', 'number', 0.12, 'share', 'Share of sanctioned (unbribed) cases that end in detention and removal.', '004 L969–976 (9,878 of 84,290 expelled, H1 2008)', share),
  tpl('destination', 'sanction', 'sanction.detention_days', 'integer', 14, 'days', 'Detention before removal.', '001 L30–33 (up to 2 weeks)', { min: 0, max: 365 }),
  tpl('destination', 'sanction', 'sanction.ban_days', 'integer', 1825, 'days', 'Re-entry ban after removal.', '001 L28–30 (5 years after expulsion); regimes RU26', { min: 0, max: 7300 }),
  tpl('destination', 'registry', 'registry.enabled', 'boolean', true, 'yes/no', 'Whether the control registry of persons without legal grounds to stay is in force.', 'regimes RU27 (from 5 Feb 2025); 002', {}),
  tpl('destination', 'registry', 'registry.listing_weekly', 'number', 0.15, 'probability/week', 'Weekly chance that an irregular migrant whose lapse the state has recorded is listed.', 'assumption (set so that about 770k people are listed, regimes RU28; the Russian and Central Asian bases set their calibrated values, calibration/)', weekly),
  tpl('destination', 'registry', 'registry.delisting', 'boolean', false, 'yes/no', 'Whether a listed person can regularise inside the country and be delisted.', '002 L1 (no removal path short of leaving)', {}),
  tpl('destination', 'registry', 'registry.expulsion_weekly', 'number', 0.0013, 'probability/week', 'Weekly chance a listed person is expelled by bailiffs, at police capacity 1.', 'regimes RU29 (~35k of ~770k expelled Jan–Aug 2025)', weekly),
  tpl('destination', 'registry', 'registry.exit_weekly', 'number', 0.015, 'probability/week', 'Weekly chance a listed person leaves on their own, pushed out by lost rights.', 'regimes RU29 (Kyrgyz listed 124k → 34k by Jan 2026); value assumption', weekly),
  tpl('destination', 'registry', 'registry.remittance_cost', 'number', 0.1, 'share', 'Share of a listed person\'s remittance lost to banking limits.', 'regimes S44 (banking limited to incoming transfers and 30k cash); value assumption', share),
  tpl('destination', 'amnesty', 'amnesty.open', 'boolean', false, 'yes/no', 'Whether an amnesty (legalisation) window is open; set by timeline events.', '003 L2155–2161 (applications 1 Aug–31 Dec 2006)', {}),
  tpl('destination', 'amnesty', 'amnesty.kind', 'enum', 'employer-tied', 'kind', 'Employer-tied: legal with the current employer only. Open: a worker-tied permit.', '003 L2155–2161, L2189–2191; 003 L5100–5148 (recommendation)', { values: ['employer-tied', 'open'] }),
  tpl('destination', 'amnesty', 'amnesty.validity_days', 'integer', 1095, 'days', 'Validity of the status an amnesty grants.', '003 L2155–2161 (up to 3 years)', { min: 7, max: 7300 }),
  tpl('destination', 'amnesty', 'amnesty.take_up_weekly', 'number', 0.12, 'probability/week', 'Weekly chance an eligible irregular worker is legalised while the window is open.', 'assumption (164,600 legalised in ~3–5 months, 003 L2182, L1413)', weekly),
] as const;

type AnyTemplate = (typeof TEMPLATES)[number];

/** `permit.monthly_fee` → `permitMonthlyFee`: the field a template becomes in compiled parameters. */
export type FieldName<S extends string> = S extends `${infer A}.${infer B}`
  ? `${A}${Capitalize<FieldName<B>>}`
  : S extends `${infer A}_${infer B}`
    ? `${A}${Capitalize<FieldName<B>>}`
    : S;

type ValueOf<K extends ParamKind> = K extends 'boolean' ? boolean : K extends 'enum' ? string : number;

/** The compiled values of one place of a scope: one field per template (numbers; NaN for "none"). */
export type ScopeValues<S extends Scope> = {
  readonly [T in Extract<AnyTemplate, { scope: S }> as FieldName<T['name']>]: ValueOf<T['kind']>;
};

/** The runtime twin of FieldName. */
export function fieldName(name: string): string {
  let field = fieldNames.get(name);
  if (field === undefined) fieldNames.set(name, (field = name.replace(/[._]([a-z0-9])/g, (_, c: string) => c.toUpperCase())));
  return field;
}

/** Field names already made: every run compiles the same few hundred names. */
const fieldNames = new Map<string, string>();

export const TEMPLATES_BY_SCOPE: Readonly<Record<Scope, readonly Template[]>> = Object.fromEntries(
  SCOPES.map((s) => [s, TEMPLATES.filter((t) => t.scope === s)]),
) as unknown as Record<Scope, readonly Template[]>;

/** Parameter groups are not place names (a place called `quota` would make names ambiguous). */
export const GROUP_NAMES: ReadonlySet<string> = new Set(TEMPLATES.flatMap((t) => [t.group, t.name.split('.')[0]]));
