import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNS_FOLDER } from './partialFolder.js';

/**
 * One file per finished run in the working folder, `runs/o<option>-r<replicate>.f64`:
 * its indicator table as raw 64-bit floats. Written to a temporary name and
 * renamed, so a run killed mid-write leaves no truncated checkpoint.
 */
export function saveCheckpoint(partial: string, option: number, replicate: number, values: Float64Array): void {
  const file = join(partial, RUNS_FOLDER, `o${option}-r${replicate}.f64`);
  writeFileSync(`${file}.tmp`, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  renameSync(`${file}.tmp`, file);
}

/** The checkpoints of a working folder by "option:replicate"; tables of the wrong length (`width` × weeks) are ignored. */
export function loadCheckpoints(partial: string, valuesPerRun: number): Map<string, Float64Array> {
  const found = new Map<string, Float64Array>();
  let names: string[];
  try {
    names = readdirSync(join(partial, RUNS_FOLDER));
  } catch {
    return found;
  }
  for (const name of names) {
    const match = /^o(\d+)-r(\d+)\.f64$/.exec(name);
    if (!match) continue;
    const bytes = readFileSync(join(partial, RUNS_FOLDER, name));
    if (bytes.byteLength !== valuesPerRun * Float64Array.BYTES_PER_ELEMENT) continue;
    const values = new Float64Array(valuesPerRun);
    new Uint8Array(values.buffer).set(bytes);
    found.set(`${match[1]}:${match[2]}`, values);
  }
  return found;
}
