import type { ModelParams } from '../params/compileParams.js';

/**
 * Villages of origin: each belongs to one origin region and is a network
 * whose members share news and help each other abroad. Villages of a
 * region have contiguous ids.
 */
export interface Villages {
  /** Origin region of each village. */
  readonly originRegion: Uint16Array;
  /** First village id and number of villages of each origin region. */
  readonly first: Int32Array;
  readonly count: Int32Array;
  /** Potential migrants of each village. */
  readonly size: Int32Array;
  /** Members abroad: in all, and in each destination region (abroadIn[village * regions + region]). */
  readonly abroad: Int32Array;
  readonly abroadIn: Int32Array;
  /**
   * abroadIn as the week's pass over migrants (step.ts) began: what a
   * migrant reviewing their stay knows of where their village is, the same
   * for everyone that week whatever the order in which others leave.
   */
  readonly abroadInAtPass: Int32Array;
  /** Departures since the world was built, and those arranged through a broker (how villages use brokers). */
  readonly departures: Int32Array;
  readonly brokerDepartures: Int32Array;
  /** The broker recruiting a group who calls the village this week, or −1 (rules/groupRecruitment.ts). */
  readonly calledBy: Int32Array;
}

/** Shares population.villages among origin regions by their weight of potential migrants (at least one each). */
export function createVillages(params: ModelParams): Villages {
  const { places, g } = params;
  const originTotal = params.origin.reduce((a, o) => a + o.share, 0) || 1;
  const weights = params.originRegion.map((r, k) => {
    const o = places.originOf[k];
    let inOrigin = 0;
    params.originRegion.forEach((x, j) => (inOrigin += places.originOf[j] === o ? x.share : 0));
    return (params.origin[o].share / originTotal) * (inOrigin > 0 ? r.share / inOrigin : 0);
  });
  const regionsOfOrigin = weights.length;
  const count = Int32Array.from(weights, (w) => Math.max(1, Math.round(w * g.populationVillages)));
  const first = new Int32Array(regionsOfOrigin);
  for (let k = 1; k < regionsOfOrigin; k++) first[k] = first[k - 1] + count[k - 1];
  const total = first[regionsOfOrigin - 1] + count[regionsOfOrigin - 1];
  const originRegion = new Uint16Array(total);
  for (let k = 0; k < regionsOfOrigin; k++) originRegion.fill(k, first[k], first[k] + count[k]);
  return {
    originRegion,
    first,
    count,
    size: new Int32Array(total),
    abroad: new Int32Array(total),
    abroadIn: new Int32Array(total * places.regions.length),
    abroadInAtPass: new Int32Array(total * places.regions.length),
    departures: new Int32Array(total),
    brokerDepartures: new Int32Array(total),
    calledBy: new Int32Array(total).fill(-1),
  };
}
