import { workingDays } from '../actions/newcomer.js';
import type { Rng } from '../random.js';
import { FOREVER, NEVER, Status } from '../state/codes.js';
import { DAYS_PER_WEEK } from '../time.js';
import type { World } from '../world.js';
import { alikeGroupCount, type AlikeGroups } from './alikeGroups.js';

/** Weight of one week in the running mean of removals while the burn-in settles (about a quarter's memory). */
const RATE_WEIGHT = 1 / 13;
/** Recent removals kept, per origin and country, as models for whom a back-dated ban goes to. */
const MODELS_KEPT = 500;
/**
 * Bans are evened out in groups by the quarter in which they end:
 * quarters of the calendar (days 0–90, 91–181, …), so that a ban stays in
 * its group as weeks pass and nothing is moved without need.
 */
const BIN_DAYS = 13 * DAYS_PER_WEEK;

/** What the burn-in keeps between weeks to back-date bans. */
export interface BanHistory {
  /**
   * Removals per week, by origin × destination country (in agents): a
   * running mean while the burn-in settles, then the
   * mean since it settled (`removed` over `weeksSettled` weeks), which
   * leans on the running mean it had reached (`settlingRate`) only in its
   * first weeks.
   */
  readonly rate: Float64Array;
  readonly removed: Float64Array;
  readonly settlingRate: Float64Array;
  weeksSettled: number;
  started: boolean;
  /** Bans imposed before this day (before the burn-in, or while it settles) are the ones evened out. */
  readonly settledDay: number;
  readonly rng: Rng;
  /** Per origin × destination country, the village and group of alike people (village × groups + group) of recent removals. */
  readonly models: number[][];
  /** The end of the back-dated ban each person was given (the ban is back-dated while bannedUntil equals it). */
  readonly backdatedUntil: Int32Array;
  /** Scratch lists of migrant ids. */
  readonly free: Int32Array;
  readonly adjustable: Int32Array;
  /** Scratch: for each village × group of alike people, its list's place in `free` this week, −1 if it has none (made on first need). */
  freeList?: Int32Array;
}

/** A history for a burn-in that starts today and settles for `settleWeeks`. */
export function createBanHistory(world: World, rng: Rng, settleWeeks: number): BanHistory {
  const p = world.params;
  const cells = p.places.origins.length * p.places.destinations.length;
  return {
    rate: new Float64Array(cells),
    removed: new Float64Array(cells),
    settlingRate: new Float64Array(cells),
    models: Array.from({ length: cells }, () => []),
    weeksSettled: 0,
    started: false,
    settledDay: world.day + settleWeeks * DAYS_PER_WEEK,
    rng,
    backdatedUntil: new Int32Array(world.migrants.count).fill(NEVER),
    free: new Int32Array(world.migrants.count),
    adjustable: new Int32Array(world.migrants.count),
  };
}

/** Chance that someone removed `daysAgo` days ago has not aged out since (remaining years spread evenly over one span). */
function stillInPool(daysAgo: number, span: number): number {
  return span === FOREVER ? 1 : Math.max(0, 1 - daysAgo / span);
}

/**
 * Bans that began before the burn-in. A burn-in shorter than a re-entry
 * ban starts with nobody banned, so without them the banned stock would
 * still be filling up at week 0, and the rush of removals while the
 * burn-in settles would come back as a wave of ending bans years later.
 *
 * After each week of the burn-in, for every origin and destination
 * country, the bans imposed before the burn-in settled are evened out:
 * grouped by the quarter in which they end, each group is brought to the
 * mean of weekly removals times its weeks (times the chance that the
 * person has not aged out since). The mean is over the weeks since the
 * burn-in settled (a running mean while it settles, on which the mean
 * leans in its first quarter); a gap of one ban is left as rounding. A
 * missing ban goes to someone at home without a ban from the village and
 * the group of alike people (alikeGroups.ts) of one of the model's recent
 * removed, so that bans fall on the people and the networks the model
 * itself removes; it ends on a day drawn evenly over the quarter, as if
 * that person had been removed a ban earlier. A surplus is lifted from
 * people of the quarter, back-dated bans first: lifting the model's own
 * removed, who are the likeliest to be removed again, and banning others
 * in their place would make removals, and so the bans, creep up. Bans
 * count wherever their holders are (someone banned from one country may be
 * working in another). Bans imposed once the burn-in has settled are the
 * model's own and are left
 * alone.
 */
