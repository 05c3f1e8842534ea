/** Defaults of the search, shared by the command line and the report. */
export const CALIBRATION_DEFAULTS = {
  method: 'smc',
  rejectionBudget: 60,
  particles: 200,
  generations: 5,
  quantile: 0.5,
  minAcceptance: 0.05,
  predictive: 40,
} as const;
