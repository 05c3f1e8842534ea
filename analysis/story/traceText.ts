import type { TracedAgent } from '../../sim/model/pickAgent.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';

/** A sum of money for a sentence: whole units with thousands separated by spaces, and the currency code. */
function money(amount: number | undefined, currency: string): string {
  const whole = Math.round(amount ?? 0);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole < 0 ? '-' : ''}${digits}${currency ? ` ${currency}` : ''}`;
}

const CHANNEL: Readonly<Record<string, string>> = {
  own: 'at their own address',
  employer: "at the employer's address",
  rubber: "at a broker's \"rubber\" address",
  digital: 'through the digital app',
};

/**
 * One model event of the traced migrant in plain English, for the command
 * line (the page has its own translated texts, web/src/i18n). Pure.
 */
export function describeTraceEvent(event: TraceEvent, currency: string): string {
  const sum = money(event.amount, currency);
  switch (event.kind) {
    case 'departure':
      return `Left home for ${event.region}${event.how === 'broker' ? ' through a broker' : ' on their own'}.`;
    case 'broker-fee':
      return `Paid the broker a placement fee of ${sum}.`;
    case 'no-broker':
      return 'No broker there had room this week, so they went on alone.';
    case 'broker-fraud':
      return 'The broker took the fee and did nothing: defrauded.';
    case 'recruited':
      return 'A broker recruiting a group of workers for an employer called them, and they agreed to go.';
    case 'sold-on':
      return 'The broker sold them on to another employer, who keeps their passport.';
    case 'fake-document':
      return `Bought a fake work document for ${sum}.`;
    case 'registered':
      return `Registered ${CHANNEL[event.how ?? ''] ?? 'at an address'}${event.amount ? ` for ${sum}` : ''}.`;
    case 'permit-bought':
      return `Bought a work permit: ${sum} with the first month.`;
    case 'permit-employer':
      return 'The employer obtained a work permit tied to it.';
    case 'permit-paid':
      return `Paid the month's permit fee of ${sum}.`;
    case 'permit-lapsed':
      return 'The work permit lapsed.';
    case 'police-stop':
      return event.how === 'raid' ? 'Checked by the police in a raid at work.' : 'Stopped by the police in the street.';
    case 'nothing-found':
      return 'The police found nothing wrong.';
    case 'bribe':
      if (event.how === 'broker') return `The broker paid the police ${sum} to settle the case.`;
      return event.how === 'employer' ? `The employer paid the police ${sum} to take the worker back from detention.` : `Paid the police a bribe of ${sum}.`;
    case 'fine':
      return event.amount ? `Fined ${sum}.` : 'Caught without papers, with no money to pay the fine.';
    case 'detained':
      return event.how === 'employer' ? 'The employer called the police instead of paying: detained.' : 'Detained by the police.';
    case 'withheld':
      return `The employer withheld this week's pay of ${sum}.`;
    case 'arrears-paid':
      return `The employer paid the withheld wages: ${sum}.`;
    case 'remittance':
      return `Sent ${sum} home.`;
    case 'moved':
      return `Moved to ${event.region} to look for better work.`;
    case 'returned':
      return `Returned home from ${event.region} with ${sum} of savings.`;
    case 'removed':
      return `Removed from the country (was in ${event.region}); banned from returning until week ${event.untilWeek}.`;
    case 'aged-out':
      return 'Aged out of the people who may migrate; from here on the story follows a newcomer of the same village who took their place.';
  }
}

/** The command line's story: who is followed, then one line per event ("week 12: …"). */
export function traceText(agent: TracedAgent, events: readonly TraceEvent[], currency: string, sectorName: string): string {
  const lines: string[] = [];
  if (agent.unmatched) lines.push(`Nobody from ${agent.unmatched.origin} was in ${agent.unmatched.region} at week 0; following someone from ${agent.unmatched.origin} at home.`);
  lines.push(`Agent ${agent.agent}, from ${agent.origin}, works in ${sectorName}.`);
  if (events.length === 0) lines.push('Nothing recorded for this agent in the run.');
  for (const event of events) lines.push(`week ${event.week}: ${describeTraceEvent(event, currency)}`);
  return lines.join('\n') + '\n';
}
