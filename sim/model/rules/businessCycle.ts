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
 * deviation over economy.cycle_months, smoothed once more over the same
 * time so that demand turns gradually rather than jumping week by week. Employers offer that many more or
 * fewer jobs, around the region's demand_factor, which a timeline event
 * may set to a boom or a crisis (003 L122–133, L1459–1482: the 2008–09
 * crisis froze building sites and cut registrations by about a quarter).
 */
export function businessCycle(world: World): void {
  const { economy, params } = world;
  const rng = world.rng.economy;
  // Every part draws every week, whatever the parameters, so that options sharing a seed share the cycle.
  for (let c = 0; c < economy.national.length; c++) {
    const months = params.dest[c].economyCycleMonths;
    economy.national[c] = next(economy.national[c], months, rng);
    economy.nationalSmooth[c] = smooth(economy.nationalSmooth[c], economy.national[c], months);
  }
  for (let r = 0; r < economy.regional.length; r++) {
    const months = params.dest[params.places.countryOf[r]].economyCycleMonths;
    economy.regional[r] = next(economy.regional[r], months, rng);
    economy.regionalSmooth[r] = smooth(economy.regionalSmooth[r], economy.regional[r], months);
  }
  setDemand(economy, params);
}

/** Draws the cycle from its long-run distribution (the state before any week) and sets demand. */
export function startBusinessCycle(economy: Economy, params: ModelParams, rng: Rng): void {
  // Each smoothed part starts at the level of its unsmoothed one: close to the long-run joint distribution, which the burn-in completes.
  for (let c = 0; c < economy.national.length; c++) {
    economy.national[c] = standardNormal(rng);
    economy.nationalSmooth[c] = economy.national[c] * smoothSd(params.dest[c].economyCycleMonths);
  }
  for (let r = 0; r < economy.regional.length; r++) {
    economy.regional[r] = standardNormal(rng);
    economy.regionalSmooth[r] = economy.regional[r] * smoothSd(params.dest[params.places.countryOf[r]].economyCycleMonths);
  }
  setDemand(economy, params);
}

/**
 * One week of a standard AR(1) (mean 0, variance 1) whose deviations fade
 * with mean time `months`: x ← φ x + √(1 − φ²) ε, φ = exp(−1 / weeks).
 */
function next(x: number, months: number, rng: Rng): number {
  const shock = standardNormal(rng);
  const phi = persistence(months);
  return phi * x + Math.sqrt(1 - phi * phi) * shock;
}

/** Persistence per week of a deviation that fades over `months`. */
function persistence(months: number): number {
  return months > 0 ? Math.exp(-1 / (months * WEEKS_PER_MONTH)) : 0;
}

/**
 * One week of the second smoothing, y ← φ y + (1 − φ) x, rescaled so that
 * y, like x, has variance 1: an AR(1) x smoothed this way has variance
 * (1 − φ)²(1 + φ²) / (1 − φ²)². Returns the unscaled y, which is what is
 * carried from week to week; `level` gives the scaled value.
 */
function smooth(y: number, x: number, months: number): number {
  const phi = persistence(months);
  return phi * y + (1 - phi) * x;
}

/** Standard deviation of the unscaled smoothed part. */
function smoothSd(months: number): number {
  const phi = persistence(months);
  return phi === 0 ? 1 : Math.sqrt(((1 - phi) ** 2 * (1 + phi * phi)) / (1 - phi * phi) ** 2);
}

/** The smoothed part with variance 1. */
function level(y: number, months: number): number {
  return y / smoothSd(months);
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
    const months = d.economyCycleMonths;
    const z = Math.sqrt(common) * level(economy.nationalSmooth[countryOf[r]], months) + Math.sqrt(1 - common) * level(economy.regionalSmooth[r], months);
    economy.demand[r] = params.region[r].demandFactor * Math.exp(sd * z - (sd * sd) / 2);
  }
}
