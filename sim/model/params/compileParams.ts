import type { ParamValue, ParamValues } from './paramDef.js';
import { ORIGINS, REGIME_CODE, REGIONS, SECTORS, type Regime } from './places.js';
import { defaultValues } from './registry.js';

/**
 * Parameters in the shape the rules read: numbers and flags, arrays indexed
 * by origin, region or sector. Money stays in the scenario's currency per
 * real person; counts of real people (quota) stay real, the world scales them.
 */
export interface ModelParams {
  readonly scale: number;
  readonly currency: string;
  readonly population: number;
  readonly initialAbroadShare: number;
  readonly villages: number;
  readonly burnInWeeks: number;

  readonly originShare: Float64Array;
  /** 0 employer-tied, 1 worker-tied, 2 free-movement (REGIME_CODE). */
  readonly regime: Uint8Array;
  readonly registrationDays: Float64Array;
  readonly homeWage: Float64Array;
  readonly russianSpeakers: Float64Array;
  readonly farmAgreement: Uint8Array;

  readonly regionJobsShare: Float64Array;
  readonly regionWageFactor: Float64Array;
  readonly regionPermitFeeFactor: Float64Array;
  readonly regionDigital: Uint8Array;

  readonly jobsPerPotentialMigrant: number;
  readonly employerSize: number;
  readonly sectorShare: Float64Array;
  readonly sectorWage: Float64Array;
  readonly informalWageFactor: number;
  readonly formalCostShare: number;
  readonly offseasonDemand: number;
  readonly searchSuccess: number;
  readonly networkSearchBonus: number;
  readonly russianSearchBonus: number;

  readonly compliantShare: number;
  readonly abusiveShare: number;
  readonly withholdProb: number;
  readonly legalWorkerAbuseFactor: number;
  readonly arrearsSettleProb: number;
  readonly passportRetention: number;
  readonly denounceProb: number;
  readonly employerFine: number;
  readonly employerPermitCost: number;
  readonly labourTestWeeks: number;

  readonly departureRate: number;
  readonly gainSensitivity: number;
  readonly networkEffect: number;
  readonly stayMonths: number;
  readonly savingsTargetMonths: number;
  readonly initialSavingsMonths: number;
  readonly tripCost: number;
  readonly livingCost: number;
  readonly remitShare: number;
  readonly maxUnemployedWeeks: number;
  readonly quitArrearsMonths: number;
  readonly tiedQuitFactor: number;
  readonly legalPropensity: number;
  readonly costTolerance: number;
  readonly brokerUse: number;
  readonly fakeDocumentShare: number;
  readonly savingsBufferMonths: number;

  readonly permitMonthlyFee: number;
  readonly permitInitialCost: number;
  readonly permitApplicationDays: number;
  readonly permitValidityDays: number;
  readonly graceDays: number;
  readonly examPassRate: number;

  /** Yearly cap on permits in real people, NaN when there is none. */
  readonly quotaAnnual: number;
  readonly quotaFromApplications: boolean;
  readonly quotaApprovalShare: number;
  readonly quotaLowSkillShare: number;
  readonly quotaFarmShare: number;
  readonly quotaSplitByRegion: boolean;

  readonly registrationFee: number;
  readonly registrationValidityDays: number;
  readonly registrationFollowsPermit: boolean;
  readonly ownAddressProb: number;
  readonly employerAddressProb: number;
  readonly registrationAttemptProb: number;
  readonly digitalFeeFactor: number;
  readonly digitalSignalLoss: number;

  readonly jobsPerBroker: number;
  readonly brokerEmployerTies: number;
  readonly brokerRegistrationFee: number;
  readonly brokerCapacity: number;
  readonly brokerPlacementFee: number;
  readonly brokerMonthlyCut: number;
  readonly brokerContractMonths: number;
  readonly brokerFraudRate: number;
  readonly brokerPassportHold: number;
  readonly brokerProtectionShare: number;
  readonly rubberAddressDetect: number;

