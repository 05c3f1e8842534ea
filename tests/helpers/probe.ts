import type { World } from '../../sim/model/world.js';

/**
 * What a test reads from a simulation while it runs in a child process
 * (simulateInChild): it sees the world after every recorded week, as
 * simulate's onWeek does, and gives its result at the end. The result
 * crosses to the test as JSON, so it holds plain numbers, arrays and objects.
 */
export interface Probe<Result> {
  /** Called after week 0 and each week of the horizon; true stops the run early. */
  onWeek(week: number, rows: Float64Array, world: World): boolean | void;
  result(): Result;
}

/**
 * Which probe the child makes for a run: the function `name` exported by
 * `module` (a path from the repository's root), called with `args`. The
 * module must not import the test runner: the child runs outside it.
 */
export interface ProbeRequest {
  readonly module: string;
  readonly name: string;
  readonly args?: unknown;
}
