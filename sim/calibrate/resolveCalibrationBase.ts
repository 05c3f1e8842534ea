import { basename, extname, join } from 'node:path';
import { isBasePath, nearestName, parseScenario, type ResolvedScenario } from '../scenario/index.js';
import { loadBaseFile, shippedBaseNames } from '../scenario/loadScenarioFile.js';
import { CALIBRATED_BASES, targetsFor, type BaseTargets } from './targets.js';

/** A base ready to calibrate: resolved as a one-option scenario, with its file and targets. */
export interface CalibrationBase {
  /** One option, "current values": every parameter as the base sets it. */
  readonly scenario: ResolvedScenario;
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly targets: BaseTargets;
}

/**
 * Resolves `ref` (a shipped base name, or a base file's path relative to
 * the working folder) for calibration over `years` with `seed`. A base file
 * takes the targets of the shipped base its file is named after.
 *
 * @throws Error for an unknown base, one without calibration targets, or
 *   one that declares no `uncertain:` parameters; ScenarioError for a
 *   problem in the base file.
 */
export function resolveCalibrationBase(ref: string, years: number, seed: number): CalibrationBase {
  const from = join(process.cwd(), 'calibrate.yaml');
  const found = loadBaseFile(ref, from);
  if (!found) {
    const shipped = shippedBaseNames();
    const guess = isBasePath(ref) ? undefined : nearestName(ref, shipped);
    throw new Error(
      `no base "${ref}": expected a shipped base (${shipped.join(', ')}) or a base file ending in .yaml${guess ? `; did you mean "${guess}"?` : ''}`,
    );
  }
  const name = isBasePath(ref) ? basename(ref, extname(ref)) : ref;
  const targets = targetsFor(name);
  if (!targets) throw new Error(`no calibration targets for base "${name}"; targets exist for: ${CALIBRATED_BASES.join(', ')}`);
  const text = [
    `name: ${JSON.stringify(`Calibration of ${name}`)}`,
    `base: ${JSON.stringify(ref)}`,
    `seed: ${seed}`,
    'replicates: 1',
    `years: ${years}`,
    'options:',
    '  - name: current values',
    '',
  ].join('\n');
  const scenario = parseScenario(text, from, loadBaseFile, shippedBaseNames());
  if (Object.keys(scenario.uncertain).length === 0) {
    throw new Error(`base "${name}" declares no uncertain: parameters, so there is nothing to calibrate`);
  }
  return { scenario, name, file: found.file, text: found.text, targets };
}
