import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { ScenarioError } from '../../sim/scenario/scenarioError.js';
import { EMPTY_BASE, lines, memoryBases } from '../scenario/memoryBases.js';
import { sweepPoints } from '../../sim/experiment/sweepPoints.js';
import { RETURN_REVIEW, FEE, QUOTA } from './parameterNames.js';

const HEAD = ['name: Test', 'base: empty', 'options:', '  - name: a'];

function parse(text: string) {
  return parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), ['empty']);
}

function problemsOf(text: string): string[] {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).format().split('\n');
  }
  throw new Error('the scenario was accepted');
}

describe('a sweep: section', () => {
  it('is read with its design, points, replicates and parameters', () => {
    const scenario = parse(
      lines(...HEAD, 'sweep:', '  design: sobol', '  points: 8', '  replicates: 3', '  parameters:', `    ${QUOTA}: { low: 1000, high: 9000 }`, `    ${FEE}: [100, 200]`),
    );
    expect(scenario.sweep).toEqual({
      design: 'sobol',
      points: 8,
      replicates: 3,
      parameters: [
        { name: QUOTA, low: 1000, high: 9000, integer: expect.any(Boolean) },
        { name: FEE, values: [100, 200] },
      ],
    });
  });

  it('reports each mistake at its line and column', () => {
    const text = lines(
      ...HEAD,
      'sweep:',
      '  design: latin',
      '  points: 0',
      '  parameters:',
      `    ${QUOTA}: { low: 9000, high: 1000 }`,
      '    quota.anual: [1, 2]',
      `    ${RETURN_REVIEW}: { low: 0.1, hi: 0.2 }`,
      `    ${FEE}: lots`,
    );
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:6:11: sweep.design: expected one of grid, latin-hypercube, sobol, got "latin"',
      'scenario.yaml:7:11: sweep.points: expected a whole number from 1 to 100000, got 0',
      `scenario.yaml:9:${7 + QUOTA.length}: ${QUOTA}: low 9000 is above high 1000`,
      'scenario.yaml:10:5: unknown parameter "quota.anual" in sweep.parameters; did you mean "quota.annual"?',
      `scenario.yaml:11:${7 + RETURN_REVIEW.length}: missing required key "high" in sweep range of ${RETURN_REVIEW}`,
      `scenario.yaml:11:${19 + RETURN_REVIEW.length}: unknown key "hi" in sweep range of ${RETURN_REVIEW}; expected one of low, high`,
      `scenario.yaml:12:${7 + FEE.length}: ${FEE}: expected a list of values or a range { low, high }, got "lots"`,
    ]);
  });

  it('requires points for a sampled design and a valid value in a list', () => {
    const text = lines(...HEAD, 'sweep:', '  design: sobol', '  parameters:', `    ${FEE}: [100, -5]`);
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:6:3: missing required key "points" in sweep (the number of points of the sobol design)',
      expect.stringMatching(new RegExp(`^scenario\\.yaml:8:${13 + FEE.length}: ${FEE.replace('.', '\\.')}: -5 is below the minimum 0`)),
    ]);
  });

  it('reports a sensitivity: section with the same checks as uncertain:', () => {
    const text = lines(...HEAD, 'sensitivity:', `  ${RETURN_REVIEW}: [0.5, 0.1]`, '  quota.anual: [1, 2]');
    expect(problemsOf(text)).toEqual([
      `scenario.yaml:6:${5 + RETURN_REVIEW.length}: ${RETURN_REVIEW}: low 0.5 is above high 0.1; expected [low, high]`,
      'scenario.yaml:7:3: unknown parameter "quota.anual" in sensitivity; did you mean "quota.annual"?',
    ]);
  });
});

describe('sweepPoints', () => {
  it('lists a full grid, the last parameter changing fastest, with evenly spaced levels for ranges', () => {
    const spec = parse(lines(...HEAD, 'sweep:', '  points: 3', '  parameters:', `    ${FEE}: { low: 0, high: 100 }`, `    ${RETURN_REVIEW}: [0.01, 0.02]`)).sweep!;
    expect(sweepPoints(spec, 1)).toEqual([
      { [FEE]: 0, [RETURN_REVIEW]: 0.01 },
      { [FEE]: 0, [RETURN_REVIEW]: 0.02 },
      { [FEE]: 50, [RETURN_REVIEW]: 0.01 },
      { [FEE]: 50, [RETURN_REVIEW]: 0.02 },
      { [FEE]: 100, [RETURN_REVIEW]: 0.01 },
      { [FEE]: 100, [RETURN_REVIEW]: 0.02 },
    ]);
  });

  it('spreads a Latin hypercube over every stratum and depends on the scenario seed only', () => {
    const spec = parse(lines(...HEAD, 'sweep:', '  design: latin-hypercube', '  points: 10', '  parameters:', `    ${FEE}: { low: 0, high: 100 }`)).sweep!;
    const points = sweepPoints(spec, 7);
    expect(new Set(points.map((p) => Math.floor(Number(p[FEE]) / 10))).size).toBe(10);
    expect(sweepPoints(spec, 7)).toEqual(points);
    expect(sweepPoints(spec, 8)).not.toEqual(points);
  });

  it('maps Sobol points to ranges and to equal shares of listed values', () => {
    const spec = parse(lines(...HEAD, 'sweep:', '  design: sobol', '  points: 4', '  parameters:', `    ${FEE}: { low: 0, high: 100 }`, `    ${RETURN_REVIEW}: [0.01, 0.02]`)).sweep!;
    expect(sweepPoints(spec, 1)).toEqual([
      { [FEE]: 0, [RETURN_REVIEW]: 0.01 },
      { [FEE]: 50, [RETURN_REVIEW]: 0.02 },
      { [FEE]: 75, [RETURN_REVIEW]: 0.01 },
      { [FEE]: 25, [RETURN_REVIEW]: 0.02 },
    ]);
  });
});
