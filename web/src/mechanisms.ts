/** A rule summary taken from the model's source: the function it documents and its text. */
export interface RuleSummary {
  readonly file: string;
  readonly fn: string;
  readonly text: string;
}

/** One panel of "How it works": an actor of the model and the rules that drive it. */
export interface Mechanism {
  readonly key: string;
  readonly title: string;
  readonly intro: string;
  readonly rules: readonly RuleSummary[];
}

/** Which rule functions belong to which actor, in the order a week runs them (sim/model/step.ts). */
export const MECHANISMS: readonly { key: string; title: string; intro: string; fns: readonly string[] }[] = [
  {
    key: 'migrants',
    title: 'Migrants',
    intro: 'Each agent is a person from a village in Kyrgyzstan, Uzbekistan or Tajikistan who weighs going abroad and where, looks for work and papers, hears news from their village, and comes home.',
    fns: ['chooseDestination', 'departures', 'papersCosts', 'register', 'applyForWorkerPermit', 'returns', 'learning'],
  },
  {
    key: 'brokers',
    title: 'Brokers',
    intro: 'Intermediaries who, for a fee, arrange a job, a registration address and paperwork, and sometimes cheat their clients.',
    fns: ['useBroker'],
  },
  {
    key: 'employers',
    title: 'Employers',
    intro: 'Firms with jobs for migrants, who decide whether to hire formally, pay wages, and sometimes withhold pay or keep passports.',
    fns: ['decideFormalHire', 'retainPassport', 'labourMarket', 'money'],
  },
  {
    key: 'police',
    title: 'Police',
    intro: 'Street checks and raids find irregular migrants and informal employers; a case ends in a bribe, a fine, or removal.',
    fns: ['enforcement'],
  },
  {
    key: 'state',
    title: 'State',
    intro: 'The state sets the quota, issues and renews permits, keeps the control registry, and may open an amnesty.',
    fns: ['openQuotaYear', 'documentUpkeep', 'amnesty'],
  },
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
    return { key: m.key, title: m.title, intro: m.intro, rules };
  });
  const rest = summaries.filter((s) => !used.has(s.fn) && s.fn !== 'measure');
  if (rest.length > 0) panels.push({ key: 'other', title: 'Other rules', intro: 'Further rules of the model.', rules: rest });
  return panels;
}
