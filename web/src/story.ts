import { Flag, Permit, Registration, Status } from '../../sim/model/state/codes.js';
import { DAYS_PER_WEEK } from '../../sim/model/time.js';
import type { AgentSnapshot } from './agentSnapshot.js';

/** Which part of "How it works" explains an event. */
export type MechanismKey = 'migrants' | 'brokers' | 'employers' | 'police' | 'state';

/** One thing that happened to the followed migrant, found by comparing two weeks of its state. */
export type StoryEvent =
  | { readonly week: number; readonly kind: 'start-home'; readonly savings: number }
  | { readonly week: number; readonly kind: 'start-abroad'; readonly region: string }
  | { readonly week: number; readonly kind: 'departure'; readonly region: string }
  | { readonly week: number; readonly kind: 'broker' | 'broker-end' }
  | { readonly week: number; readonly kind: 'registered'; readonly how: 'own' | 'employer' | 'rubber' | 'digital' }
  | { readonly week: number; readonly kind: 'registration-lost' }
  | { readonly week: number; readonly kind: 'permit'; readonly document: 'employer-tied' | 'worker-tied' | 'open' }
  | { readonly week: number; readonly kind: 'permit-lost' | 'legal' | 'irregular' | 'job-lost' | 'passport' | 'passport-back' }
  | { readonly week: number; readonly kind: 'job'; readonly formal: boolean; readonly wage: number }
  | { readonly week: number; readonly kind: 'withheld'; readonly amount: number }
  | { readonly week: number; readonly kind: 'registry' | 'registry-off' | 'detained' }
  | { readonly week: number; readonly kind: 'removed'; readonly untilWeek: number }
  | { readonly week: number; readonly kind: 'returned'; readonly savings: number };

export type StoryEventKind = StoryEvent['kind'];

/** The mechanism behind each kind of event, for its "how this works" link. */
export const EVENT_MECHANISM: Readonly<Record<StoryEventKind, MechanismKey>> = {
  'start-home': 'migrants',
  'start-abroad': 'migrants',
  departure: 'migrants',
  broker: 'brokers',
  'broker-end': 'brokers',
  registered: 'migrants',
  'registration-lost': 'state',
  permit: 'state',
  'permit-lost': 'state',
  legal: 'state',
  irregular: 'state',
  job: 'employers',
  'job-lost': 'employers',
  passport: 'employers',
  'passport-back': 'employers',
  withheld: 'employers',
  registry: 'state',
  'registry-off': 'state',
  detained: 'police',
  removed: 'police',
  returned: 'migrants',
};

const REGISTRATION_HOW = {
  [Registration.OwnAddress]: 'own',
  [Registration.EmployerAddress]: 'employer',
  [Registration.RubberAddress]: 'rubber',
  [Registration.Digital]: 'digital',
} as const;

const PERMIT_DOCUMENT = {
  [Permit.EmployerTied]: 'employer-tied',
  [Permit.WorkerTied]: 'worker-tied',
  [Permit.Open]: 'open',
} as const;

const has = (flags: number, flag: number): boolean => (flags & flag) !== 0;

/** What changed between two consecutive weeks of one agent, in the order a week runs its rules. */
function changes(before: AgentSnapshot, now: AgentSnapshot): StoryEvent[] {
  const week = now.week;
  const events: StoryEvent[] = [];
  const wasAbroad = before.status !== Status.AtHome;
  const isAbroad = now.status !== Status.AtHome;
  if (!wasAbroad && isAbroad) events.push({ week, kind: 'departure', region: now.region });
  if (before.broker < 0 && now.broker >= 0) events.push({ week, kind: 'broker' });
  if (isAbroad) {
    if (before.registration !== now.registration) {
      if (now.registration === Registration.None) events.push({ week, kind: 'registration-lost' });
      else events.push({ week, kind: 'registered', how: REGISTRATION_HOW[now.registration as keyof typeof REGISTRATION_HOW] ?? 'own' });
    }
    if (before.permit !== now.permit) {
      if (now.permit === Permit.None) events.push({ week, kind: 'permit-lost' });
      else events.push({ week, kind: 'permit', document: PERMIT_DOCUMENT[now.permit as keyof typeof PERMIT_DOCUMENT] ?? 'worker-tied' });
    }
    if (before.employer !== now.employer && now.employer >= 0) events.push({ week, kind: 'job', formal: has(now.flags, Flag.Formal), wage: now.wage });
    if (before.employer >= 0 && now.employer < 0) events.push({ week, kind: 'job-lost' });
    if (wasAbroad && has(before.flags, Flag.Legal) !== has(now.flags, Flag.Legal)) events.push({ week, kind: has(now.flags, Flag.Legal) ? 'legal' : 'irregular' });
    if (!wasAbroad && has(now.flags, Flag.Legal)) events.push({ week, kind: 'legal' });
    if (!has(before.flags, Flag.PassportHeld) && has(now.flags, Flag.PassportHeld)) events.push({ week, kind: 'passport' });
    if (before.arrears <= 0 && now.arrears > 0) events.push({ week, kind: 'withheld', amount: now.arrears });
    if (!has(before.flags, Flag.OnRegistry) && has(now.flags, Flag.OnRegistry)) events.push({ week, kind: 'registry' });
    if (before.status !== Status.Detained && now.status === Status.Detained) events.push({ week, kind: 'detained' });
  }
  if (has(before.flags, Flag.PassportHeld) && !has(now.flags, Flag.PassportHeld)) events.push({ week, kind: 'passport-back' });
  if (has(before.flags, Flag.OnRegistry) && !has(now.flags, Flag.OnRegistry)) events.push({ week, kind: 'registry-off' });
  if (before.broker >= 0 && now.broker < 0) events.push({ week, kind: 'broker-end' });
  if (wasAbroad && !isAbroad) {
    if (now.bannedUntil > now.day) events.push({ week, kind: 'removed', untilWeek: Math.floor(now.bannedUntil / DAYS_PER_WEEK) });
    // Savings are carried home on return, so the amount is the last week's abroad.
    else events.push({ week, kind: 'returned', savings: before.savings });
  }
  return events;
}

/**
 * The story of one agent from its weekly states (week 0 first): where it
 * starts, then every change the model made to it. A pure function, so the
 * page and the tests tell the same story from the same states.
 */
export function storyEvents(weeks: readonly AgentSnapshot[]): StoryEvent[] {
  if (weeks.length === 0) return [];
  const first = weeks[0];
  const events: StoryEvent[] =
    first.status === Status.AtHome
      ? [{ week: first.week, kind: 'start-home', savings: first.savings }]
      : [{ week: first.week, kind: 'start-abroad', region: first.region }];
  for (let k = 1; k < weeks.length; k++) events.push(...changes(weeks[k - 1], weeks[k]));
  return events;
}
