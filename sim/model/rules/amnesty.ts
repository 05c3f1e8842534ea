import { countryRules, issueEmployerTiedPermit } from '../actions/employment.js';
import { flowsOf } from '../actions/flows.js';
import { COLUMN } from '../indicators.js';
import { Flag, NO_ONE, Permit, Registration, Status } from '../state/codes.js';
import type { World } from '../world.js';

/**
 * Summary of rule: while an amnesty window is open, an irregular migrant in
 * informal work is legalised with amnesty.take_up_weekly: under the
 * employer-tied kind the employer applies and the permit names it
 * (Kazakhstan 2006: 003 L2155–2161, L2189–2191); under the open kind the
 * migrant gets a worker-tied permit. Either lasts amnesty.validity_days and
 * then lapses like any permit (003 L2197–2203). People without a passport
 * in hand or on the registry are excluded (003 L2191–2195).
 */
export function amnesty(world: World): void {
  if (!world.params.dest.some((d) => d.amnestyOpen)) return;
  const m = world.migrants;
  const rng = world.rng.paperwork;
  for (let i = 0; i < m.count; i++) {
    if (m.status[i] !== Status.Abroad || m.flags[i] & (Flag.Legal | Flag.OnRegistry | Flag.PassportHeld)) continue;
    const p = countryRules(world, m.region[i]);
    if (!p.amnestyOpen) continue;
    const e = m.employer[i];
    if (e === NO_ONE || m.flags[i] & Flag.Formal) continue;
    if (rng() >= p.amnestyTakeUpWeekly) continue;
    if (p.amnestyKind === 'employer-tied') {
      issueEmployerTiedPermit(world, i, e, p.amnestyValidityDays);
      m.registration[i] = Registration.EmployerAddress;
    } else {
      m.permit[i] = Permit.Open;
      m.permitEmployer[i] = NO_ONE;
      m.permitUntil[i] = world.day + p.amnestyValidityDays;
      world.flows[flowsOf(world, m.region[i]) + COLUMN.permits_issued]++;
      m.registration[i] = Registration.OwnAddress;
    }
    m.registeredUntil[i] = m.permitUntil[i];
    m.flags[i] |= Flag.Formal;
    m.flags[i] &= ~Flag.LapseRecorded;
  }
}