export function backdateBans(world: World, history: BanHistory, alike: AlikeGroups): void {
  const m = world.migrants;
  const p = world.params;
  const origins = p.places.origins.length;
  const countries = p.places.destinations.length;
  const groups = alikeGroupCount(p);
  const day = world.day;
  const span = workingDays(p);
  // Such bans end by the last day of a ban imposed the day before the burn-in settled, per country; the quarters from today's to that day's.
  const lastDay = p.dest.map((d) => history.settledDay - 1 + d.sanctionBanDays);
  const quarterOf = (until: number) => Math.floor(until / BIN_DAYS);
  const firstQuarter = quarterOf(day + 1);
  const bins = Math.max(1, ...lastDay.map((last) => quarterOf(last) - firstQuarter + 1));
  const binOf = (o: number, c: number, until: number) => (o * countries + c) * bins + quarterOf(until) - firstQuarter;
  const imposed = new Float64Array(history.rate.length);
  // Per quarter, back-dated bans (even slots) and the model's own bans from the settling part (odd slots).
  const stock = new Int32Array(origins * countries * bins * 2);
  const slotOf = (i: number, c: number, until: number) => binOf(m.origin[i], c, until) * 2 + (until === history.backdatedUntil[i] ? 0 : 1);
  const group = alike.group;
  // A ban counts wherever its holder is: someone banned from one country may be working in another.
  for (let i = 0; i < m.count; i++) {
    const until = m.bannedUntil[i];
    if (until <= day) continue;
    const c = m.bannedFrom[i];
    const banDays = p.dest[c].sanctionBanDays;
    // Someone removed after their years in the pool were up is replaced next week, ban and all: such a ban does not last.
    if (m.status[i] === Status.AtHome && until === day + banDays && m.agesOutDay[i] > day) {
      const oc = m.origin[i] * countries + c;
      imposed[oc]++;
      const models = history.models[oc];
      models.push(m.village[i] * groups + group[i]);
      if (models.length >= 2 * MODELS_KEPT) models.splice(0, models.length - MODELS_KEPT);
    }
    if (until - banDays < history.settledDay) stock[slotOf(i, c, until)]++;
  }
  // Ids by village and group (free) and by origin × country × quarter (bans to even out), in id order, listed
  // only in a week that has a gap to close: before anyone's ban is changed, so from the state the counts saw.
  let lists: PeopleLists | undefined;
  if (day >= history.settledDay) {
    // Once settled, every week counts alike, so the estimate's noise shrinks as the weeks add up. The settling part's
    // running mean, still swollen by its rush, steadies only the first weeks, with a weight that falls to none in a quarter.
    if (history.weeksSettled === 0) history.settlingRate.set(history.rate);
    history.weeksSettled++;
    const lean = Math.max(0, 1 / RATE_WEIGHT - history.weeksSettled);
    for (let k = 0; k < history.rate.length; k++) {
      history.removed[k] += imposed[k];
      history.rate[k] = (history.removed[k] + lean * history.settlingRate[k]) / (history.weeksSettled + lean);
    }
  } else {
    for (let k = 0; k < history.rate.length; k++) {
      history.rate[k] = history.started ? history.rate[k] + RATE_WEIGHT * (imposed[k] - history.rate[k]) : imposed[k];
    }
  }
  history.started = true;
  for (let o = 0; o < origins; o++) {
    for (let c = 0; c < countries; c++) {
      const perWeek = history.rate[o * countries + c];
      const models = history.models[o * countries + c];
      const banDays = p.dest[c].sanctionBanDays;
      // The quarter under way is left to run out: its bans end by themselves, week by week.
      for (let q = firstQuarter + 1; q <= quarterOf(lastDay[c]); q++) {
        const from = q * BIN_DAYS;
        const width = Math.min(BIN_DAYS, lastDay[c] - from + 1);
        // A ban ending in this quarter was imposed about banDays − (days from today to the middle of the quarter) ago.
        const target = Math.round((perWeek / DAYS_PER_WEEK) * width * stillInPool(banDays - (from + width / 2 - day), span));
        const bin = binOf(o, c, from);
        // A gap of one is rounding as the mean moves: closing it would only swap people in and out week after week.
        const gap = Math.abs(target - stock[bin * 2] - stock[bin * 2 + 1]) <= 1 ? 0 : target - stock[bin * 2] - stock[bin * 2 + 1];
        if (gap === 0) continue;
        lists ??= listPeople(world, history, group, groups, stock, slotOf);
        const { stockStart, stockEnd } = lists;
        for (let k = 0; k < gap; k++) {
          const i = takeAlike(history, models, groups, lists);
          if (i < 0) break;
          m.bannedUntil[i] = from + Math.floor(history.rng() * width);
          history.backdatedUntil[i] = m.bannedUntil[i];
          m.bannedFrom[i] = c;
        }
        // A surplus is lifted from back-dated bans first: the model's own removed are the people most likely to be removed again.
        for (let k = 0; k < -gap; k++) {
          const slot = stockEnd[bin * 2] > stockStart[bin * 2] ? bin * 2 : bin * 2 + 1;
          const i = take(history.adjustable, stockStart[slot], stockEnd[slot], history.rng);
          if (i < 0) break;
          stockEnd[slot]--;
          m.bannedUntil[i] = NEVER;
        }
      }
    }
  }
  if (lists) for (const cell of lists.freeCells) lists.freeList[cell] = -1;
}

