import type { ParamDef, ParamValue } from './paramDef.js';
import { ORIGINS, REGIMES, REGIONS, SECTORS } from './places.js';

/**
 * Every parameter of the model, with its default, unit, meaning and source.
 *
 * Defaults describe Russia in 2025 in roubles (the `russia-2025` base);
 * `kazakhstan-2008` overrides them with its own cited values. Sources:
 * `NNN Lx–y` is a line range of seed file NNN (000–004); `regimes KEY` is a
 * row of the dated digest of rules in force 2014–2026 (its URL list is in
 * sim/model/SOURCES.md). `assumption` marks a value no source gives.
 */
const defs: ParamDef[] = [];

function def(
  group: string,
  name: string,
  kind: ParamDef['kind'],
  value: ParamValue,
  unit: string,
  meaning: string,
  source: string,
  range: { min?: number; max?: number; values?: readonly string[]; nullable?: boolean } = {},
): void {
  defs.push({ group, name, kind, default: value, unit, meaning, source, ...range });
}

const share = { min: 0, max: 1 };
const weekly = { min: 0, max: 1 };
const money = { min: 0 };

// ── Population and scale ────────────────────────────────────────────────
def('population', 'scale', 'integer', 100, 'people/agent', 'Real people each agent stands for; reported figures are multiplied back by it.', 'assumption', { min: 1, max: 100_000 });
def('population', 'currency', 'enum', 'RUB', 'code', 'Currency of every money parameter and indicator.', 'assumption', { values: ['RUB', 'KZT', 'USD'] });
def('population', 'population.potential_migrants', 'integer', 3_000_000, 'people', 'People in the origin regions who may migrate (at home or abroad).', 'assumption; sized to ~2.3 M patent holders and ~0.6 M Kyrgyz abroad (regimes RU38, RU34; 002)', { min: 100, max: 1e9 });
def('population', 'population.initial_abroad_share', 'number', 0.55, 'share', 'Share of potential migrants abroad when the run starts (before burn-in).', 'assumption', share);
def('population', 'population.villages', 'integer', 400, 'villages', 'Number of villages of origin; a village is a migrant network.', 'assumption', { min: 1, max: 65_535 });
def('population', 'population.burn_in_weeks', 'integer', 104, 'weeks', 'Weeks simulated before week 0 so that the run starts near the base\'s steady state.', 'assumption', { min: 0, max: 1040 });

for (const origin of ORIGINS) {
  const o = `origin.${origin}`;
  const isKg = origin === 'kyrgyzstan';
  def('origin', `${o}.share`, 'number', { kyrgyzstan: 0.21, uzbekistan: 0.46, tajikistan: 0.33 }[origin], 'share', `Share of potential migrants from ${origin}.`, 'regimes RU32 (arrivals 2024: UZ 23.3%, TJ 16.7%, KG 10.4%, normalised)', share);
  def('origin', `${o}.regime`, 'enum', isKg ? 'free-movement' : 'worker-tied', 'regime', `Permit regime for citizens of ${origin}.`, isKg ? 'regimes RU17 (EAEU, no patent since 2015)' : 'regimes RU1, RU8 (patent); 004 L1876–1882', { values: REGIMES });
  def('origin', `${o}.registration_days`, 'integer', isKg ? 30 : 15, 'days', 'Days after arrival within which a migrant must register.', 'regimes RU19 (7 working days by default; 15 for Tajik and Uzbek citizens; 30 for EAEU)', { min: 1, max: 365 });
  def('origin', `${o}.home_wage`, 'number', 15_000, 'currency/month', 'Monthly earnings at home, the alternative to migrating.', 'assumption; average Kyrgyz wage ≈ $100 in 2009 (003 L1556)', money);
  def('origin', `${o}.russian_speakers`, 'number', isKg ? 0.8 : 0.4, 'share', 'Share who speak Russian; they find jobs faster and pass the language exam.', isKg ? '001 L323–330 (Kyrgyz relatively Russian-speaking); value an assumption' : 'assumption', share);
  def('origin', `${o}.farm_agreement`, 'boolean', isKg, 'yes/no', 'Whether a bilateral agreement opens the seasonal farm quota to this country.', '003 L2052–2055 (agreement with Kyrgyzstan, none with Uzbekistan)');
}

