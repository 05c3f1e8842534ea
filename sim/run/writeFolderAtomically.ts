import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { commit, makeParents, removeEmptyFolders } from './commitResults.js';
import { checkOut, OutRefused } from './outFolder.js';
import { createPartial, inspectPartial, partialPathFor, removePartial, RESULTS_FOLDER } from './partialFolder.js';

/**
 * Writes files into the working folder beside `out` (see partialFolder.ts)
 * and renames them into `out` only when all are written, so that a failed
 * or interrupted run leaves no half-written results. `out` must be new, an
 * empty folder, or (with `force`) a previous migsim results folder; anything
 * else is refused before writing (see checkOut).
 */
export async function writeFolderAtomically(
  out: string,
  write: (put: (relativePath: string, content: string) => void) => Promise<void> | void,
  options: { readonly force?: boolean } = {},
): Promise<void> {
  const target = checkOut({ out, scenarioFiles: [], force: options.force === true, expectedBytes: 0 });
  const absolute = resolve(out);
  const partial = partialPathFor(absolute);
  const state = inspectPartial(partial);
  if (state.kind === 'foreign' || state.kind === 'active') throw new OutRefused(`${partial} is in use or was not made by migsim; choose another --out`);
  const createdParent = makeParents(dirname(absolute));
  if (state.kind === 'leftover' && !removePartial(partial)) throw new OutRefused(`${partial} holds files migsim did not write; move them away`);
  createPartial(partial, 'write');
  const results = join(partial, RESULTS_FOLDER);
  try {
    mkdirSync(results);
    await write((relativePath, content) => {
      const path = join(results, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    });
    commit(results, absolute, partial, target);
  } catch (error) {
    removePartial(partial);
    if (createdParent) removeEmptyFolders(createdParent, dirname(absolute));
    throw error;
  }
}
