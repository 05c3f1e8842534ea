import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './model.js';

/** The built command line (npm test builds it before running the tests). */
export const CLI = join(REPO_ROOT, 'dist', 'sim', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/sim/cli.js ARGS` (from the repository root unless `cwd` is given) and waits for it,
 * with `env` added to the environment. Slurm's array variables are left out
 * unless `env` sets them, since with them `migsim run` runs one shard.
 */
export function migsim(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build; npm test does it)`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SLURM_ARRAY_')));
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeout: 300_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under the system's temporary folder, and a function removing it. */
export function tempFolder(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `migsim-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines joined into a file's text, so that tests can count lines and columns. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}