for (const region of REGIONS) {
  const r = `region.${region}`;
  const jobs = { moscow: 0.6, st_petersburg: 0.25, yekaterinburg: 0.15, almaty: 0, astana: 0, shymkent: 0 }[region];
  def('region', `${r}.jobs_share`, 'number', jobs, 'share', `Share of migrant jobs located in ${region} (0: not in the scenario).`, 'regimes RU38 (patent holders: Moscow 631k + oblast 427k, St Petersburg 260k of ~2.3 M); others assumption', share);
  def('region', `${r}.wage_factor`, 'number', { moscow: 1, st_petersburg: 0.9, yekaterinburg: 0.8, almaty: 1, astana: 1.1, shymkent: 0.8 }[region], 'factor', 'Regional wage level relative to the sector wage.', 'assumption', { min: 0, max: 10 });
  def('region', `${r}.permit_fee_factor`, 'number', { moscow: 1, st_petersburg: 0.674, yekaterinburg: 0.8, almaty: 1, astana: 1, shymkent: 1 }[region], 'factor', 'Regional monthly permit fee relative to permit.monthly_fee.', region === 'st_petersburg' ? 'regimes RU3, RU5 (6,000 vs 8,900 RUB in 2025)' : 'regimes RU1 (regional coefficient); value assumption', { min: 0, max: 10 });
  def('region', `${r}.digital_registration`, 'boolean', region === 'moscow', 'yes/no', 'Whether digital registration (the Amina app) is in force in the region.', 'regimes RU30 (Moscow and Moscow oblast from 1 Sep 2025); 002');
}

// ── Labour market ───────────────────────────────────────────────────────
def('labour', 'labour.jobs_per_potential_migrant', 'number', 0.5, 'jobs/person', 'Migrant jobs offered by employers, per potential migrant.', 'assumption', { min: 0, max: 10 });
def('labour', 'labour.employer_size', 'integer', 25, 'jobs', 'Average jobs per employer.', '003 L3019–3021 (a firm asks an intermediary for ~30 workers); value assumption', { min: 1, max: 10_000 });
const sectorShares: Record<string, number> = { construction: 0.35, agriculture: 0.05, trade: 0.2, services: 0.3, domestic: 0.1 };
const sectorWages: Record<string, number> = { construction: 54_000, agriculture: 37_000, trade: 47_000, services: 41_000, domestic: 35_000 };
for (const sector of SECTORS) {
  def('labour', `labour.sector_share.${sector}`, 'number', sectorShares[sector], 'share', `Share of migrant jobs in ${sector}.`, 'regimes RU40 (survey by sector); shares assumption', share);
  def('labour', `labour.wage.${sector}`, 'number', sectorWages[sector], 'currency/month', `Formal monthly wage in ${sector}.`, sector === 'trade' ? 'regimes RU40 (survey mean 47.1k RUB, 2021)' : sector === 'domestic' ? 'assumption' : 'regimes RU40 (2021 survey: construction 54k, housing/utilities 41k, agriculture 37k RUB)', money);
}
def('labour', 'labour.informal_wage_factor', 'number', 0.9, 'factor', 'Informal wage relative to the formal wage.', 'assumption', { min: 0, max: 2 });
def('labour', 'labour.formal_cost_share', 'number', 0.2, 'share of wage', 'Extra cost to the employer of a formal hire (taxes, contributions, paperwork).', '003 L1879–1885 (migrants excluded from social insurance are cheaper); value assumption', { min: 0, max: 5 });
def('labour', 'labour.offseason_demand', 'number', 0.25, 'share', 'Farm labour demand in the off-season (Nov–Mar) relative to the season.', '003 L1447–1448 (seasonal stays of 2–8 months); value assumption', share);
def('labour', 'labour.search_success', 'number', 0.35, 'probability/week', 'Chance an unemployed migrant searching directly finds an open vacancy in a week.', 'assumption', weekly);
def('labour', 'labour.network_search_bonus', 'number', 0.5, 'factor', 'Extra job-finding chance per unit share of the village already abroad.', 'assumption', { min: 0, max: 10 });
def('labour', 'labour.russian_search_bonus', 'number', 0.3, 'factor', 'Extra job-finding chance for Russian speakers.', '001 L323–330 (employers prefer Russian speakers); value assumption', { min: 0, max: 10 });

