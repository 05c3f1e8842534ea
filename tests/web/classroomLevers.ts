/** The policy levers the teaching page must offer for classroom.yaml (one per parameter named by the issue, for the scenario's origins and regions). */
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
  'registry.enabled',
  'registry.delisting',
  'region.almaty.digital_registration',
  'region.astana.digital_registration',
  'region.shymkent.digital_registration',
  'amnesty.open',
  'amnesty.kind',
] as const;
