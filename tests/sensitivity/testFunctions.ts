/**
 * Test functions of global sensitivity analysis with known indices, used to
 * check the estimators. Inputs are points of the unit cube.
 */

/** Ishigami & Homma (1990) with the usual a = 7, b = 0.1; inputs uniform on [−π, π]. */
export const ISHIGAMI = { a: 7, b: 0.1 };

export function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + ISHIGAMI.a * Math.sin(x2) ** 2 + ISHIGAMI.b * x3 ** 4 * Math.sin(x1);
}

/**
 * Analytical first-order and total indices of the Ishigami function
 * (Saltelli et al. 2004, §2.7; Sobol' & Levitan 1999):
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = 8b²π⁸/225, V = V1 + V2 + V13 + V3 (V3 = 0).
 */
export function ishigamiIndices(): { first: number[]; total: number[] } {
  const { a, b } = ISHIGAMI;
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi4 * pi4) / 225;
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol' G function coefficients of Saltelli et al. (2010): x1 matters most, x5..x8 hardly. */
export const G_COEFFICIENTS = [0, 1, 4.5, 9, 99, 99, 99, 99];

/** g(u) = Π_i (|4u_i − 2| + a_i) / (1 + a_i). */
export function sobolG(u: readonly number[]): number {
  return u.reduce((product, v, i) => product * ((Math.abs(4 * v - 2) + G_COEFFICIENTS[i]) / (1 + G_COEFFICIENTS[i])), 1);
}

/** V_i = 1 / (3(1 + a_i)²); V = Π(1 + V_i) − 1; S_i = V_i / V; S_Ti = V_i Π_{j≠i}(1 + V_j) / V. */
export function sobolGIndices(): { first: number[]; total: number[] } {
  const partial = G_COEFFICIENTS.map((a) => 1 / (3 * (1 + a) ** 2));
  const product = partial.reduce((p, v) => p * (1 + v), 1);
  const v = product - 1;
  return { first: partial.map((vi) => vi / v), total: partial.map((vi) => (vi * product) / (1 + vi) / v) };
}
