import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statfsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isResultFile } from './partialFolder.js';

/** `--out` (or the folder it would replace) was refused; nothing was written. */
export class OutRefused extends Error {}

/** Kernel file systems that hold no files (statfs f_type): writing there is never what a user meant. */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x63677270, 'cgroup2'],
  [0x27e0eb, 'cgroup'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0xde5e81e, 'efivarfs'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
]);

/** Folders of devices and kernel state, refused by name too (a container may mount them as something else). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

export interface OutCheck {
  /** `--out` as given. */
  readonly out: string;
  /** Whether a scenario file or the working folder would be inside `out`. */
  readonly scenarioFiles: readonly string[];
  readonly force: boolean;
  /** Bytes the run will write (results and checkpoints), for the free-space check. */
  readonly expectedBytes: number;
}

/** What is at `--out` now: nothing, an empty folder (renamed over), or a previous results folder (replaced with --force). */
export type OutTarget = 'new' | 'empty' | 'results';

/**
 * Checks `--out` before anything is simulated or written. Refuses (with
 * OutRefused, saying why and what to do) anything that the final rename
 * would destroy or that cannot hold the results: an existing file, device
 * or link; a folder that is not empty, unless it is a previous migsim
 * results folder and `--force` is given; the working folder, a parent of
 * it, or a folder holding the scenario; a kernel file system such as /proc
 * or /sys; a folder that cannot be written or lacks the space.
 */
export function checkOut(check: OutCheck): OutTarget {
  if (check.out.trim() === '') throw new OutRefused('--out is empty; give a folder name, such as results/my-run');
  const out = resolve(check.out);
  const anchor = nearestExisting(out);
  const real = realpathOr(anchor);
  for (const folder of SYSTEM_FOLDERS) {
    if (real === folder || real.startsWith(folder + sep) || out === folder || out.startsWith(folder + sep)) {
      throw new OutRefused(`--out ${check.out} is under ${folder}, which holds devices or kernel state, not files; choose a folder on a disk`);
    }
  }
  if (anchor !== out && !lstatSync(anchor).isDirectory()) {
    throw new OutRefused(`--out ${check.out}: ${anchor} is not a folder, so nothing can be written under it`);
  }
  const fileSystem = fileSystemOf(anchor);
  const pseudo = fileSystem && PSEUDO_FILE_SYSTEMS.get(fileSystem.type);
  if (pseudo) throw new OutRefused(`--out ${check.out} is on a ${pseudo} file system, which cannot hold results; choose a folder on a disk`);

  for (const inside of [process.cwd(), ...check.scenarioFiles.map((file) => resolve(file))]) {
    if (inside === out || isWithin(inside, out) || isWithin(realpathOr(inside), realpathOr(out))) {
      const what = inside === process.cwd() ? 'the working folder' : inside;
      throw new OutRefused(`--out ${check.out} contains ${what}; results go into a folder of their own, such as results/my-run`);
    }
  }

  const target = describeExisting(out, check.out, check.force);
  const writable = target === 'new' ? anchor : dirname(out);
  try {
    accessSync(writable, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutRefused(`--out ${check.out}: cannot write in ${writable}; choose a folder you may write to`);
  }
  if (fileSystem) {
    const free = fileSystem.bavail * fileSystem.bsize;
    if (free < check.expectedBytes) {
      throw new OutRefused(`--out ${check.out}: the run needs about ${megabytes(check.expectedBytes)} and ${writable} has ${megabytes(free)} free`);
    }
  }
  return target;
}

/** Whether a folder is a previous migsim results folder: its manifest says so and every file in it is one migsim writes. */
export function foreignEntries(folder: string): string[] {
  const foreign: string[] = [];
  const walk = (relativePath: string): void => {
    for (const entry of readdirSync(resolve(folder, relativePath), { withFileTypes: true })) {
      const path = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      if (entry.isDirectory() && path === 'charts') walk(path);
      else if (!entry.isFile() || !isResultFile(path)) foreign.push(entry.isDirectory() ? `${path}/` : path);
    }
  };
  walk('');
  return foreign;
}

function describeExisting(out: string, given: string, force: boolean): OutTarget {
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return 'new';
  }
  if (stat.isSymbolicLink()) throw new OutRefused(`--out ${given} is a symbolic link; give the folder it points to, or a new folder`);
  if (!stat.isDirectory()) {
    const kind = stat.isFile() ? 'a file' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a folder';
    throw new OutRefused(`--out ${given} exists and is ${kind}; migsim writes only into a new folder, or replaces a previous results folder with --force`);
  }
  const entries = readdirSync(out);
  if (entries.length === 0) return 'empty';
  const isResults = isMigsimManifest(resolve(out, 'manifest.json'));
  const foreign = foreignEntries(out);
  if (!isResults || foreign.length > 0) {
    const shown = (foreign.length > 0 ? foreign : entries).slice(0, 3).join(', ');
    const more = (foreign.length > 0 ? foreign : entries).length > 3 ? ', …' : '';
    throw new OutRefused(
      `--out ${given} is a folder that holds files migsim did not write (${shown}${more}); ` +
        'migsim never replaces them: choose a new folder, or move them away',
    );
  }
  if (!force) throw new OutRefused(`--out ${given} holds the results of a previous run; add --force to replace them, or choose another folder`);
  return 'results';
}

function isMigsimManifest(path: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { package?: { name?: unknown } };
    return manifest.package?.name === 'migsim';
  } catch {
    return false;
  }
}

function nearestExisting(path: string): string {
  let here = path;
  while (!existsSync(here) && dirname(here) !== here) here = dirname(here);
  return here;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function fileSystemOf(path: string): { type: number; bavail: number; bsize: number } | undefined {
  try {
    return statfsSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `path` is strictly inside `folder`. */
function isWithin(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
