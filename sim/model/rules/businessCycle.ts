import { standardNormal, type Rng } from '../random.js';
import { WEEKS_PER_MONTH } from '../time.js';
import type { World } from '../world.js';
import type { ModelParams } from '../params/compileParams.js';
import type { Economy } from '../state/economy.js';

/**
 * Summary of rule: each week the demand for migrant labour in every
 * destination region moves with a slow, mean-reverting business cycle: the
 * log deviation of demand is economy.cycle_sd × (a part common to the
 * country, with economy.cycle_common_share of the variance, and a part of
 * the region's own), each part an autoregressive process that forgets a
 * deviation over economy.cycle_months. Employers offer that many more or
 * fewer jobs, around the region's demand_factor, which a timeline event
 * may set to a boom or a crisis (003 L122–133, L1459–1482: the 2008–09
 * crisis froze building sites and cut registrations by about a quarter).
 */
export function businessCycle(world: World): void {
  const { economy, params } = world;
  const rng = world.rng.economy;
  // Every part draws every week, whatever the parameters, so that options sharing a seed share the cycle.
  for (let c = 0; c < economy.national.length; c++) economy.national[c] = next(economy.national[c], params.dest[c].economyCycleMonths, rng);
  for (let r = 0; r < economy.regional.length; r++) {
    economy.regional[r] = next(economy.regional[r], params.dest[params.places.countryOf[r]].economyCycleMonths, rng);
  }
  setDemand(economy, params);
}

/** Draws the cycle from its long-run distribution (the state before any week) and sets demand. */
export function startBusinessCycle(economy: Economy, params: ModelParams, rng: Rng): void {
  for (let c = 0; c < economy.national.length; c++) economy.national[c] = standardNormal(rng);
  for (let r = 0; r < economy.regional.length; r++) economy.regional[r] = standardNormal(rng);
  setDemand(economy, params);
}

/**
 * One week of a standard AR(1) (mean 0, variance 1) whose deviations fade
 * with mean time `months`: x ← φ x + √(1 − φ²) ε, φ = exp(−1 / weeks).
 */
function next(x: number, months: number, rng: Rng): number {
  const shock = standardNormal(rng);
  const phi = months > 0 ? Math.exp(-1 / (months * WEEKS_PER_MONTH)) : 0;
  return phi * x + Math.sqrt(1 - phi * phi) * shock;
}

/**
 * Demand of each region: demand_factor × exp(σ z − σ²/2), where z mixes the
 * country's and the region's parts; the −σ²/2 keeps the mean at demand_factor.
 */
function setDemand(economy: Economy, params: ModelParams): void {
  const { countryOf } = params.places;
  for (let r = 0; r < economy.demand.length; r++) {
    const d = params.dest[countryOf[r]];
    const sd = d.economyCycleSd;
    const common = d.economyCycleCommonShare;
    const z = Math.sqrt(common) * economy.national[countryOf[r]] + Math.sqrt(1 - common) * economy.regional[r];
    economy.demand[r] = params.region[r].demandFactor * Math.exp(sd * z - (sd * sd) / 2);
  }
}
