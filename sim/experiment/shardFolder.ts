import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { PlanSettings } from './experimentPlan.js';
import type { ShardSpec } from './shardSpec.js';
import { writeNewFolder } from './writeNewFolder.js';

/** Names the format of a shard folder; merge refuses any other. */
export const SHARD_FORMAT = 'migsim-shard/1';
export const SHARD_RECORD = 'shard.json';
export const SHARD_TABLES = 'tables.f64';

/** What a shard folder says about itself (shard.json). */
export interface ShardRecord {
  readonly format: string;
  readonly version: string;
  readonly scenario: { readonly path: string; readonly sha256: string };
  readonly settings: PlanSettings;
  readonly kind: string;
  readonly shard: ShardSpec;
  /** Jobs in the whole run (all shards together). */
  readonly jobs: number;
  /** This shard's jobs, ascending; their tables follow one another in tables.f64. */
  readonly job_indices: readonly number[];
  /** Numbers in each job's table. */
  readonly values_per_job: number;
}

/** sha256 of a scenario's text, as the manifest records it. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes a shard folder: shard.json and the tables of its jobs in ascending
 * job order as little-endian 64-bit floats (exact: no rounding on the way to
 * the merged CSV files). The folder must be new or empty.
 */
export async function writeShardFolder(out: string, record: Omit<ShardRecord, 'format' | 'job_indices' | 'values_per_job'>, tables: Map<number, Float64Array>): Promise<void> {
  const indices = [...tables.keys()].sort((a, b) => a - b);
  const perJob = indices.length > 0 ? tables.get(indices[0])!.length : 0;
  const all = new Float64Array(indices.length * perJob);
  indices.forEach((index, i) => {
    const values = tables.get(index)!;
    if (values.length !== perJob) throw new Error(`job ${index} has ${values.length} values, expected ${perJob}`);
    all.set(values, i * perJob);
  });
  const full: ShardRecord = { format: SHARD_FORMAT, ...record, job_indices: indices, values_per_job: perJob };
  await writeNewFolder(out, (put) => {
    put(SHARD_TABLES, littleEndianBytes(all));
    put(SHARD_RECORD, JSON.stringify(full, null, 2) + '\n');
  });
}

/** A shard folder read back: its record and its jobs' tables. */
export interface Shard {
  readonly folder: string;
  readonly record: ShardRecord;
  readonly tables: Map<number, Float64Array>;
}

/** Reads a shard folder, refusing one that is not a complete migsim shard. */
export function readShardFolder(folder: string): Shard {
  const recordPath = join(folder, SHARD_RECORD);
  if (!existsSync(recordPath)) throw new Error(`${folder} is not a shard folder (no ${SHARD_RECORD})`);
  let record: ShardRecord;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8')) as ShardRecord;
  } catch {
    throw new Error(`${recordPath} is not valid JSON`);
  }
  if (record.format !== SHARD_FORMAT) throw new Error(`${folder}: unknown shard format "${String(record.format)}", expected ${SHARD_FORMAT}`);
  const bytes = readFileSync(join(folder, SHARD_TABLES));
  const expected = record.job_indices.length * record.values_per_job * 8;
  if (bytes.length !== expected) throw new Error(`${folder}: ${SHARD_TABLES} has ${bytes.length} bytes, expected ${expected}; the shard is incomplete or damaged`);
  const all = fromLittleEndian(bytes);
  const tables = new Map<number, Float64Array>();
  record.job_indices.forEach((index, i) => tables.set(index, all.slice(i * record.values_per_job, (i + 1) * record.values_per_job)));
  return { folder, record, tables };
}

function littleEndianBytes(values: Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.buffer.slice(0));
  if (endianness() === 'BE') for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
  return bytes;
}

function fromLittleEndian(bytes: Uint8Array): Float64Array {
  const copy = new Uint8Array(bytes);
  if (endianness() === 'BE') for (let i = 0; i < copy.length; i += 8) copy.subarray(i, i + 8).reverse();
  return new Float64Array(copy.buffer, 0, copy.length / 8);
}
