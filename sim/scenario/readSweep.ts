import { isMap, isScalar, isSeq } from 'yaml';
import { checkValue } from '../model/params/checkValue.js';
import type { ParamValue } from '../model/params/paramDef.js';
import { readMapping } from './readMapping.js';
import type { ParamCatalogue } from './paramCatalogue.js';
import { RUN_SETTINGS } from './runSettings.js';
import { didYouMean } from './suggestName.js';
import { SWEEP_DESIGNS, type SweepDesign, type SweepParameter, type SweepSpec } from './sweepTypes.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

export const SWEEP_KEYS = ['design', 'points', 'replicates', 'parameters'] as const;
const RANGE_KEYS = ['low', 'high'] as const;
/** A sweep is a plan of runs; this many points is a mistake rather than a plan. */
export const MAX_SWEEP_POINTS = 100_000;
const DEFAULT_GRID_LEVELS = 3;

/**
 * Reads a scenario's `sweep:` section:
 *
 *   sweep:
 *     design: grid              # grid (default), latin-hypercube or sobol
 *     points: 5                 # grid: levels of each range; others: number of points
 *     replicates: 4             # per point and option (default: the scenario's)
 *     parameters:
 *       quota.annual: [25200, 63483, 126000]          # listed values
 *       migrant.departure_rate: { low: 0.005, high: 0.05 }
 *
 * Every problem is reported at its node; undefined when the section is
 * absent or has a problem.
 */
export function readSweep(src: YamlSource, node: ValueNode | null, params: ParamCatalogue): SweepSpec | undefined {
  if (node === null) return undefined;
  const entries = readMapping(src, node, SWEEP_KEYS, 'sweep');
  if (!entries) return undefined;
  let ok = true;

  let design: SweepDesign = 'grid';
  const designEntry = entries.get('design');
  if (designEntry) {
    const value: unknown = isScalar(designEntry.value) ? designEntry.value.value : undefined;
    if (typeof value === 'string' && (SWEEP_DESIGNS as readonly string[]).includes(value)) design = value as SweepDesign;
    else {
      src.report(designEntry.value ?? designEntry.key, `sweep.design: expected one of ${SWEEP_DESIGNS.join(', ')}, got ${describeNode(designEntry.value)}${typeof value === 'string' ? didYouMean(value, SWEEP_DESIGNS) : ''}`);
      ok = false;
    }
  }

  const pointsEntry = entries.get('points');
  let points = DEFAULT_GRID_LEVELS;
  if (pointsEntry) {
    const value: unknown = isScalar(pointsEntry.value) ? pointsEntry.value.value : undefined;
    const least = design === 'grid' ? 1 : 2;
    if (typeof value === 'number' && Number.isInteger(value) && value >= least && value <= MAX_SWEEP_POINTS) points = value;
    else {
      src.report(pointsEntry.value ?? pointsEntry.key, `sweep.points: expected a whole number from ${least} to ${MAX_SWEEP_POINTS}, got ${describeNode(pointsEntry.value)}`);
      ok = false;
    }
  } else if (design !== 'grid') {
    src.report(node, `missing required key "points" in sweep (the number of points of the ${design} design)`);
    ok = false;
  }

  let replicates: number | undefined;
  const replicatesEntry = entries.get('replicates');
  if (replicatesEntry) {
    const value: unknown = isScalar(replicatesEntry.value) ? replicatesEntry.value.value : undefined;
    if (typeof value === 'number' && RUN_SETTINGS.replicates.accepts(value)) replicates = value;
    else {
      src.report(replicatesEntry.value ?? replicatesEntry.key, `sweep.replicates: expected ${RUN_SETTINGS.replicates.expected}, got ${describeNode(replicatesEntry.value)}`);
      ok = false;
    }
  }

  const parametersEntry = entries.get('parameters');
  if (!parametersEntry) {
    src.report(node, 'missing required key "parameters" in sweep');
    return undefined;
  }
  const parameters: SweepParameter[] = [];
  const parameterEntries = readMapping(src, parametersEntry.value, null, 'sweep.parameters');
  if (!parameterEntries) return undefined;
  if (parameterEntries.size === 0) {
    src.report(parametersEntry.value ?? parametersEntry.key, 'sweep.parameters: expected at least one parameter');
    return undefined;
  }
  for (const [name, { key, value }] of parameterEntries) {
    const parameter = readSweepParameter(src, name, key, value, params);
    if (parameter) parameters.push(parameter);
    else ok = false;
  }

  if (ok && design === 'grid') {
    const size = parameters.reduce((product, p) => product * ('values' in p ? p.values.length : points), 1);
    if (size > MAX_SWEEP_POINTS) {
      src.report(node, `sweep: the grid has ${size} points, more than ${MAX_SWEEP_POINTS}; use fewer levels or a latin-hypercube or sobol design`);
      ok = false;
    }
  }
  return ok ? { design, points, ...(replicates === undefined ? {} : { replicates }), parameters } : undefined;
}

function readSweepParameter(src: YamlSource, name: string, key: ValueNode, value: ValueNode | null, params: ParamCatalogue): SweepParameter | undefined {
  const def = params.lookup(name);
  if (!def) {
    src.report(key, `unknown parameter "${name}" in sweep.parameters${params.unknownHint(name)}`);
    return undefined;
  }
  if (isSeq(value)) {
    const values: ParamValue[] = [];
    let ok = value.items.length > 0;
    if (!ok) src.report(value, `${name}: expected at least one value`);
    for (const item of value.items) {
      const node = src.resolve(item);
      const written: unknown = isScalar(node) ? node.value : undefined;
      const problem = isScalar(node) ? checkValue(def, written) : `expected a value, got ${describeNode(node)}`;
      if (problem) {
        src.report(node ?? value, `${name}: ${problem}`);
        ok = false;
      } else values.push(written as ParamValue);
    }
    return ok ? { name, values } : undefined;
  }
  if (isMap(value)) {
    if (def.kind !== 'number' && def.kind !== 'integer') {
      src.report(value, `${name}: only numeric parameters can have a range, this one is ${def.kind}; list its values instead`);
      return undefined;
    }
    const bounds = readMapping(src, value, RANGE_KEYS, `sweep range of ${name}`);
    if (!bounds) return undefined;
    const numbers: Partial<Record<'low' | 'high', number>> = {};
    for (const bound of RANGE_KEYS) {
      const entry = bounds.get(bound);
      if (!entry) {
        src.report(value, `missing required key "${bound}" in sweep range of ${name}`);
        continue;
      }
      const written: unknown = isScalar(entry.value) ? entry.value.value : undefined;
      const problem = written === null || written === undefined ? `expected a number, got ${describeNode(entry.value)}` : checkValue(def, written);
      if (problem) src.report(entry.value ?? entry.key, `${name}: ${problem}`);
      else numbers[bound] = written as number;
    }
    const { low, high } = numbers;
    if (low === undefined || high === undefined) return undefined;
    if (low > high) {
      src.report(value, `${name}: low ${low} is above high ${high}`);
      return undefined;
    }
    return { name, low, high, integer: def.kind === 'integer' };
  }
  src.report(value ?? key, `${name}: expected a list of values or a range { low, high }, got ${describeNode(value)}`);
  return undefined;
}