  readonly policeCapacity: number;
  readonly streetChecks: number;
  readonly raids: number;
  readonly detection: number;
  readonly corruption: number;
  readonly bribe: number;
  readonly extortionOfLegal: number;
  readonly employerBribeFactor: number;

  readonly fineMigrant: number;
  readonly removalShare: number;
  readonly detentionDays: number;
  readonly banDays: number;

  readonly registryEnabled: boolean;
  readonly registryListing: number;
  readonly registryDelisting: boolean;
  readonly registryExpulsion: number;
  readonly registryExit: number;
  readonly registryRemittanceCost: number;

  readonly amnestyOpen: boolean;
  readonly amnestyEmployerTied: boolean;
  readonly amnestyValidityDays: number;
  readonly amnestyTakeUp: number;
}

/**
 * Turns a full or partial set of parameter values into ModelParams.
 * Missing names take their registry defaults; values are assumed checked.
 */
export function compileParams(values: ParamValues): ModelParams {
  const all = { ...defaultValues(), ...values };
  const num = (name: string): number => {
    const v = all[name];
    if (typeof v !== 'number') throw new Error(`parameter ${name} must be a number, got ${String(v)}`);
    return v;
  };
  const bool = (name: string): boolean => all[name] === true;
  const str = (name: string): string => String(all[name] as ParamValue);
  const perOrigin = (field: string) => Float64Array.from(ORIGINS, (o) => num(`origin.${o}.${field}`));
  const perRegion = (field: string) => Float64Array.from(REGIONS, (r) => num(`region.${r}.${field}`));
  const quota = all['quota.annual'];

  return {
    scale: num('scale'),
    currency: str('currency'),
    population: num('population.potential_migrants'),
    initialAbroadShare: num('population.initial_abroad_share'),
    villages: num('population.villages'),
    burnInWeeks: num('population.burn_in_weeks'),

    originShare: perOrigin('share'),
    regime: Uint8Array.from(ORIGINS, (o) => REGIME_CODE[str(`origin.${o}.regime`) as Regime]),
    registrationDays: perOrigin('registration_days'),
    homeWage: perOrigin('home_wage'),
    russianSpeakers: perOrigin('russian_speakers'),
    farmAgreement: Uint8Array.from(ORIGINS, (o) => (bool(`origin.${o}.farm_agreement`) ? 1 : 0)),

    regionJobsShare: perRegion('jobs_share'),
    regionWageFactor: perRegion('wage_factor'),
    regionPermitFeeFactor: perRegion('permit_fee_factor'),
    regionDigital: Uint8Array.from(REGIONS, (r) => (bool(`region.${r}.digital_registration`) ? 1 : 0)),

    jobsPerPotentialMigrant: num('labour.jobs_per_potential_migrant'),
    employerSize: num('labour.employer_size'),
    sectorShare: Float64Array.from(SECTORS, (s) => num(`labour.sector_share.${s}`)),
    sectorWage: Float64Array.from(SECTORS, (s) => num(`labour.wage.${s}`)),
    informalWageFactor: num('labour.informal_wage_factor'),
    formalCostShare: num('labour.formal_cost_share'),
    offseasonDemand: num('labour.offseason_demand'),
    searchSuccess: num('labour.search_success'),
    networkSearchBonus: num('labour.network_search_bonus'),
    russianSearchBonus: num('labour.russian_search_bonus'),

    compliantShare: num('employer.compliant_share'),
    abusiveShare: num('employer.abusive_share'),
    withholdProb: num('employer.withhold_prob'),
    legalWorkerAbuseFactor: num('employer.legal_worker_abuse_factor'),
    arrearsSettleProb: num('employer.arrears_settle_prob'),
    passportRetention: num('employer.passport_retention'),
    denounceProb: num('employer.denounce_prob'),
    employerFine: num('employer.fine'),
    employerPermitCost: num('employer.permit_cost'),
    labourTestWeeks: num('employer.labour_test_weeks'),

    departureRate: num('migrant.departure_rate'),
    gainSensitivity: num('migrant.gain_sensitivity'),
    networkEffect: num('migrant.network_effect'),
    stayMonths: num('migrant.stay_months'),
    savingsTargetMonths: num('migrant.savings_target_months'),
    initialSavingsMonths: num('migrant.initial_savings_months'),
    tripCost: num('migrant.trip_cost'),
    livingCost: num('migrant.living_cost'),
    remitShare: num('migrant.remit_share'),
    maxUnemployedWeeks: num('migrant.max_unemployed_weeks'),
    quitArrearsMonths: num('migrant.quit_arrears_months'),
    tiedQuitFactor: num('migrant.tied_quit_factor'),
    legalPropensity: num('migrant.legal_propensity'),
    costTolerance: num('migrant.cost_tolerance'),
    brokerUse: num('migrant.broker_use'),
    fakeDocumentShare: num('migrant.fake_document_share'),
    savingsBufferMonths: num('migrant.savings_buffer_months'),

    permitMonthlyFee: num('permit.monthly_fee'),
    permitInitialCost: num('permit.initial_cost'),
    permitApplicationDays: num('permit.application_days'),
    permitValidityDays: num('permit.validity_days'),
    graceDays: num('permit.grace_days'),
    examPassRate: num('permit.exam_pass_rate'),

    quotaAnnual: typeof quota === 'number' ? quota : NaN,
    quotaFromApplications: str('quota.mode') === 'applications',
    quotaApprovalShare: num('quota.approval_share'),
    quotaLowSkillShare: num('quota.low_skill_share'),
    quotaFarmShare: num('quota.farm_share'),
    quotaSplitByRegion: bool('quota.split_by_region'),

    registrationFee: num('registration.fee'),
    registrationValidityDays: num('registration.validity_days'),
    registrationFollowsPermit: bool('registration.follows_permit'),
    ownAddressProb: num('registration.own_address_prob'),
    employerAddressProb: num('registration.employer_address_prob'),
    registrationAttemptProb: num('registration.attempt_prob'),
    digitalFeeFactor: num('digital.fee_factor'),
    digitalSignalLoss: num('digital.signal_loss_weekly'),

    jobsPerBroker: num('broker.jobs_per_broker'),
    brokerEmployerTies: num('broker.employer_ties'),
    brokerRegistrationFee: num('broker.registration_fee'),
    brokerCapacity: num('broker.capacity_weekly'),
    brokerPlacementFee: num('broker.placement_fee'),
    brokerMonthlyCut: num('broker.monthly_cut'),
    brokerContractMonths: num('broker.contract_months'),
    brokerFraudRate: num('broker.fraud_rate'),
    brokerPassportHold: num('broker.passport_hold_prob'),
    brokerProtectionShare: num('broker.protection_share'),
    rubberAddressDetect: num('broker.rubber_address_detect'),

    policeCapacity: num('police.capacity'),
    streetChecks: num('police.street_checks_weekly'),
    raids: num('police.raids_weekly'),
    detection: num('police.detection'),
    corruption: num('police.corruption'),
    bribe: num('police.bribe'),
    extortionOfLegal: num('police.extortion_of_legal'),
    employerBribeFactor: num('police.employer_bribe_factor'),

    fineMigrant: num('sanction.fine_migrant'),
    removalShare: num('sanction.removal_share'),
    detentionDays: num('sanction.detention_days'),
    banDays: num('sanction.ban_days'),

    registryEnabled: bool('registry.enabled'),
    registryListing: num('registry.listing_weekly'),
    registryDelisting: bool('registry.delisting'),
    registryExpulsion: num('registry.expulsion_weekly'),
    registryExit: num('registry.exit_weekly'),
    registryRemittanceCost: num('registry.remittance_cost'),

    amnestyOpen: bool('amnesty.open'),
    amnestyEmployerTied: str('amnesty.kind') === 'employer-tied',
    amnestyValidityDays: num('amnesty.validity_days'),
    amnestyTakeUp: num('amnesty.take_up_weekly'),
  };
}