// ── Employers ───────────────────────────────────────────────────────────
def('employer', 'employer.compliant_share', 'number', 0.795, 'share', 'Share of employers who hire formally whenever the law allows; the rest do so only when sanctions deter them.', 'assumption, fitted by `migsim calibrate russia-2025 --budget 60` on 2026-11-22 to 001 L47 and regimes RU28 (derived); 90% of accepted 0.688–0.857', share);
def('employer', 'employer.abusive_share', 'number', 0.3, 'share', 'Share of employers who withhold wages and retain passports.', '001 L50–54; 003 L3048–3071 (forced-labour practices); value assumption', share);
def('employer', 'employer.withhold_prob', 'number', 0.5, 'probability/week', 'Chance an abusive employer withholds a vulnerable worker\'s pay in a week.', '003 L3048–3071; value assumption', weekly);
def('employer', 'employer.legal_worker_abuse_factor', 'number', 0.3, 'factor', 'Abuse of a legal worker free to change employer, relative to an irregular or tied one.', '001 L47–50 (irregular migrants most often the victims); 003 L2127–2130; value assumption', share);
def('employer', 'employer.arrears_settle_prob', 'number', 0.08, 'probability/week', 'Chance an employer pays a worker\'s arrears in a week.', 'assumption', weekly);
def('employer', 'employer.passport_retention', 'number', 0.5, 'probability', 'Chance an abusive employer takes the passport of a vulnerable worker at hire.', '003 L3048–3050 (passports taken "for registration"); value assumption', share);
def('employer', 'employer.denounce_prob', 'number', 0.01, 'probability/week', 'Chance an abusive employer calls the police on an irregular worker it owes a month\'s pay.', '003 L3075–3078, L4430–4431; value assumption', weekly);
def('employer', 'employer.fine', 'number', 400_000, 'currency/case', 'Fine on an employer caught employing a migrant informally.', 'regimes RU24 (250k–800k RUB per worker, legal entity)', money);
def('employer', 'employer.permit_cost', 'number', 10_000, 'currency/permit', 'Employer\'s cost of obtaining an employer-tied permit (fees and paperwork).', 'assumption (regimes KZ11: 310,853–567,250 KZT fee in 2025)', money);
def('employer', 'employer.labour_test_weeks', 'integer', 3, 'weeks', 'Weeks an employer must search for citizens before an employer-tied hire (not for farm work).', '003 L2057–2067; regimes KZ11 (vacancy advertised 15 days)', { min: 0, max: 52 });

