import { describe, expect, it } from 'vitest';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate, type SimulationInput } from '../../sim/model/simulate.js';
import { UNTRACED } from '../../sim/model/state/trace.js';
import { baseOption, optionInput, type Params } from '../helpers/model.js';

/** A small Kazakhstan 2008: 2,000 agents, a quarter-year burn-in, one year. */
const TINY: Params = { 'population.potential_migrants': 1_000_000, scale: 500, 'population.burn_in_weeks': 13 };
const WEEKS = 52;

function input(set: Params = {}, seed = replicateSeed(4, 0)): SimulationInput {
  return optionInput(baseOption('kazakhstan-2008'), seed, WEEKS, { ...TINY, ...set });
}

function bytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

describe('tracing one agent', () => {
  it('leaves the indicator tables byte-identical', () => {
    const plain = simulate(input());
    expect(plain.world.tracedAgent).toBe(UNTRACED);
    expect(plain.world.trace).toEqual([]);
    for (const trace of [{ agent: 0 }, { agent: 1234 }, { origin: 'uzbekistan', region: 'almaty' }]) {
      const traced = simulate({ ...input(), trace });
      // Someone at home all year has no events; the migrant abroad at week 0 has some (remittances at least).
      if ('origin' in trace) expect(traced.world.trace.length).toBeGreaterThan(0);
      expect(bytes(traced.values).equals(bytes(plain.values))).toBe(true);
    }
  });

  it('records events in week order, within the horizon, for the picked agent only', () => {
    const result = simulate({ ...input(), trace: { origin: 'uzbekistan', region: 'almaty' } });
    expect(result.traced?.origin).toBe('uzbekistan');
    expect(result.traced?.unmatched).toBeUndefined();
    expect(result.world.tracedAgent).toBe(result.traced?.agent);
    const weeks = result.world.trace.map((e) => e.week);
    expect(weeks).toEqual([...weeks].sort((a, b) => a - b));
    expect(weeks[0]).toBeGreaterThanOrEqual(1);
    expect(weeks.at(-1)).toBeLessThanOrEqual(WEEKS);
  });

  it('shows a police stop with its outcome when the police check often', () => {
    // Ten times the police, at the default staff per job (the base's calibrated staff is a third of it): a migrant
    // abroad at week 0 is stopped within the year.
    const result = simulate({ ...input({ 'kazakhstan.police.capacity': 10, 'kazakhstan.police.staff_per_1000_jobs': 1.5 }), trace: { origin: 'uzbekistan', region: 'almaty' } });
    const events = result.world.trace;
    const stops = events.filter((e) => e.kind === 'police-stop');
    expect(stops.length).toBeGreaterThan(0);
    expect(['street', 'raid']).toContain(stops[0].how);
    const outcomes = new Set(['nothing-found', 'bribe', 'fine', 'detained']);
    for (const stop of stops) {
      expect(events.some((e) => e.week === stop.week && outcomes.has(e.kind))).toBe(true);
    }
  });
});
