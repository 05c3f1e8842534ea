import type { ParamValues } from './paramDef.js';

/**
 * Agents a world of these parameter values has, as createWorld counts them
 * (people who may migrate ÷ people per agent, at least one), read from the
 * values so that callers need not compile them.
 */
export function agentCount(values: ParamValues): number {
  return Math.max(1, Math.round(Number(values['population.potential_migrants']) / Number(values.scale)));
}
