import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * The working folder of a run, beside its results folder:
 * `<parent>/.<name>.migsim-partial/` for `--out <parent>/<name>`. It holds
 * a marker naming the run that owns it, a checkpoint per finished run
 * (`runs/`), and the results while they are written (`results/`), which
 * one rename then makes `<name>`. A run that ends in any way but SIGKILL
 * (or a crash of the machine) removes it; the next run to the same `--out`
 * removes a leftover, or continues from it with `--resume`.
 */
export const PARTIAL_SUFFIX = '.migsim-partial';
export const MARKER_FILE = 'migsim-partial.json';
export const RUNS_FOLDER = 'runs';
export const RESULTS_FOLDER = 'results';
/** Where a replaced results folder waits, inside the working folder, until the new one is in place. */
export const REPLACED_FOLDER = 'replaced';

/** What the marker records about the run that owns a working folder. */
export interface PartialMarker {
  readonly tool: 'migsim';
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** Hash of everything that decides the results (see runFingerprint); a resumed run must match it. */
  readonly fingerprint: string;
}

export type PartialState =
  | { readonly kind: 'none' }
  | { readonly kind: 'foreign' }
  | { readonly kind: 'active'; readonly marker: PartialMarker }
  | { readonly kind: 'leftover'; readonly marker: PartialMarker };

export function partialPathFor(out: string): string {
  return join(dirname(out), `.${basename(out)}${PARTIAL_SUFFIX}`);
}

/** Whether a working folder is there, and if so whether it is ours, still in use, or left by a killed run. */
export function inspectPartial(path: string): PartialState {
  if (!existsSync(path)) return { kind: 'none' };
  const marker = readMarker(path);
  if (!marker) return { kind: 'foreign' };
  return marker.host === hostname() && processAlive(marker.pid) && marker.pid !== process.pid ? { kind: 'active', marker } : { kind: 'leftover', marker };
}

/** Creates a new working folder with its marker; fails if the path exists. */
export function createPartial(path: string, fingerprint: string): PartialMarker {
  mkdirSync(path);
  const marker: PartialMarker = { tool: 'migsim', pid: process.pid, host: hostname(), started: new Date().toISOString(), fingerprint };
  writeFileSync(join(path, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
  mkdirSync(join(path, RUNS_FOLDER));
  return marker;
}

/** Takes over a leftover working folder for --resume: the marker then names this process. */
export function adoptPartial(path: string, fingerprint: string): void {
  const marker: PartialMarker = { tool: 'migsim', pid: process.pid, host: hostname(), started: new Date().toISOString(), fingerprint };
  writeFileSync(join(path, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
  mkdirSync(join(path, RUNS_FOLDER), { recursive: true });
  removeOwnFiles(join(path, RESULTS_FOLDER), isResultFile);
}

/**
 * Removes a working folder, file by file, deleting only names a run
 * writes there. Anything else (put there by someone else) stays, with the
 * folders holding it. Returns whether the folder is gone.
 */
export function removePartial(path: string): boolean {
  if (!existsSync(path)) return true;
  removeOwnFiles(join(path, RUNS_FOLDER), (name) => /^o\d+-r\d+\.f64(\.tmp)?$/.test(name));
  removeOwnFiles(join(path, RESULTS_FOLDER), isResultFile);
  removeOwnFiles(join(path, REPLACED_FOLDER), isResultFile);
  removeOwnFiles(path, (name) => name === MARKER_FILE);
  return !existsSync(path);
}

/** The names migsim writes in a results folder (top level, or in charts/). */
export function isResultFile(relativePath: string): boolean {
  return /^[a-z][a-z0-9_-]*\.(csv|json|html)$/.test(relativePath) || /^charts\/[A-Za-z0-9_-]+\.svg$/.test(relativePath);
}

/** Deletes the files of `folder` that `ours` accepts (paths relative to it), then every folder left empty. */
export function removeOwnFiles(folder: string, ours: (relativePath: string) => boolean): void {
  const walk = (relative: string): void => {
    const here = join(folder, relative);
    let entries;
    try {
      entries = readdirSync(here, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && ours(path)) unlinkSync(join(folder, path));
    }
    try {
      rmdirSync(here);
    } catch {
      // Not empty: it holds something that is not ours, which stays.
    }
  };
  walk('');
}

function readMarker(path: string): PartialMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(path, MARKER_FILE), 'utf8')) as Partial<PartialMarker>;
    if (marker.tool !== 'migsim' || typeof marker.pid !== 'number' || typeof marker.fingerprint !== 'string') return undefined;
    return marker as PartialMarker;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