// ── Migrants ────────────────────────────────────────────────────────────
def('migrant', 'migrant.departure_rate', 'number', 0.0293, 'probability/week', 'Weekly chance a potential migrant at home leaves when migrating pays (scaled by the expected gain).', 'assumption, fitted by `migsim calibrate russia-2025 --budget 60` on 2026-11-22 to 001 L47 and regimes RU28 (derived); 90% of accepted 0.0117–0.0407 (not pinned down)', weekly);
def('migrant', 'migrant.gain_sensitivity', 'number', 2, '1/ratio', 'How strongly departures respond to the expected net gain relative to home earnings.', 'assumption', { min: 0, max: 50 });
def('migrant', 'migrant.network_effect', 'number', 1, 'factor', 'Extra departure propensity per unit share of the village abroad.', '003 L3038–3041 (relatives pay for the trip); value assumption', { min: 0, max: 20 });
def('migrant', 'migrant.stay_months', 'number', 9, 'months', 'Mean planned length of a stay abroad.', '003 L1447–1448 (2–8 months for seasonal stays); value assumption', { min: 0.5, max: 240 });
def('migrant', 'migrant.savings_target_months', 'number', 6, 'months of wage', 'Savings that end a stay, in months of the destination wage.', '003 L1572–1576 (goals: house, wedding); value assumption', { min: 0, max: 240 });
def('migrant', 'migrant.initial_savings_months', 'number', 2, 'months of home wage', 'Savings a migrant leaves home with.', '003 L1451–1456 (migrants are "not the poorest"); value assumption', { min: 0, max: 120 });
def('migrant', 'migrant.trip_cost', 'number', 10_000, 'currency', 'Cost of the journey.', 'assumption (part of >40,000 RUB to go and earn, 001 L24–25)', money);
def('migrant', 'migrant.living_cost', 'number', 15_000, 'currency/month', 'Housing and food abroad.', '001 L19–22 (a bed ≥15,000 RUB/month)', money);
def('migrant', 'migrant.remit_share', 'number', 0.6, 'share', 'Share of a month\'s surplus above the savings buffer sent home.', 'assumption', share);
def('migrant', 'migrant.max_unemployed_weeks', 'integer', 10, 'weeks', 'Weeks without work after which a migrant goes home.', 'assumption', { min: 1, max: 520 });
def('migrant', 'migrant.quit_arrears_months', 'number', 1, 'months of wage', 'Arrears at which a worker quits if quitting costs no legal status.', '003 L3208–3216 (seek help only when unpaid; go home rather than sue); value assumption', { min: 0, max: 24 });
def('migrant', 'migrant.tied_quit_factor', 'number', 0.15, 'factor', 'Quit propensity of a worker whose legal status ends with the job, relative to a free one.', '003 L2127–2130 (the tied worker is "trapped"); value assumption', share);
def('migrant', 'migrant.legal_propensity', 'number', 0.85, 'share', 'Chance a migrant who can afford legal status seeks it.', 'assumption', share);
def('migrant', 'migrant.cost_tolerance', 'number', 0.35, 'share of wage', 'Largest share of the expected wage a migrant pays monthly to stay legal.', '001 L24–28 (costs beyond earnings make migrants irregular after ~3 months); value assumption', { min: 0, max: 5 });
def('migrant', 'migrant.broker_use', 'number', 0.3, 'share', 'Share of departures arranged through a broker.', '003 L3017–3018 (irregular migration largely run by intermediaries), L2704–2707; value assumption', share);
def('migrant', 'migrant.fake_document_share', 'number', 0.05, 'share', 'Share of migrants arriving with a fake document.', '001 L34–43; value assumption', share);
def('migrant', 'migrant.savings_buffer_months', 'number', 1, 'months of living cost', 'Savings kept back before remitting.', 'assumption', { min: 0, max: 24 });

