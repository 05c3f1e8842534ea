/**
 * Model parameters the experiment tests sweep or analyse, named once here
 * so that a renamed parameter is changed in one place.
 */
export const QUOTA = 'quota.annual';
export const FEE = 'permit.monthly_fee';
export const RETURN_REVIEW = 'migrant.return_review_weekly';
export const SCALE = 'scale';
export const POPULATION = 'population.potential_migrants';
