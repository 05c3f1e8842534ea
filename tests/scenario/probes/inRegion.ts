import { Status } from '../../../sim/model/state/codes.js';
import { bookkeeping, type Bookkeeping } from '../../helpers/bookkeepingProbe.js';
import type { Probe } from '../../helpers/probe.js';

export interface BookkeepingAndPeopleIn {
  readonly checked: Bookkeeping;
  /** Migrants abroad or detained in the region at the end of the run. */
  readonly peopleIn: number;
}

/** The bookkeeping checks of every week (bookkeepingProbe.ts), and how many migrants are in `region` at the end. */
export function bookkeepingAndPeopleIn({ region }: { region: string }): Probe<BookkeepingAndPeopleIn> {
  const checks = bookkeeping();
  let peopleIn = 0;
  return {
    onWeek(week, rows, world) {
      checks.onWeek(week, rows, world);
      const r = world.params.places.regions.indexOf(region);
      peopleIn = 0;
      for (let i = 0; i < world.migrants.count; i++) if (world.migrants.status[i] !== Status.AtHome && world.migrants.region[i] === r) peopleIn++;
    },
    result: () => ({ checked: checks.result(), peopleIn }),
  };
}
