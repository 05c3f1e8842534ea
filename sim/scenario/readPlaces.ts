import { isScalar, isSeq } from 'yaml';
import { GROUP_NAMES } from '../model/params/registry.js';
import { mergePlaces, placesProblems, type PlacesSpec } from '../model/params/places.js';
import { readMapping } from './readMapping.js';
import { describeNode, type ValueNode, type YamlSource } from './yamlSource.js';

const PLACES_KEYS = ['origins', 'destinations'] as const;

/**
 * Reads `places:` — `origins:` and `destinations:`, each a mapping of
 * country to its list of regions — and adds it to the places declared by
 * the bases before (new countries, and new regions of known countries).
 * The first file of a chain to declare places declares both sides.
 * Problems are reported at the `places:` node; the places before are kept
 * when the new ones are not valid.
 */
export function readPlaces(src: YamlSource, node: ValueNode | null, before: PlacesSpec | undefined): PlacesSpec | undefined {
  if (node === null) return before;
  const entries = readMapping(src, node, PLACES_KEYS, 'places');
  if (!entries) return before;
  const added: { origins?: Record<string, string[]>; destinations?: Record<string, string[]> } = {};
  let ok = true;
  for (const side of PLACES_KEYS) {
    const entry = entries.get(side);
    if (!entry) continue;
    const countries = readMapping(src, entry.value, null, `places.${side}`);
    if (!countries) {
      ok = false;
      continue;
    }
    const out: Record<string, string[]> = {};
    for (const [country, { key, value }] of countries) {
      const regions = isSeq(value) ? value.items.map((item) => src.resolve(item)) : null;
      if (!regions || regions.length === 0) {
        const got = isSeq(value) ? 'an empty list' : describeNode(value);
        src.report(value ?? key, `places.${side}.${country}: expected a list of at least one region, got ${got}`);
        ok = false;
        continue;
      }
      out[country] = [];
      for (const region of regions) {
        if (isScalar(region) && typeof region.value === 'string') out[country].push(region.value);
        else {
          src.report(region ?? value, `places.${side}.${country}: expected a region name, got ${describeNode(region)}`);
          ok = false;
        }
      }
    }
    added[side] = out;
  }
  const merged = mergePlaces(before ?? { origins: {}, destinations: {} }, added);
  const problems = placesProblems(merged, GROUP_NAMES);
  for (const problem of problems) src.report(node, problem);
  return ok && problems.length === 0 ? merged : before;
}
