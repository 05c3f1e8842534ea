import { describe, expect, it } from 'vitest';
import { evenlySpaced, fullGrid } from '../../analysis/designs/fullGrid.js';
import { latinHypercube } from '../../analysis/designs/latinHypercube.js';
import { pickByShare, scaleToRange } from '../../analysis/designs/scaleToRange.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from '../../analysis/designs/sobolSequence.js';
import { createStream } from '../../sim/model/random.js';

describe('sobolSequence', () => {
  it('starts with the published unscrambled points of the first two dimensions', () => {
    // Joe & Kuo (2008) dimension 1 is van der Corput; dimension 2 has m1 = 1.
    expect(sobolSequence(8, 2)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ]);
  });

  it('puts exactly one of the first 2^m points in each interval [i/2^m, (i+1)/2^m) of every dimension', () => {
    const m = 8;
    const points = sobolSequence(2 ** m, SOBOL_MAX_DIMENSIONS);
    for (let k = 0; k < SOBOL_MAX_DIMENSIONS; k++) {
      const cells = new Set(points.map((p) => Math.floor(p[k] * 2 ** m)));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('puts one of the first 16 points in each cell of a 4 × 4 grid of any two of the first dimensions (a (0,4,2)-net)', () => {
    const points = sobolSequence(16, 2);
    const cells = new Set(points.map((p) => `${Math.floor(p[0] * 4)},${Math.floor(p[1] * 4)}`));
    expect(cells.size).toBe(16);
  });

  it('skips leading points on request and rejects too many dimensions', () => {
    expect(sobolSequence(4, 3, 4)).toEqual(sobolSequence(8, 3).slice(4));
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(/supports 1 to/);
  });

  it('integrates a smooth function better than its worst case: mean of Π 2u over 1024 points in 5 dimensions is within 0.01 of 1', () => {
    const points = sobolSequence(1024, 5);
    const average = points.reduce((sum, p) => sum + p.reduce((prod, v) => prod * 2 * v, 1), 0) / points.length;
    expect(Math.abs(average - 1)).toBeLessThan(0.01);
  });
});

describe('latinHypercube', () => {
  it('puts exactly one point in each of n strata of every dimension', () => {
    const points = latinHypercube(20, 4, createStream('test', 'lhs'));
    for (let k = 0; k < 4; k++) {
      expect(new Set(points.map((p) => Math.floor(p[k] * 20))).size).toBe(20);
    }
  });

  it('is the same for the same stream and differs for another', () => {
    expect(latinHypercube(5, 2, createStream('a', 'lhs'))).toEqual(latinHypercube(5, 2, createStream('a', 'lhs')));
    expect(latinHypercube(5, 2, createStream('a', 'lhs'))).not.toEqual(latinHypercube(5, 2, createStream('b', 'lhs')));
  });
});

describe('fullGrid', () => {
  it('lists every combination, the last value changing fastest', () => {
    expect(fullGrid<number | string>([[1, 2], ['a', 'b', 'c']])).toEqual([
      [1, 'a'],
      [1, 'b'],
      [1, 'c'],
      [2, 'a'],
      [2, 'b'],
      [2, 'c'],
    ]);
  });

  it('spaces levels evenly with both ends included', () => {
    expect(evenlySpaced(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(evenlySpaced(0.3, 0.9, 3)[2]).toBe(0.9);
    expect(evenlySpaced(2, 4, 1)).toEqual([3]);
  });
});

describe('scaleToRange and pickByShare', () => {
  it('map unit coordinates to a range and to listed values', () => {
    expect(scaleToRange(0.25, 10, 20)).toBe(12.5);
    expect(scaleToRange(1, 0.1, 0.3)).toBe(0.3);
    expect([0, 0.33, 0.34, 0.99].map((u) => pickByShare(u, ['a', 'b', 'c']))).toEqual(['a', 'a', 'b', 'c']);
  });
});
