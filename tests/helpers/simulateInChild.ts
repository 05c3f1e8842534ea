import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { SimulationInput } from '../../sim/model/simulate.js';
import type { IndicatorTable } from '../../sim/model/indicators.js';
import type { TracedAgent } from '../../sim/model/pickAgent.js';
import { placeRows, REPO_ROOT, WIDTH } from './model.js';
import type { ProbeRequest } from './probe.js';
import { END_OF_RUNS } from './childProtocol.js';

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

/** A simulation child and what it has written that is not yet read. */
interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  pending: string;
  stderr: string;
  /** The request it serves: given each complete line of stdout, and its exit. */
  onLine?: (line: string) => void;
  onExit?: (code: number | null) => void;
}

/**
 * Children waiting for a request. A child serves one request at a time and
 * then waits here, its compiler warmed up, for the next (the first runs of
 * a fresh process take several times as long as later ones); tests that
 * run simulations side by side get a child each. Idle children do not keep
 * the test worker alive, and end when it does (their input closes).
 */
const idle: Child[] = [];

function startChild(): Child {
  const process_ = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const child: Child = { process: process_, pending: '', stderr: '' };
  process_.stdout.setEncoding('utf8');
  process_.stderr.setEncoding('utf8');
  process_.stdout.on('data', (chunk: string) => {
    child.pending += chunk;
    let end: number;
    while ((end = child.pending.indexOf('\n')) >= 0) {
      const line = child.pending.slice(0, end);
      child.pending = child.pending.slice(end + 1);
      child.onLine?.(line);
    }
  });
  process_.stderr.on('data', (chunk: string) => (child.stderr += chunk));
  process_.on('close', (code) => {
    const k = idle.indexOf(child);
    if (k >= 0) idle.splice(k, 1);
    child.onExit?.(code);
  });
  process_.on('error', () => child.onExit?.(null));
  return child;
}

/** Lets the test worker exit while `child` waits (true), or holds it while the child works (false). */
function release(child: Child, released: boolean): void {
  for (const handle of [child.process, child.process.stdin, child.process.stdout, child.process.stderr] as unknown as { ref(): void; unref(): void }[]) {
    if (released) handle.unref();
    else handle.ref();
  }
}

/**
 * Runs simulations one after another in a child Node process (at full
 * speed, from the current sources) and returns their tables, byte for byte
 * as simulate made them, in the order of `inputs`, with what each run's
 * probe read (probe.ts).
 */
export function simulateInChild(inputs: readonly ChildInput[]): Promise<FinishedRun[]> {
  return new Promise((resolve, reject) => {
    const child = idle.pop() ?? startChild();
    release(child, false);
    child.stderr = '';
    const runs: FinishedRun[] = [];
    const finish = () => {
      child.onLine = undefined;
      child.onExit = undefined;
    };
    child.onExit = (code) => {
      finish();
      reject(new Error(`simulation child exited with ${code}:\n${child.stderr}`));
    };
    child.onLine = (line) => {
      if (line !== END_OF_RUNS) {
        runs.push(finishedRun(JSON.parse(line) as ChildRun));
        return;
      }
      finish();
      if (runs.length !== inputs.length) return reject(new Error(`simulation child returned ${runs.length} runs for ${inputs.length} inputs`));
      release(child, true);
      idle.push(child);
      resolve(runs);
    };
    child.process.stdin.write(JSON.stringify(inputs) + '\n');
  });
}

/**
 * Runs simulations in `children` child processes side by side, dealing the
 * inputs out in turn so that each child gets a like share of the work, and
 * returns the runs in the order of `inputs` (each run is the same whichever
 * child made it).
 */
export async function simulateSideBySide(inputs: readonly ChildInput[], children: number): Promise<FinishedRun[]> {
  const count = Math.max(1, Math.min(children, inputs.length));
  const done = await Promise.all(Array.from({ length: count }, (_, c) => simulateInChild(inputs.filter((_, k) => k % count === c))));
  return inputs.map((_, k) => done[k % count][Math.floor(k / count)]);
}

/** A run as the child wrote it, with its table read back into numbers. */
function finishedRun(run: ChildRun): FinishedRun {
  const bytes = Buffer.from(run.values, 'base64');
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const table = { weeks: all.length / (WIDTH * run.places.length) - 1, places: run.places, values: all };
  return { ...run, values: placeRows(table, 'all'), table };
}
