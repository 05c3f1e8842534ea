import { describe, expect, it } from 'vitest';
import { morrisEffects } from '../../analysis/sensitivity/morrisEffects.js';
import { morrisDelta, morrisTrajectories } from '../../analysis/sensitivity/morrisTrajectories.js';
import { createStream } from '../../sim/model/random.js';
import { sobolG } from './testFunctions.js';

describe('morrisTrajectories', () => {
  it('changes exactly one parameter by ±Δ per step, each parameter once per trajectory, on the grid', () => {
    const d = 5;
    const points = morrisTrajectories(10, d, createStream('m', 'traj'), 4);
    expect(points).toHaveLength(10 * (d + 1));
    const delta = morrisDelta(4);
    for (let t = 0; t < 10; t++) {
      const moved: number[] = [];
      for (let k = t * (d + 1); k < (t + 1) * (d + 1) - 1; k++) {
        const changed = points[k].flatMap((v, i) => (v === points[k + 1][i] ? [] : [i]));
        expect(changed).toHaveLength(1);
        expect(Math.abs(points[k + 1][changed[0]] - points[k][changed[0]])).toBeCloseTo(delta, 12);
        moved.push(changed[0]);
      }
      expect(new Set(moved).size).toBe(d);
    }
    for (const p of points) for (const v of p) expect([0, 1 / 3, 2 / 3, 1]).toContain(v);
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisTrajectories(2, 2, createStream('m', 't'), 3)).toThrow(/even/);
  });
});

describe('morrisEffects', () => {
  it('gives μ* = |coefficient| and σ = 0 for a linear function', () => {
    const coefficients = [3, -2, 0, 0.5];
    const points = morrisTrajectories(8, 4, createStream('m', 'linear'));
    const y = points.map((p) => p.reduce((sum, v, i) => sum + coefficients[i] * v, 0));
    const measures = morrisEffects(points, y, 4, createStream('m', 'boot'));
    measures.forEach((m, i) => {
      expect(m.muStar).toBeCloseTo(Math.abs(coefficients[i]), 10);
      expect(m.mu).toBeCloseTo(coefficients[i], 10);
      expect(m.sigma).toBeCloseTo(0, 10);
      expect(m.n).toBe(8);
    });
  });

  it('ranks the Sobol G function parameters by importance (a = 0, 1, 4.5, 9, 99…; 40 trajectories)', () => {
    const points = morrisTrajectories(40, 8, createStream('m', 'g'));
    const measures = morrisEffects(points, points.map(sobolG), 8, createStream('m', 'boot'));
    for (let i = 0; i < 3; i++) expect(measures[i].muStar).toBeGreaterThan(measures[i + 1].muStar);
    // The two most important are told apart with confidence, the negligible ones are near 0.
    expect(measures[0].muStarLow).toBeGreaterThan(measures[1].muStarHigh);
    for (let i = 4; i < 8; i++) expect(measures[i].muStarHigh).toBeLessThan(0.05 * measures[0].muStar);
    // x1 interacts with every other parameter, so its effects vary: σ > 0.
    expect(measures[0].sigma).toBeGreaterThan(0);
  });

  it('interval of μ* contains μ* and is reproducible from the stream', () => {
    const points = morrisTrajectories(12, 3, createStream('m', 'x'));
    const y = points.map((p) => p[0] ** 2 + p[1] * p[2]);
    const a = morrisEffects(points, y, 3, createStream('m', 'b'), 300);
    expect(a).toEqual(morrisEffects(points, y, 3, createStream('m', 'b'), 300));
    for (const m of a) {
      expect(m.muStarLow).toBeLessThanOrEqual(m.muStar);
      expect(m.muStarHigh).toBeGreaterThanOrEqual(m.muStar);
    }
  });
});
