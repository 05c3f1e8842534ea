import { Flag, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import { REGIME_CODE } from '../params/places.js';
import type { PairParams } from '../params/compileParams.js';
import type { World } from '../world.js';
import { countryRules } from './employment.js';

/**
 * Summary of rule: a migrant abroad is legal when registered (or still
 * within the registration deadline) and entitled to what they do:
 * - working formally needs a valid document for this job: an employer-tied
 *   permit naming this employer, a worker-tied or open permit, or, under
 *   free movement, the contract itself (regimes RU17);
 * - working informally is never legal (003 L1320–1337: a migrant becomes
 *   illegal by working without a permit);
 * - without work: under employer-tied permits a registered visitor is legal;
 *   under worker-tied permits only with a permit or within the application
 *   window (regimes RU10, RU20); under free movement only within the grace
 *   period after a contract or the registration window after arrival (RU17).
 * Detained and listed people are irregular.
 */
export function isLegal(world: World, i: number): boolean {
  const m = world.migrants;
  if (m.status[i] !== Status.Abroad) return false;
  if (m.flags[i] & Flag.OnRegistry) return false;
  const day = world.day;
  const pair = pairOf(world, i);
  const registered =
    (m.registration[i] !== Registration.None && m.registeredUntil[i] >= day) ||
    day <= m.arrivalDay[i] + pair.registrationDays;
  if (!registered) return false;
  const employer = m.employer[i];
  const permitValid = m.permitUntil[i] >= day;
  const regime = pair.regimeCode;
  if (employer !== NO_ONE) {
    if (!(m.flags[i] & Flag.Formal)) return false;
    if (!permitValid) return regime === REGIME_CODE['free-movement'];
    const permit = m.permit[i];
    if (permit === Permit.WorkerTied || permit === Permit.Open) return true;
    if (permit === Permit.EmployerTied) return m.permitEmployer[i] === employer;
    return regime === REGIME_CODE['free-movement'];
  }
  if (regime === REGIME_CODE['employer-tied']) {
    return m.permit[i] !== Permit.EmployerTied || permitValid;
  }
  if (regime === REGIME_CODE['worker-tied']) {
    return (permitValid && m.permit[i] !== Permit.None) || day <= m.arrivalDay[i] + countryRules(world, m.region[i]).permitApplicationDays;
  }
  return day <= Math.max(m.graceUntil[i], m.arrivalDay[i] + pair.registrationDays);
}

/** The rules for migrant i's citizenship in the country where they are. */
export function pairOf(world: World, i: number): PairParams {
  const p = world.params;
  return p.pair[world.migrants.origin[i] * p.places.destinations.length + p.places.countryOf[world.migrants.region[i]]];
}