// ── Permits ─────────────────────────────────────────────────────────────
def('permit', 'permit.monthly_fee', 'number', 8_900, 'currency/month', 'Monthly fee of a worker-tied permit (patent) at region factor 1.', 'regimes RU3 (Moscow 2025: 8,900 RUB)', money);
def('permit', 'permit.initial_cost', 'number', 15_800, 'currency', 'One-off cost of obtaining a worker-tied permit (exam, medical, insurance, fees).', 'regimes RU12 (≈15,800 RUB at first issue, Moscow)', money);
def('permit', 'permit.application_days', 'integer', 30, 'days', 'Days after arrival within which a worker-tied permit must be applied for.', 'regimes RU10', { min: 1, max: 365 });
def('permit', 'permit.validity_days', 'integer', 365, 'days', 'Validity of an employer-tied permit.', '004 L1826–1827; 003 L1929–1932', { min: 7, max: 3650 });
def('permit', 'permit.grace_days', 'integer', 15, 'days', 'Days a worker keeps legal status after an employer-tied or free-movement job ends.', 'regimes RU17 (15 days to find a new contract); assumption for employer-tied', { min: 0, max: 365 });
def('permit', 'permit.exam_pass_rate', 'number', 0.87, 'share', 'Share passing the language exam needed for a worker-tied permit (non-Russian speakers retry later).', 'regimes RU13 (86.9–87.9% passed, 2025)', share);

// ── Quota ───────────────────────────────────────────────────────────────
def('quota', 'quota.annual', 'number', null, 'permits/year', 'Yearly cap on work permits issued (null: no quota).', 'regimes RU17, RU1 (no quota on patents)', { min: 0, nullable: true });
def('quota', 'quota.mode', 'enum', 'fixed', 'mode', 'Fixed: quota.annual. Applications: set each year from employers\' applications.', '004 L1217–1225 (set from employers\' applications)', { values: ['fixed', 'applications'] });
def('quota', 'quota.approval_share', 'number', 1, 'share', 'Share of employers\' applied slots granted in applications mode.', 'assumption', share);
def('quota', 'quota.low_skill_share', 'number', 1, 'share', 'Share of the quota open to the modelled (low- and mid-skill) workers.', 'assumption (003 L2084–2089 gives 0.93+0.07 of 1.6% for categories 3–4)', share);
def('quota', 'quota.farm_share', 'number', 0, 'share', 'Share of the open quota reserved for seasonal farm work, usable only under a bilateral agreement.', '003 L2084–2089, L2052–2055', share);
def('quota', 'quota.split_by_region', 'boolean', true, 'yes/no', 'Whether the quota is divided among regions in proportion to jobs.', '003 L2028–2032', {});

// ── Registration ────────────────────────────────────────────────────────
def('registration', 'registration.fee', 'number', 1_500, 'currency', 'Cost of registering at an address.', '001 L15', money);
def('registration', 'registration.validity_days', 'integer', 90, 'days', 'Validity of a registration not backed by a permit.', '003 L2951–2952 (renewed every 3 months); regimes RU20', { min: 7, max: 3650 });
def('registration', 'registration.follows_permit', 'boolean', true, 'yes/no', 'Whether a valid permit or contract keeps the registration valid.', 'regimes RU20 (each patent payment extends the stay); 001 L17–18', {});
def('registration', 'registration.own_address_prob', 'number', 0.35, 'probability', 'Chance a migrant can register at the address where they live.', 'assumption', share);
def('registration', 'registration.employer_address_prob', 'number', 0.8, 'probability', 'Chance a formal employer registers its worker at its own address.', '003 L2917–2919', share);
def('registration', 'registration.attempt_prob', 'number', 0.6, 'probability/week', 'Weekly chance an unregistered migrant who can pay tries to register.', 'assumption', weekly);

def('digital', 'digital.fee_factor', 'number', 0.3, 'factor', 'Cost of digital registration relative to registration.fee.', '002 (registration cheaper and faster); value assumption', { min: 0, max: 10 });
def('digital', 'digital.signal_loss_weekly', 'number', 0.01, 'probability/week', 'Chance a digitally registered migrant sends no location for 3 working days, losing the registration.', 'regimes RU31; 002; value assumption', weekly);

