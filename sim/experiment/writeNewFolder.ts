import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Refuses an output folder that exists and is not empty (or is a file), so
 * that a command never deletes or overwrites files it did not create. Call
 * it before any long work.
 */
export function checkNewFolder(out: string, flag = '--out'): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new Error(`${flag} ${out} is a file; choose a new folder`);
  if (readdirSync(out).length > 0) throw new Error(`${flag} ${out} exists and is not empty; choose a new folder or remove it first`);
}

/**
 * Writes files into a fresh temporary folder beside `out`, then renames it to
 * `out` (where only an empty folder may stand), so that a failed or
 * interrupted command leaves no half-written results and nothing else is
 * touched.
 */
export async function writeNewFolder(
  out: string,
  write: (put: (relativePath: string, content: string | Uint8Array) => void) => Promise<void> | void,
): Promise<void> {
  checkNewFolder(out);
  mkdirSync(dirname(out), { recursive: true });
  const temporary = join(dirname(out), `.${basename(out)}.partial-${process.pid}-${Date.now()}`);
  mkdirSync(temporary);
  try {
    await write((relativePath, content) => {
      const path = join(temporary, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    });
    checkNewFolder(out);
    if (existsSync(out)) rmdirSync(out);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