/** Where each list starts and, as people are taken from it, ends. */
interface PeopleLists {
  /** The village × group cells that have people free, in the order of their lists (freeList maps back). */
  readonly freeCells: number[];
  readonly freeList: Int32Array;
  /** People free per village, as people are taken. */
  readonly villageFree: Int32Array;
  readonly freeStart: Int32Array;
  readonly freeEnd: Int32Array;
  readonly stockStart: Int32Array;
  readonly stockEnd: Int32Array;
}

/**
 * Lays out in history.free the people at home without a ban, by village
 * and group of alike people, and in history.adjustable the bans to even
 * out, by slot (`stock` holds their counts); each list in id order. Only
 * the cells with someone free get a list: most of the villages × groups
 * have none (a village's people share one origin).
 */
function listPeople(world: World, history: BanHistory, group: Int32Array, groups: number, stock: Int32Array, slotOf: (i: number, c: number, until: number) => number): PeopleLists {
  const m = world.migrants;
  const day = world.day;
  const freeList = (history.freeList ??= new Int32Array(world.villages.size.length * groups).fill(-1));
  const freeCells: number[] = [];
  const freeCount: number[] = [];
  const villageFree = new Int32Array(world.villages.size.length);
  for (let i = 0; i < m.count; i++) {
    if (m.bannedUntil[i] > day || m.status[i] !== Status.AtHome) continue;
    villageFree[m.village[i]]++;
    const cell = m.village[i] * groups + group[i];
    if (freeList[cell] < 0) {
      freeList[cell] = freeCells.length;
      freeCells.push(cell);
      freeCount.push(0);
    }
    freeCount[freeList[cell]]++;
  }
  const freeStart = offsets(freeCount);
  const stockStart = offsets(stock);
  const freeEnd = freeStart.slice(0, freeCount.length);
  const stockEnd = stockStart.slice(0, stock.length);
  for (let i = 0; i < m.count; i++) {
    const until = m.bannedUntil[i];
    if (until <= day) {
      if (m.status[i] === Status.AtHome) history.free[freeEnd[freeList[m.village[i] * groups + group[i]]]++] = i;
      continue;
    }
    const c = m.bannedFrom[i];
    if (until - world.params.dest[c].sanctionBanDays < history.settledDay) history.adjustable[stockEnd[slotOf(i, c, until)]++] = i;
  }
  return { freeCells, freeList, villageFree, freeStart, freeEnd, stockStart, stockEnd };
}

/**
 * Takes someone free (at home, no ban) like one of the model's recent
 * removed: of the same village and group of alike people, or of the same
 * village if that group has nobody free; a few models are tried. −1 if none.
 */
function takeAlike(history: BanHistory, models: readonly number[], groups: number, lists: PeopleLists): number {
  const { freeStart: start, freeEnd: end, villageFree } = lists;
  for (let attempt = 0; attempt < 8 && models.length > 0; attempt++) {
    const model = models[Math.floor(history.rng() * models.length)];
    const village = Math.floor(model / groups);
    // A village with nobody free has no group to try.
    if (villageFree[village] === 0) continue;
    const offset = model - village * groups;
    // The groups from the model's own on, then round from the first.
    for (let k = 0; k < groups; k++) {
      const g = offset + k < groups ? offset + k : offset + k - groups;
      const list = lists.freeList[village * groups + g];
      if (list < 0 || end[list] <= start[list]) continue;
      const i = take(history.free, start[list], end[list], history.rng);
      end[list]--;
      villageFree[village]--;
      return i;
    }
  }
  return -1;
}

/** Running starts of groups laid out one after another; one more entry than counts. */
function offsets(counts: ArrayLike<number>): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) start[k + 1] = start[k] + counts[k];
  return start;
}

/**
 * Draws one id from list[from..to) without replacement: it is swapped to
 * position to − 1, which the caller then leaves out (to − 1). −1 if empty.
 */
function take(list: Int32Array, from: number, to: number, rng: Rng): number {
  if (to <= from) return -1;
  const j = from + Math.floor(rng() * (to - from));
  const id = list[j];
  list[j] = list[to - 1];
  list[to - 1] = id;
  return id;
}