// ── Brokers ─────────────────────────────────────────────────────────────
def('broker', 'broker.jobs_per_broker', 'integer', 400, 'jobs', 'Migrant jobs per broker in a region (sets the number of brokers).', 'assumption', { min: 1, max: 1e7 });
def('broker', 'broker.employer_ties', 'integer', 5, 'employers', 'Employers each broker places workers with.', '003 L3019–3025 (a firm orders workers from an intermediary); value assumption', { min: 1, max: 1000 });
def('broker', 'broker.registration_fee', 'number', 5_000, 'currency', 'Fee for registration at a broker\'s "rubber" address.', 'assumption (regimes CR2: intermediaries charge many times official fees)', money);
def('broker', 'broker.capacity_weekly', 'integer', 6, 'clients/week', 'Clients a broker can take on in a week.', 'assumption; 003 L3019 (groups of ~30 over a season)', { min: 0, max: 10_000 });
def('broker', 'broker.placement_fee', 'number', 20_000, 'currency', 'Fee for arranging a job, registration and paperwork.', 'regimes CR2 (intermediaries charged 20–25k RUB for a permit, 2013)', money);
def('broker', 'broker.monthly_cut', 'number', 5_000, 'currency/month', 'Monthly cut a broker takes from wages that pass through him.', '003 L3022–3025 (3,000 tenge/month); RUB value assumption', money);
def('broker', 'broker.contract_months', 'number', 4, 'months', 'Length of a broker\'s contract with a recruited worker.', '003 L3019–3021 (3–4 months)', { min: 0, max: 60 });
def('broker', 'broker.fraud_rate', 'number', 0.08, 'probability', 'Chance a broker takes the fee and delivers nothing.', '003 L3033–3034, L3104–3117; value assumption', share);
def('broker', 'broker.passport_hold_prob', 'number', 0.3, 'probability', 'Chance a broker keeps the client\'s passport.', '003 L2872–2873, L3104–3117; value assumption', share);
def('broker', 'broker.protection_share', 'number', 0.3, 'share', 'Share of brokers paying police for protection; their clients\' cases are settled by a bribe.', '003 L3197–3200; value assumption', share);
def('broker', 'broker.rubber_address_detect', 'number', 0.2, 'probability', 'Chance a check finds a broker\'s "rubber" registration address invalid.', 'assumption', share);

// ── Police ──────────────────────────────────────────────────────────────
def('police', 'police.capacity', 'number', 1, 'factor', 'Scales all enforcement: street checks, raids, registry expulsions, detention on denunciation (0: no enforcement).', 'assumption', { min: 0, max: 100 });
def('police', 'police.street_checks_weekly', 'number', 0.02, 'share/week', 'Share of migrants abroad stopped in street checks per week, at capacity 1.', 'regimes C6 ("every month the police come"); value assumption', weekly);
def('police', 'police.raids_weekly', 'number', 0.002, 'share/week', 'Share of employers raided per week, at capacity 1.', '003 L2317–2318 (regular raids); value assumption, set so that employer fines are of the order of regimes RU25', weekly);
def('police', 'police.detection', 'number', 0.7, 'probability', 'Chance a check finds an existing irregularity.', 'assumption', share);
def('police', 'police.corruption', 'number', 0.333, 'share', 'Share of detected cases settled by a bribe.', '003 L3197–3200, L2775–2779; regimes CR1 (no survey); value assumption, fitted by `migsim calibrate russia-2025 --budget 60` on 2026-11-22 to 001 L47 and regimes RU28 (derived); 90% of accepted 0.203–0.553 (not pinned down)', share);
def('police', 'police.bribe', 'number', 5_000, 'currency', 'Bribe a migrant pays to settle a case.', 'regimes CR2 (500 RUB demands to 10,000 RUB to be released)', money);
def('police', 'police.extortion_of_legal', 'number', 0.1, 'probability', 'Chance a legal migrant who is stopped pays a bribe anyway.', '003 L4196–4198 (registration does not protect); value assumption', share);
def('police', 'police.employer_bribe_factor', 'number', 10, 'factor', 'An employer\'s bribe relative to police.bribe.', 'assumption', { min: 0, max: 1000 });

