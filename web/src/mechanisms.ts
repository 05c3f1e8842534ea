/** A rule summary taken from the model's source: the function it documents and its text. */
export interface RuleSummary {
  readonly file: string;
  readonly fn: string;
  readonly text: string;
}

/** One panel of "How it works": an actor of the model and the rules that drive it; its title and plain-language text are in the catalogues (`mechanism.<key>`). */
export interface Mechanism {
  readonly key: 'migrants' | 'brokers' | 'employers' | 'police' | 'state' | 'other';
  readonly rules: readonly RuleSummary[];
}

/** Which rule functions belong to which actor, in the order a week runs them (sim/model/step.ts). */
export const MECHANISMS: readonly { key: Mechanism['key']; fns: readonly string[] }[] = [
  { key: 'migrants', fns: ['renewal', 'chooseDestination', 'departures', 'papersCosts', 'register', 'applyForWorkerPermit', 'returnOf', 'debtAtHome', 'learning'] },
  { key: 'brokers', fns: ['brokerConduct', 'takeGroupOrders', 'chooseBroker', 'serveClient', 'sellOn'] },
  { key: 'employers', fns: ['fileQuotaApplications', 'businessCycle', 'setDemand', 'formalPropensity', 'decideFormalHire', 'slotUseChance', 'retainPassport', 'labourMarket', 'withholdChance', 'denounceChance', 'moneyOf', 'buyBack', 'employerLearning', 'adjustWages'] },
  { key: 'police', fns: ['planPolicing', 'enforceOn'] },
  { key: 'state', fns: ['openQuotaYear', 'documentUpkeep', 'amnesty'] },
];

/**
 * Groups the rule summaries into the actors' panels. A summary of a rule no
 * actor lists (a rule added later) goes to a last panel, so none is lost;
 * the page's tests check that every listed rule still has a summary.
 */
export function groupMechanisms(summaries: readonly RuleSummary[]): Mechanism[] {
  const used = new Set<string>();
  const panels: Mechanism[] = MECHANISMS.map((m) => {
    const rules = m.fns.flatMap((fn) => summaries.filter((s) => s.fn === fn));
    for (const rule of rules) used.add(rule.fn);
    return { key: m.key, rules };
  });
  const rest = summaries.filter((s) => !used.has(s.fn) && s.fn !== 'measure');
  if (rest.length > 0) panels.push({ key: 'other', rules: rest });
  return panels;
}
