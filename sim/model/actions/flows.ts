import { INDICATORS } from '../indicators.js';
import type { World } from '../world.js';

const WIDTH = INDICATORS.length;

/** Offset of a destination country's flows in world.flows: add `COLUMN.x` to it. */
export function flowsOf(world: World, region: number): number {
  return world.params.places.countryOf[region] * WIDTH;
}
