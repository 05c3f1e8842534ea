import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../scenario/packageRoot.js';

/** The version in package.json, recorded in every manifest. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
