/**
 * Runs simulations for a test in a plain Node process (started with
 * `node --import tsx`), where the model runs at full speed; under the test
 * runner's module transform its hot loops run several times slower.
 *
 * Serves requests until its input ends, so that one process, its compiler
 * warmed up, serves many tests (simulateInChild.ts keeps it). Each request
 * is one line on stdin, a JSON list of simulation inputs; for each run it
 * writes one JSON line: the indicator table as base64 of its bytes, the quota book at
 * the end, week by week the start of the quota year in force and the
 * permits its book holds as issued, each quota year's book as it stood
 * in its last week, and the result of the run's probe if it asks for one
 * (probe.ts), and after the last run the line END_OF_RUNS.
 */
import { createInterface } from 'node:readline';
import { simulate } from '../../sim/model/simulate.js';
import type { World } from '../../sim/model/world.js';
import type { ChildInput, ChildRun, QuotaYear } from './simulateInChild.js';
import { END_OF_RUNS } from './childProtocol.js';
import { resultPlaces } from '../../sim/model/indicators.js';
import type { Probe, ProbeRequest } from './probe.js';

async function makeProbe(request: ProbeRequest): Promise<Probe<unknown>> {
  const module = (await import(new URL(`../../${request.module}`, import.meta.url).href)) as Record<string, unknown>;
  const make = module[request.name];
  if (typeof make !== 'function') throw new Error(`${request.module} exports no probe named ${request.name}`);
  return (make as (args: unknown) => Probe<unknown>)(request.args);
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  for (const input of JSON.parse(line) as ChildInput[]) process.stdout.write(JSON.stringify(await runOne(input)) + '\n');
  process.stdout.write(`${END_OF_RUNS}\n`);
}

async function runOne({ probe: request, ...input }: ChildInput): Promise<ChildRun> {
  const yearStart: number[] = [];
  const booked: number[] = [];
  const probe = request ? await makeProbe(request) : undefined;
  const years: QuotaYear[] = [];
  let current: QuotaYear | undefined;
  const { values, world, traced } = simulate({
    ...input,
    onWeek: (week, rows, w) => {
      yearStart.push(w.quotaYearStart);
      let issued = 0;
      for (const q of w.quota) for (let r = 0; r < q.regionIssued.length; r++) issued += q.regionIssued[r] + q.regionFarmIssued[r];
      booked.push(issued);
      // A quota year's book as it stood in its last week: kept each week, recorded when the next year opens.
      if (current && current.yearStart !== w.quotaYearStart) years.push(current);
      current = quotaYear(w, week);
      return probe?.onWeek(week, rows, w);
    },
  });
  if (current) years.push(current);
  // The quota book of the first destination country: the tests that read it use one-country bases.
  const q = world.quota[0];
  const run: ChildRun = {
    values: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
    places: resultPlaces(world.params.places.destinations),
    scale: world.params.g.scale,
    quotaYearStart: world.quotaYearStart,
    weekly: { yearStart, booked },
    years,
    quota: {
      regionCap: Array.from(q.regionCap),
      regionFarmCap: Array.from(q.regionFarmCap),
      regionIssued: Array.from(q.regionIssued),
      regionFarmIssued: Array.from(q.regionFarmIssued),
    },
    traced,
    probe: probe?.result(),
  };
  return run;
}

/** The first destination country's quota year as it stands in `week` (in agents, except capReported). */
function quotaYear(world: World, week: number): QuotaYear {
  const q = world.quota[0];
  const { countryStart } = world.params.places;
  const regions = Array.from({ length: countryStart[1] - countryStart[0] }, (_, k) => countryStart[0] + k);
  let applied = 0;
  const e = world.employers;
  for (let k = e.regionStart[countryStart[0]] * 2; k < e.regionStart[countryStart[1]] * 2; k++) applied += world.slots.applied[k];
  return {
    yearStart: world.quotaYearStart,
    lastWeek: week,
    capReported: q.capReported,
    applied,
    regionCap: regions.map((r) => q.regionCap[r] + q.regionFarmCap[r]),
    regionIssued: regions.map((r) => q.regionIssued[r] + q.regionFarmIssued[r]),
  };
}
