/**
 * One-line mutations of the model, each removing one mechanism in its code
 * (not through its parameter), and the test file that must catch it. They
 * are the mechanisms that once survived every test: wage withholding from
 * tied workers, tied workers' reluctance to quit, registry listing, signal
 * loss, rubber-address detection, extortion of legal migrants, employer
 * fines, denunciation, farm seasons, the wage abroad in the decision to
 * leave, the language exam, the expiry of amnesty status, deterrence in
 * hiring, the employer tie of a permit, and detection by the police; and
 * seven more, each caught by the knockouts of its own test file.
 * `npm run mutants` applies each to a copy of the project and runs its test
 * file there (runMutants.ts); tests/mutants/mutants.test.ts checks that
 * each still finds the code it mutates.
 */
export interface Mutant {
  readonly name: string;
  /** The file mutated, from the project's root. */
  readonly file: string;
  /** Text replaced, each occurring in the file, and what replaces every occurrence. */
  readonly edits: readonly (readonly [string, string])[];
  /** The test file that must fail with the mutation. */
  readonly caughtBy: string;
}

const KNOCKOUTS = 'tests/model/knockouts.test.ts';

export const MUTANTS: readonly Mutant[] = [
  {
    name: 'employers withhold from tied workers no more than from others',
    file: 'sim/model/decisions/abuse.ts',
    edits: [['(tied(world, i) ? g.migrantTiedQuitFactor : 1)', '1']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'tied workers quit over arrears as readily as others',
    file: 'sim/model/rules/labourMarket.ts',
    edits: [['(losesStatus ? p.migrantTiedQuitFactor : 1)', '1']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'no listing on the control registry',
    file: 'sim/model/rules/documentUpkeep.ts',
    edits: [['world.rng.upkeep() < p.registryListingWeekly', 'world.rng.upkeep() < 0']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'no signal loss under digital registration',
    file: 'sim/model/rules/documentUpkeep.ts',
    edits: [['world.rng.upkeep() < p.digitalSignalLossWeekly', 'world.rng.upkeep() < 0']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'police never find a rubber address out',
    file: 'sim/model/rules/enforcement.ts',
    edits: [['rng() < world.params.g.brokerRubberAddressDetect', 'rng() < 0']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'no extortion of legal migrants',
    file: 'sim/model/rules/enforcement.ts',
    edits: [['rng() < p.policeExtortionOfLegal * units.propensity[u]', 'rng() < 0']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'no fines on employers',
    file: 'sim/model/rules/enforcement.ts',
    edits: [['else fineEmployer(world, e, u);', 'else return;']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'employers never denounce',
    file: 'sim/model/decisions/abuse.ts',
    edits: [['return g.employerDenounceProb * logistic', 'return 0 * logistic']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'no farm seasons',
    file: 'sim/model/rules/labourDemand.ts',
    edits: [['const season = emp.sector[e] !== AGRICULTURE || inSeason(world, e, world.day) ? 1 : d.labourOffseasonDemand;', 'const season = 1;']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'the decision to leave ignores the wage abroad (its gain taken at the home wage)',
    file: 'sim/model/decisions/destinationChoice.ts',
    edits: [['const gain = wage * jobChance - d.migrantLivingCost;', 'const gain = homeWage * jobChance - d.migrantLivingCost;']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'everyone passes the language exam',
    file: 'sim/model/rules/paperwork.ts',
    edits: [['rng() >= d.permitExamPassRate', 'rng() >= 1']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'amnesty status never expires',
    file: 'sim/model/rules/amnesty.ts',
    edits: [['p.amnestyValidityDays', '1e7']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'expected sanctions do not deter informal hiring',
    file: 'sim/model/decisions/formality.ts',
    edits: [['(employerExpectedSanction(world, e) - cost)', '(0 - cost)']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'an employer-tied permit is the worker\'s own',
    file: 'sim/model/actions/employment.ts',
    edits: [['m.permit[i] = Permit.EmployerTied;', 'm.permit[i] = Permit.Open;']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'police never detect anyone',
    file: 'sim/model/rules/enforcement.ts',
    edits: [['(fake ? fakeDetection(world, i) : p.policeDetection)', '0']],
    caughtBy: KNOCKOUTS,
  },
  {
    name: 'police units ignore their monthly target',
    file: 'sim/model/rules/policing.ts',
    edits: [['logistic(logOdds - d.policeTargetPressure * behind)', 'logistic(logOdds)']],
    caughtBy: 'tests/model/police.test.ts',
  },
  {
    name: 'nobody ages out of the pool',
    file: 'sim/model/rules/renewal.ts',
    edits: [['if (m.agesOutDay[i] > day || m.status[i] !== Status.AtHome) continue;', 'continue;']],
    caughtBy: 'tests/model/renewal.test.ts',
  },
  {
    name: 'brokers never sell a worker on',
    file: 'sim/model/rules/sellingOn.ts',
    edits: [['if (!(rng() < world.params.g.brokerSellOnWeekly)) return;', 'return;']],
    caughtBy: 'tests/model/brokers.test.ts',
  },
  {
    name: 'brokers take no group orders',
    file: 'sim/model/rules/groupRecruitment.ts',
    edits: [['brokers.orderLeft[b] = Math.min(most, g.brokerGroupSize);', 'brokers.orderLeft[b] = 0;']],
    caughtBy: 'tests/model/brokers.test.ts',
  },
  {
    name: 'employers never learn what the police cost them',
    file: 'sim/model/rules/employerLearning.ts',
    edits: [['if (seen === 0) continue;', 'continue;']],
    caughtBy: 'tests/model/employers.test.ts',
  },
  {
    name: 'wages never adjust to vacancies and job seekers',
    file: 'sim/model/rules/wages.ts',
    edits: [['economy.wageLog[cell] += speed *', 'economy.wageLog[cell] += 0 * speed *']],
    caughtBy: 'tests/model/employers.test.ts',
  },
  {
    name: 'employers apply for quota slots as if applying were free',
    file: 'sim/model/rules/quotaApplications.ts',
    edits: [['const worth = cost > 0 ? formalCost / (formalCost + cost / (months * slotYield(world, e))) : 1;', 'const worth = 1;']],
    caughtBy: 'tests/model/quotaApplications.test.ts',
  },
];

/** `text` with every edit of `mutant` applied; throws if an edit's text is not in it. */
export function mutate(mutant: Mutant, text: string): string {
  let out = text;
  for (const [from, to] of mutant.edits) {
    if (!out.includes(from)) throw new Error(`${mutant.file} no longer contains "${from}" (mutant "${mutant.name}"): update tests/mutants/mutants.ts`);
    out = out.replaceAll(from, to);
  }
  return out;
}
