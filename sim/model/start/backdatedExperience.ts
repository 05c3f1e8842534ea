import { workingDays } from '../actions/newcomer.js';
import type { Rng } from '../random.js';
import { Experience, FOREVER } from '../state/codes.js';
import { DAYS_PER_WEEK } from '../time.js';
import type { World } from '../world.js';
import { alikeGroupCount, originOfGroup, type AlikeGroups } from './alikeGroups.js';

/** The kinds of experience that colour beliefs (decisions/perception.ts), and so the ones worth back-dating. */
const KINDS = [Experience.Caught, Experience.Defrauded] as const;
/**
 * Weeks at risk with which a group's estimate leans on its origin's: a
 * small group's few first experiences would make its chance noisy, and a
 * noisy chance under-states the experience of long working lives (the
 * chance of having had it is concave in the weekly chance).
 */
const ORIGIN_WEIGHT = 2000;

/** What the burn-in keeps between weeks to back-date experience. */
export interface ExperienceHistory {
  /** By kind × group of alike people: first experiences, and weeks people spent at risk of one, since the burn-in settled (before: since it began). */
  readonly firsts: Float64Array;
  readonly atRisk: Float64Array;
  readonly firstDay: number;
  readonly settledDay: number;
  /**
   * Per first holder of a place and kind: −ln(1 − u) / y for a uniform
   * draw u, fixed for the run, and y the weeks they had been in the pool
   * when the burn-in began. They had the experience before with chance
   * 1 − (1 − c)^y for a weekly chance c, that is when the threshold is
   * below −ln(1 − c); Infinity for nobody's past.
   */
  readonly threshold: Float32Array;
  /** Per person: the kinds of experience that are back-dated (bits), and the kinds they had a week ago. */
  readonly backdated: Uint8Array;
  readonly lastWeek: Uint8Array;
}

export function createExperienceHistory(world: World, rng: Rng, settleWeeks: number): ExperienceHistory {
  const m = world.migrants;
  const span = workingDays(world.params);
  const threshold = new Float32Array(m.count * KINDS.length);
  for (let i = 0; i < m.count; i++) {
    // Years in the pool are spread evenly: someone with r days left had been in it span − r days.
    const weeksBefore = span === FOREVER ? 0 : (world.day + span - m.agesOutDay[i]) / DAYS_PER_WEEK;
    for (let k = 0; k < KINDS.length; k++) {
      const u = rng();
      threshold[i * KINDS.length + k] = weeksBefore > 0 ? -Math.log(1 - u) / weeksBefore : Infinity;
    }
  }
  const cells = KINDS.length * alikeGroupCount(world.params);
  return {
    firsts: new Float64Array(cells),
    atRisk: new Float64Array(cells),
    firstDay: world.day,
    settledDay: world.day + settleWeeks * DAYS_PER_WEEK,
    threshold,
    backdated: new Uint8Array(m.count),
    lastWeek: new Uint8Array(m.count),
  };
}

/**
 * Experience from before the burn-in. Being caught or defrauded colours
 * a migrant's beliefs for as long as they are in the pool, so at a steady
 * state most of the pool has been caught at some time in their working
 * years, while a burn-in of a few years leaves most of it untouched;
 * without this, caution would keep spreading through the horizon.
 *
 * After each week of the burn-in, for each kind of experience and group
 * of alike people (alikeGroups.ts), the weekly chance of a first such
 * experience is estimated from those who have none: first experiences
 * over weeks at risk, counted since the burn-in settled (since it began,
 * while it settles), leaning on the origin's chance for small groups.
 * Someone who was already in the pool when the burn-in began, for y weeks
 * by then (their years in the pool are spread evenly), has had it before
 * with chance 1 − (1 − weekly chance)^y: they are given it when their own
 * draw falls within that chance, and it is taken back if a later estimate
 * is lower. Newcomers have no past. Without renewal
 * (population.working_years null) experience has no steady state, and
 * none is back-dated.
 */
export function backdateExperience(world: World, history: ExperienceHistory, alike: AlikeGroups): void {
  const m = world.migrants;
  const p = world.params;
  const span = workingDays(p);
  if (span === FOREVER) return;
  const groups = alikeGroupCount(p);
  const { firsts, atRisk, threshold } = history;
  const group = alike.group;
  // The rush of the first weeks says little about a steady state: count afresh once the burn-in has settled.
  if (world.day === history.settledDay) {
    firsts.fill(0);
    atRisk.fill(0);
  }
  // Who had a first experience this week, and who was at risk of one (none of that kind, real or back-dated, last week).
  for (let i = 0; i < m.count; i++) {
    const g = group[i];
    const had = history.lastWeek[i];
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[k];
      if (had & kind) continue;
      atRisk[k * groups + g]++;
      if (m.experience[i] & kind) firsts[k * groups + g]++;
    }
  }
  // −ln(1 − weekly chance) per kind × group, against which each person's threshold is compared.
  const hazard = weeklyChances(firsts, atRisk, groups, p.places.origins.length).map((c) => -Math.log1p(-Math.min(c, 1 - 1e-12)));
  for (let i = 0; i < m.count; i++) {
    // A place whose first holder aged out holds a newcomer, who has no past before the burn-in.
    if (m.agesOutDay[i] >= history.firstDay + span) {
      history.backdated[i] = 0;
    } else {
      for (let k = 0; k < KINDS.length; k++) {
        const kind = KINDS[k];
        if (threshold[i * KINDS.length + k] < hazard[k * groups + group[i]]) {
          if (!(m.experience[i] & kind)) {
            m.experience[i] |= kind;
            history.backdated[i] |= kind;
          }
        } else if (history.backdated[i] & kind) {
          m.experience[i] &= ~kind;
          history.backdated[i] &= ~kind;
        }
      }
    }
    history.lastWeek[i] = m.experience[i];
  }
}

/**
 * Weekly chance of a first experience per kind × group: first experiences
 * over weeks at risk, with ORIGIN_WEIGHT weeks at the origin's own chance
 * added to each group.
 */
function weeklyChances(firsts: Float64Array, atRisk: Float64Array, groups: number, origins: number): Float64Array {
  const chances = new Float64Array(firsts.length);
  for (let k = 0; k < firsts.length / groups; k++) {
    const originFirsts = new Float64Array(origins);
    const originAtRisk = new Float64Array(origins);
    for (let g = 0; g < groups; g++) {
      originFirsts[originOfGroup(g)] += firsts[k * groups + g];
      originAtRisk[originOfGroup(g)] += atRisk[k * groups + g];
    }
    for (let g = 0; g < groups; g++) {
      const o = originOfGroup(g);
      const prior = originAtRisk[o] > 0 ? originFirsts[o] / originAtRisk[o] : 0;
      const cell = k * groups + g;
      chances[cell] = Math.min(1, (firsts[cell] + ORIGIN_WEIGHT * prior) / (atRisk[cell] + ORIGIN_WEIGHT));
    }
  }
  return chances;
}

