import { Flag, Permit, Registration, Status } from '../../sim/model/state/codes.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';
import { DAYS_PER_WEEK, WEEKS_PER_YEAR } from '../../sim/model/time.js';
import type { AgentSnapshot } from './agentSnapshot.js';

/** Which part of "How it works" explains an event. */
export type MechanismKey = 'migrants' | 'brokers' | 'employers' | 'police' | 'state';

/**
 * One thing that happened to the followed migrant: found by comparing two
 * weeks of its state, or (police, bribes, fines, fees, remittances) recorded
 * by the model's rules for the traced agent (sim/model/state/trace.ts).
 */
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
  | { readonly week: number; readonly kind: 'returned'; readonly savings: number }
  | { readonly week: number; readonly kind: 'moved'; readonly region: string }
  | { readonly week: number; readonly kind: 'stop'; readonly raid: boolean }
  | { readonly week: number; readonly kind: 'nothing-found' | 'fraud' | 'aged-out' }
  | { readonly week: number; readonly kind: 'bribe'; readonly amount: number; readonly by: 'migrant' | 'broker' | 'employer' }
  | { readonly week: number; readonly kind: 'fine' | 'broker-fee' | 'fake-document' | 'permit-paid' | 'arrears-paid'; readonly amount: number }
  /** What reached home over a month (the weeks from `week` to `toWeek`). */
  | { readonly week: number; readonly kind: 'remittance'; readonly amount: number; readonly toWeek: number };

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
  moved: 'migrants',
  stop: 'police',
  'nothing-found': 'police',
  bribe: 'police',
  fine: 'police',
  'broker-fee': 'brokers',
  fraud: 'brokers',
  'fake-document': 'brokers',
  'permit-paid': 'state',
  'arrears-paid': 'employers',
  remittance: 'migrants',
  'aged-out': 'migrants',
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
    if (wasAbroad && before.region !== now.region) events.push({ week, kind: 'moved', region: now.region });
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

/** Month of the horizon a week falls in (12 a year), for monthly sums of remittances. */
function monthOf(week: number): number {
  return Math.floor(((week - 1) * 12) / WEEKS_PER_YEAR);
}

/**
 * The model's own events that the weekly states cannot show (a stop that
 * found nothing, a bribe, a fine, fees, remittances, ageing out of the
 * pool of potential migrants), as story events.
 * Departures, documents, withheld pay, detention, removal and return are
 * told from the states, so they are not repeated here. Weekly remittances
 * are summed by month, so a long stay does not fill the page.
 */
export function modelStoryEvents(trace: readonly TraceEvent[]): StoryEvent[] {
  const events: StoryEvent[] = [];
  let sent: { week: number; toWeek: number; amount: number } | undefined;
  const flushSent = (): void => {
    if (sent) events.push({ week: sent.week, kind: 'remittance', amount: sent.amount, toWeek: sent.toWeek });
    sent = undefined;
  };
  for (const e of trace) {
    const week = e.week;
    const amount = e.amount ?? 0;
    if (e.kind === 'remittance') {
      if (sent && monthOf(sent.week) === monthOf(week)) {
        sent.amount += amount;
        sent.toWeek = week;
      } else {
        flushSent();
        sent = { week, toWeek: week, amount };
      }
      continue;
    }
    if (sent && monthOf(sent.week) !== monthOf(week)) flushSent();
    switch (e.kind) {
      case 'police-stop':
        events.push({ week, kind: 'stop', raid: e.how === 'raid' });
        break;
      case 'nothing-found':
        events.push({ week, kind: 'nothing-found' });
        break;
      case 'broker-fraud':
        events.push({ week, kind: 'fraud' });
        break;
      case 'aged-out':
        events.push({ week, kind: 'aged-out' });
        break;
      case 'bribe':
        events.push({ week, kind: 'bribe', amount, by: e.how === 'broker' || e.how === 'employer' ? e.how : 'migrant' });
        break;
      case 'fine':
      case 'broker-fee':
      case 'fake-document':
      case 'permit-paid':
      case 'arrears-paid':
        events.push({ week, kind: e.kind, amount });
        break;
      default:
        break;
    }
  }
  flushSent();
  // A month's sum is dated by its first week, so it can come out after later events of that month: order by week (a stable sort).
  return events.sort((a, b) => a.week - b.week);
}

/**
 * The story of one agent from its weekly states (week 0 first): where it
 * starts, then every change the model made to it, with the model's own
 * events for the traced agent (if any) merged in by week, after the
 * changes of that week. A pure function, so the page and the tests tell
 * the same story from the same states and events.
 */
export function storyEvents(weeks: readonly AgentSnapshot[], trace: readonly TraceEvent[] = []): StoryEvent[] {
  const fromStates = statesStory(weeks);
  const fromModel = modelStoryEvents(trace);
  if (fromModel.length === 0) return fromStates;
  const merged: StoryEvent[] = [];
  let k = 0;
  for (const event of fromStates) {
    while (k < fromModel.length && fromModel[k].week < event.week) merged.push(fromModel[k++]);
    merged.push(event);
  }
  // Model events after the last state change, or after the states seen so far.
  while (k < fromModel.length) merged.push(fromModel[k++]);
  return merged;
}

function statesStory(weeks: readonly AgentSnapshot[]): StoryEvent[] {
  if (weeks.length === 0) return [];
  const first = weeks[0];
  const events: StoryEvent[] =
    first.status === Status.AtHome
      ? [{ week: first.week, kind: 'start-home', savings: first.savings }]
      : [{ week: first.week, kind: 'start-abroad', region: first.region }];
  for (let k = 1; k < weeks.length; k++) events.push(...changes(weeks[k - 1], weeks[k]));
  return events;
}
