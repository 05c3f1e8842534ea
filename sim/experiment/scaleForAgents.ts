import type { ParamValue } from '../model/params/paramDef.js';

/** The parameters that set how many agents a run has (one place, so a renamed parameter is changed once). */
const SCALE = 'scale';
const POPULATION = 'population.potential_migrants';

/**
 * The parameters with `scale` (people per agent) raised so that a run has
 * at most about `agents` agents: fewer agents than the base, never more, as
 * `migsim calibrate --agents` does. Figures are still reported in real people.
 * Unchanged when `agents` is undefined or the parameters have no population.
 */
export function scaleForAgents(params: Record<string, ParamValue>, agents: number | undefined): Record<string, ParamValue> {
  if (agents === undefined) return params;
  const scale = Number(params[SCALE]);
  const population = Number(params[POPULATION]);
  if (!Number.isFinite(scale) || !Number.isFinite(population)) return params;
  return { ...params, [SCALE]: Math.max(scale, Math.round(population / agents)) };
}

/** The scale in force, for reports. */
export function scaleOf(params: Record<string, ParamValue>): number {
  return Number(params[SCALE]);
}
