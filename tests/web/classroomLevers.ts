/** The policy levers the teaching page must offer for classroom.yaml (one per parameter named by the issue, for the scenario's origins and regions). */
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
  'kazakhstan.registry.enabled',
  'kazakhstan.registry.delisting',
  'kazakhstan.almaty.digital_registration',
  'kazakhstan.astana.digital_registration',
  'kazakhstan.shymkent.digital_registration',
  'kazakhstan.amnesty.open',
  'kazakhstan.amnesty.kind',
] as const;