// ── Sanctions ───────────────────────────────────────────────────────────
def('sanction', 'sanction.fine_migrant', 'number', 3_500, 'currency', 'Fine on a migrant for an immigration offence.', 'regimes RU21, RU22 (2,000–5,000 RUB)', money);
def('sanction', 'sanction.removal_share', 'number', 0.12, 'share', 'Share of sanctioned (unbribed) cases that end in detention and removal.', '004 L969–976 (9,878 of 84,290 expelled, H1 2008)', share);
def('sanction', 'sanction.detention_days', 'integer', 14, 'days', 'Detention before removal.', '001 L30–33 (up to 2 weeks)', { min: 0, max: 365 });
def('sanction', 'sanction.ban_days', 'integer', 1825, 'days', 'Re-entry ban after removal.', '001 L28–30 (5 years after expulsion); regimes RU26', { min: 0, max: 7300 });

// ── Control registry ───────────────────────────────────────────────────
def('registry', 'registry.enabled', 'boolean', true, 'yes/no', 'Whether the control registry of persons without legal grounds to stay is in force.', 'regimes RU27 (from 5 Feb 2025); 002', {});
def('registry', 'registry.listing_weekly', 'number', 0.15, 'probability/week', 'Weekly chance that an irregular migrant whose lapse the state has recorded is listed.', 'assumption (calibrated to ~770k listed, regimes RU28)', weekly);
def('registry', 'registry.delisting', 'boolean', false, 'yes/no', 'Whether a listed person can regularise inside the country and be delisted.', '002 L1 (no removal path short of leaving)', {});
def('registry', 'registry.expulsion_weekly', 'number', 0.0013, 'probability/week', 'Weekly chance a listed person is expelled by bailiffs, at police capacity 1.', 'regimes RU29 (~35k of ~770k expelled Jan–Aug 2025)', weekly);
def('registry', 'registry.exit_weekly', 'number', 0.015, 'probability/week', 'Weekly chance a listed person leaves on their own, pushed out by lost rights.', 'regimes RU29 (Kyrgyz listed 124k → 34k by Jan 2026); value assumption', weekly);
def('registry', 'registry.remittance_cost', 'number', 0.1, 'share', 'Share of a listed person\'s remittance lost to banking limits.', 'regimes S44 (banking limited to incoming transfers and 30k cash); value assumption', share);

// ── Amnesty ─────────────────────────────────────────────────────────────
def('amnesty', 'amnesty.open', 'boolean', false, 'yes/no', 'Whether an amnesty (legalisation) window is open; set by timeline events.', '003 L2155–2161 (applications 1 Aug–31 Dec 2006)', {});
def('amnesty', 'amnesty.kind', 'enum', 'employer-tied', 'kind', 'Employer-tied: legal with the current employer only. Open: a worker-tied permit.', '003 L2155–2161, L2189–2191; 003 L5100–5148 (recommendation)', { values: ['employer-tied', 'open'] });
def('amnesty', 'amnesty.validity_days', 'integer', 1095, 'days', 'Validity of the status an amnesty grants.', '003 L2155–2161 (up to 3 years)', { min: 7, max: 7300 });
def('amnesty', 'amnesty.take_up_weekly', 'number', 0.12, 'probability/week', 'Weekly chance an eligible irregular worker is legalised while the window is open.', 'assumption (164,600 legalised in ~3–5 months, 003 L2182, L1413)', weekly);

export const PARAMS: readonly ParamDef[] = defs;

const byName = new Map(PARAMS.map((p) => [p.name, p]));

/** The definition of a parameter, or undefined for an unknown name. */
export function paramDef(name: string): ParamDef | undefined {
  return byName.get(name);
}

/** Every parameter at its default. */
export function defaultValues(): Record<string, ParamValue> {
  return Object.fromEntries(PARAMS.map((p) => [p.name, p.default]));
}
