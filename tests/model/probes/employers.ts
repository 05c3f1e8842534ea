import { NO_ONE, Flag, Status } from '../../../sim/model/state/codes.js';
import { SECTORS } from '../../../sim/model/params/places.js';
import { fineEmployer } from '../../../sim/model/rules/enforcement.js';
import type { World } from '../../../sim/model/world.js';
import type { Probe } from '../../helpers/probe.js';

/** Probes of the employer tests (employers.test.ts): each follows one run week by week in the child process. */

/** Hires per destination region over weeks 1..weeks, and how many of them were formal. */
export interface HiresByRegion {
  readonly hires: number[];
  readonly formal: number[];
}

/**
 * Counts hires by region. With `fineRegion`, at week 0 every employer of
 * that region is fined (enforcement's own rule) once for each migrant it
 * employs informally, as if a raid found them all: a wave of fines.
 */
export function hiresAfterFineWave(options: { fineRegion?: number; weeks: number }): Probe<HiresByRegion> {
  let previous = new Int32Array(0);
  let hires: number[] = [];
  let formal: number[] = [];
  return {
    onWeek(week, _row, world) {
      const m = world.migrants;
      if (week === 0) {
        const regions = world.params.places.regions.length;
        hires = new Array<number>(regions).fill(0);
        formal = new Array<number>(regions).fill(0);
        if (options.fineRegion !== undefined) fineInformalEmployers(world, options.fineRegion);
      } else if (week <= options.weeks) {
        for (let i = 0; i < m.count; i++) {
          const e = m.employer[i];
          if (e === NO_ONE || e === previous[i]) continue;
          const region = world.employers.region[e];
          hires[region]++;
          if (m.flags[i] & Flag.Formal) formal[region]++;
        }
      }
      previous = m.employer.slice();
      return week >= options.weeks;
    },
    result: () => ({ hires, formal }),
  };
}

function fineInformalEmployers(world: World, region: number): void {
  const m = world.migrants;
  for (let i = 0; i < m.count; i++) {
    const e = m.employer[i];
    if (m.status[i] !== Status.Abroad || e === NO_ONE || world.employers.region[e] !== region || m.flags[i] & Flag.Formal) continue;
    fineEmployer(world, e);
  }
}

/** Each region's wage level at week `at`: the mean over sectors of the log wage factor the market set, weighted by jobs. */
export function wagesAt(options: { at: number }): Probe<number[]> {
  let levels: number[] = [];
  return {
    onWeek(week, _row, world) {
      if (week !== options.at) return false;
      const sectors = SECTORS.length;
      const regions = world.params.places.regions.length;
      const sum = new Array<number>(regions).fill(0);
      const jobs = new Array<number>(regions).fill(0);
      const emp = world.employers;
      for (let e = 0; e < emp.count; e++) {
        const r = emp.region[e];
        sum[r] += emp.jobs[e] * world.economy.wageLog[r * sectors + emp.sector[e]];
        jobs[r] += emp.jobs[e];
      }
      levels = sum.map((s, r) => s / Math.max(1, jobs[r]));
      return true;
    },
    result: () => levels,
  };
}
