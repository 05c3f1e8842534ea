import { countryRules } from '../actions/employment.js';
import { transfer } from '../actions/transfer.js';
import { REGIME_CODE } from '../params/places.js';
import { Payment } from '../state/accounts.js';
import { SLOT_KINDS, SlotKind } from '../state/employerSlots.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK, DAYS_PER_YEAR, yearOfWeek, yearStartWeek } from '../time.js';
import type { World } from '../world.js';
import { formalCostMonthly, formalPropensity } from '../decisions/formality.js';

/**
 * Summary of rule: under quota.mode applications, quota.application_weeks
 * before each quota year every employer of the country applies for slots
 * for that year (004 L1217–1225: the quota follows employers'
 * applications; 003 L2057–2073: the employer applies, with proof of a
 * search for citizens, and is granted a number of workers). It applies for
 * the slots it expects to need (its hires and renewals that needed a
 * permit over the past year, slot or none; before it has a record, one per
 * job), times its willingness to hire formally (its propensity to
 * formality with a permit, decisions/formality.ts), times the share of those positions it
 * finds worth the procedure: the monthly cost of a formal worker against
 * that cost plus quota.application_cost spread over a permit's months and
 * divided by the chance that a slot applied for brings a worker (this
 * year's permits on its slots per slot applied so far). So applications
 * fall smoothly as the cost rises or workers are harder to get
 * (003 L2116–2122: employers avoid a costly procedure). It pays
 * quota.application_cost per slot applied.
 */
export function fileQuotaApplications(world: World): void {
  const { places, dest } = world.params;
  const emp = world.employers;
  const nextYear = yearOfWeek(world.week) + 1;
  for (let c = 0; c < places.destinations.length; c++) {
    const d = dest[c];
    if (d.quotaMode !== 'applications' || world.week !== yearStartWeek(nextYear) - d.quotaApplicationWeeks || !needsEmployerPermits(world, c)) continue;
    for (let e = emp.regionStart[places.countryStart[c]]; e < emp.regionStart[places.countryStart[c + 1]]; e++) {
      applyForSlots(world, e, world.slots.pending, world.slots.pendingExpected);
      world.slots.pendingYear[e] = nextYear;
    }
  }
}

/**
 * Employer e applies for slots now, paying for them: the slots of each
 * kind go to `out` and the slots it expects to need to `expected`
 * (world.slots.pending and pendingExpected for the next year, or applied
 * and expected for the year in force), and its record of needs starts
 * again.
 */
export function applyForSlots(world: World, e: number, out: Float64Array, expected: Float64Array): void {
  const s = world.slots;
  const d = countryRules(world, world.employers.region[e]);
  const k = e * SLOT_KINDS;
  const perYear = DAYS_PER_YEAR / DAYS_PER_WEEK / Math.max(1, world.week - s.needsSince[e]);
  const formalCost = formalCostMonthly(world, e, true);
  const willing = formalPropensity(world, e, true);
  const months = d.permitValidityDays / DAYS_PER_MONTH;
  const cost = d.quotaApplicationCost;
  const worth = cost > 0 ? formalCost / (formalCost + cost / (months * slotYield(world, e))) : 1;
  let slots = 0;
  for (let kind = 0; kind < SLOT_KINDS; kind++) {
    expected[k + kind] = s.needs[k + kind] * perYear;
    out[k + kind] = expected[k + kind] * willing * worth;
    s.needs[k + kind] = 0;
    slots += out[k + kind];
  }
  s.needsSince[e] = world.week;
  const region = world.employers.region[e];
  if (slots > 0 && cost > 0) transfer(world, Payment.quota_application, e, world.params.places.countryOf[region], cost * slots, region);
}

/**
 * The employer's chance that a slot it applies for brings a worker: this
 * year's permits on its slots per slot applied for so far in the year
 * (applications spread evenly over it), counting one slot applied and used
 * beforehand so that it is 1 without a record and never 0.
 */
function slotYield(world: World, e: number): number {
  const s = world.slots;
  const k = e * SLOT_KINDS;
  const elapsed = (world.week - world.quotaYearStart) / Math.max(1, world.quotaYearEnd - world.quotaYearStart);
  const used = s.used[k + SlotKind.General] + s.used[k + SlotKind.Farm];
  const applied = (s.applied[k + SlotKind.General] + s.applied[k + SlotKind.Farm]) * elapsed;
  return Math.min(1, (used + 1) / (applied + 1));
}

/** Whether citizens of some origin need employer-tied permits in country c (employers apply for nothing else). */
export function needsEmployerPermits(world: World, c: number): boolean {
  const { places, pair } = world.params;
  const countries = places.destinations.length;
  for (let o = 0; o < places.origins.length; o++) if (pair[o * countries + c].regimeCode === REGIME_CODE['employer-tied']) return true;
  return false;
}

/**
 * Summary of rule: an employer spreads its slots over the year (quota.mode
 * applications). It applied for a share of the permits it expected to
 * need; when a hire or a renewal needs a permit, it uses a slot with the
 * chance that its slots left cover the needs it still expects this year,
 * at most 1. It expects its needs for the year from what it expected when
 * applying, revised by the pace of its needs so far (each weighed by the
 * part of the year it speaks for), times the share of the year left. So
 * each employer makes its planned share of foreign hires formal all year
 * round rather than spending its slots in January, uses slots left over
 * late in the year, and leaves unused the slots whose workers never came.
 */
export function slotUseChance(world: World, e: number, farm: boolean): number {
  const s = world.slots;
  const k = e * SLOT_KINDS + (farm && s.used[e * SLOT_KINDS + SlotKind.Farm] < s.granted[e * SLOT_KINDS + SlotKind.Farm] ? SlotKind.Farm : SlotKind.General);
  const left = s.granted[k] - s.used[k];
  const elapsed = (world.week - world.quotaYearStart) / Math.max(1, world.quotaYearEnd - world.quotaYearStart);
  const yearNeeds = (s.expected[k] + s.needsThisYear[k]) / (1 + elapsed);
  const needsLeft = yearNeeds * (1 - elapsed);
  return needsLeft > left ? left / needsLeft : 1;
}
