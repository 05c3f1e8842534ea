import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SimulationInput } from '../../sim/model/simulate.js';
import type { IndicatorTable } from '../../sim/model/indicators.js';
import type { TracedAgent } from '../../sim/model/pickAgent.js';
import { placeRows, REPO_ROOT, WIDTH } from './model.js';
import type { ProbeRequest } from './probe.js';

/** A simulation for the child: its input (without onWeek, which cannot cross), and a probe to run on it. */
export interface ChildInput extends Omit<SimulationInput, 'onWeek'> {
  readonly probe?: ProbeRequest;
}

/**
 * One quota year of the first destination country as its book stood in the
 * year's last week of the run: caps and permits issued per region of the
 * country (farm and general parts together) and slots applied for by its
 * employers, in agents; the cap as reported (real permits, NaN: none).
 */
export interface QuotaYear {
  readonly yearStart: number;
  readonly lastWeek: number;
  readonly capReported: number;
  readonly applied: number;
  readonly regionCap: number[];
  readonly regionIssued: number[];
}

/** One run as simulateChild.ts writes it. */
export interface ChildRun {
  /** The indicator table's bytes, base64, and its places (`all`, then each destination country). */
  readonly values: string;
  readonly places: string[];
  readonly scale: number;
  readonly quotaYearStart: number;
  /** By week of the table: the week the quota year in force started, and the permits its book holds (in agents). */
  readonly weekly: { readonly yearStart: number[]; readonly booked: number[] };
  /** Each quota year that ran during the horizon (the first may have begun in the burn-in; the last may be unfinished). */
  readonly years: QuotaYear[];
  readonly quota: {
    readonly regionCap: number[];
    readonly regionFarmCap: number[];
    readonly regionIssued: number[];
    readonly regionFarmIssued: number[];
  };
  /** The agent the run traced, if its input asked for one. */
  readonly traced?: TracedAgent;
  /** What the run's probe gave, if it had one. */
  readonly probe?: unknown;
}

export interface FinishedRun extends Omit<ChildRun, 'values'> {
  /** The rows of place `all`, one per week. */
  readonly values: Float64Array;
  /** The whole table, every place. */
  readonly table: IndicatorTable;
}

const CHILD = join(REPO_ROOT, 'tests', 'helpers', 'simulateChild.ts');

/**
 * Runs simulations one after another in a child Node process (at full
 * speed, from the current sources) and returns their tables, byte for byte
 * as simulate made them, in the order of `inputs`, with what each run's
 * probe read (probe.ts).
 */
export function simulateInChild(inputs: readonly ChildInput[]): Promise<FinishedRun[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`simulation child exited with ${code}:\n${Buffer.concat(err).toString('utf8')}`));
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter((line) => line !== '');
      if (lines.length !== inputs.length) return reject(new Error(`simulation child returned ${lines.length} runs for ${inputs.length} inputs`));
      resolve(
        lines.map((line) => {
          const run = JSON.parse(line) as ChildRun;
          const bytes = Buffer.from(run.values, 'base64');
          const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          const table = { weeks: all.length / (WIDTH * run.places.length) - 1, places: run.places, values: all };
          return { ...run, values: placeRows(table, 'all'), table };
        }),
      );
    });
    child.stdin.end(JSON.stringify(inputs));
  });
}
