/**
 * The policy levers the teaching page must offer for classroom.yaml
 * (Kazakhstan): one per parameter, for the scenario's origins. Russia-only
 * levers (control registry, the Amina app) must not appear there.
 */
export const CLASSROOM_LEVERS = [
  'origin.uzbekistan.regime',
  'origin.kyrgyzstan.regime',
  'origin.tajikistan.regime',
  'quota.annual',
  'permit.monthly_fee',
  'registration.fee',
  'origin.uzbekistan.registration_days',
  'police.capacity',
  'police.corruption',
  'amnesty.open',
  'amnesty.kind',
] as const;

/** Levers that belong to Russia only. */
export const RUSSIA_ONLY_LEVERS = ['registry.enabled', 'registry.delisting', 'region.moscow.digital_registration'] as const;
