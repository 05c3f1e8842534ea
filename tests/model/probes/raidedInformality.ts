import { Flag, NO_ONE } from '../../../sim/model/state/codes.js';
import type { World } from '../../../sim/model/world.js';
import type { Probe } from '../../helpers/probe.js';

/** Informal workers at the employers a run's raids hit, and what raids at random would have hit. */
export interface RaidedInformality {
  /** Over the run: the informal workers of each raided employer, counted at the end of the week before its raid. */
  readonly raided: number;
  /** The same for the average employer of the raided one's region: what chance would give. */
  readonly chance: number;
}

/** Informal workers of each employer now. */
function informalWorkers(world: World): Int32Array {
  const m = world.migrants;
  const out = new Int32Array(world.employers.count);
  for (let i = 0; i < m.count; i++) if (m.employer[i] !== NO_ONE && !(m.flags[i] & Flag.Formal)) out[m.employer[i]]++;
  return out;
}

/** Compares the informal workers of the employers raided each week with those of the average employer of their region. */
export function raidedInformality(): Probe<RaidedInformality> {
  let before: Int32Array | undefined;
  let raided = 0;
  let chance = 0;
  return {
    onWeek(_week, _rows, world) {
      const emp = world.employers;
      if (before) {
        const perRegion = new Float64Array(world.params.places.regions.length);
        for (let e = 0; e < emp.count; e++) perRegion[emp.region[e]] += before[e];
        for (let e = 0; e < emp.count; e++) {
          if (!emp.raided[e]) continue;
          const r = emp.region[e];
          raided += before[e];
          chance += perRegion[r] / (emp.regionStart[r + 1] - emp.regionStart[r]);
        }
      }
      before = informalWorkers(world);
    },
    result: () => ({ raided, chance }),
  };
}
