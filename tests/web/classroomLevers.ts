/**
 * The policy levers the teaching page must offer for classroom.yaml
 * (Kazakhstan): one per parameter, for the scenario's origins. Russia-only
 * levers (control registry, the Amina app) must not appear there.
 */
export const CLASSROOM_LEVERS = [
  'uzbekistan.kazakhstan.regime',
  'kyrgyzstan.kazakhstan.regime',
  'tajikistan.kazakhstan.regime',
  'kazakhstan.quota.annual',
  'kazakhstan.permit.monthly_fee',
  'kazakhstan.registration.fee',
  'uzbekistan.kazakhstan.registration_days',
  'kazakhstan.police.capacity',
  'kazakhstan.police.corruption',
  'kazakhstan.amnesty.open',
  'kazakhstan.amnesty.kind',
] as const;

/** Levers of Russia's rules (the control registry, the Amina app), which a Kazakhstan scenario does not show. */
export const RUSSIA_ONLY_LEVERS = ['kazakhstan.registry.enabled', 'kazakhstan.registry.delisting', 'russia.moscow.digital_registration'] as const;
