import { existsSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isResultFile, removeOwnFiles, removePartial, REPLACED_FOLDER } from './partialFolder.js';
import type { OutTarget } from './outFolder.js';

/**
 * Puts the finished results in place. A new or empty `out` is one rename.
 * A previous results folder (with --force) is first moved into the working
 * folder, then the new one renamed in, then the old one's files removed.
 */
export function commit(results: string, out: string, partial: string, target: OutTarget): void {
  if (target === 'results') {
    const replaced = join(partial, REPLACED_FOLDER);
    renameSync(out, replaced);
    renameSync(results, out);
    removeOwnFiles(replaced, isResultFile);
  } else {
    renameSync(results, out);
  }
  removePartial(partial);
}

/** Creates the missing folders above `out`; returns the outermost one created, to remove again on failure. */
export function makeParents(folder: string): string | undefined {
  let outermost: string | undefined;
  let here = folder;
  while (!existsSync(here) && dirname(here) !== here) {
    outermost = here;
    here = dirname(here);
  }
  if (outermost) mkdirSync(folder, { recursive: true });
  return outermost;
}

/** Removes `folder` and its parents up to `outermost`, each only if empty. */
export function removeEmptyFolders(outermost: string, folder: string): void {
  let here = folder;
  for (;;) {
    try {
      rmdirSync(here);
    } catch {
      return;
    }
    if (here === outermost || dirname(here) === here) return;
    here = dirname(here);
  }
}
