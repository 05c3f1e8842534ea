/**
 * Runs simulations for a test in a plain Node process (started with
 * `node --import tsx`), where the model runs at full speed; under the test
 * runner's module transform its hot loops run several times slower.
 *
 * Reads a JSON list of simulation inputs on stdin and writes one JSON line
 * per run: the indicator table as base64 of its bytes, the quota book at
 * the end, and week by week the start of the quota year in force and the
 * permits its book holds as issued.
 */
import { readFileSync } from 'node:fs';
import { simulate, type SimulationInput } from '../../sim/model/simulate.js';
import type { ChildRun } from './simulateInChild.js';
import { resultPlaces } from '../../sim/model/indicators.js';

const inputs = JSON.parse(readFileSync(0, 'utf8')) as SimulationInput[];
for (const input of inputs) {
  const yearStart: number[] = [];
  const booked: number[] = [];
  const { values, world } = simulate({
    ...input,
    onWeek: (_week, _row, w) => {
      yearStart.push(w.quotaYearStart);
      let issued = 0;
      for (const q of w.quota) for (let r = 0; r < q.regionIssued.length; r++) issued += q.regionIssued[r] + q.regionFarmIssued[r];
      booked.push(issued);
    },
  });
  // The quota book of the first destination country: the tests that read it use one-country bases.
  const q = world.quota[0];
  const run: ChildRun = {
    values: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
    places: resultPlaces(world.params.places.destinations),
    scale: world.params.g.scale,
    quotaYearStart: world.quotaYearStart,
    weekly: { yearStart, booked },
    quota: {
      regionCap: Array.from(q.regionCap),
      regionFarmCap: Array.from(q.regionFarmCap),
      regionIssued: Array.from(q.regionIssued),
      regionFarmIssued: Array.from(q.regionFarmIssued),
    },
  };
  process.stdout.write(JSON.stringify(run) + '\n');
}
