import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../scenario/packageRoot.js';

/** The compiled worker script: beside this module in dist/, or in dist/ when running from sources. */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'ensembleWorker.js');
  return join(packageRoot(), 'dist', 'sim', 'run', 'ensembleWorker.js');
}
