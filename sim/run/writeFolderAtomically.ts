import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes files into a temporary folder beside `out` and renames it to `out`
 * only when all are written, so that a failed or interrupted run leaves no
 * half-written results. An existing `out` is replaced.
 */
export async function writeFolderAtomically(
  out: string,
  write: (put: (relativePath: string, content: string) => void) => Promise<void> | void,
): Promise<void> {
  const temporary = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  try {
    await write((relativePath, content) => {
      const path = join(temporary, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    });
    rmSync(out, { recursive: true, force: true });
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Removes a temporary folder left by an interrupted write (Ctrl-C between files). */
export function partialFolder(out: string): string {
  return join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
}
