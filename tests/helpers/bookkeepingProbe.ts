import type { Probe } from './probe.js';
import { moneyProblems, worldProblems } from './worldChecks.js';

/** What the bookkeeping checks found in one run, week by week (only the weeks with a problem are listed). */
export interface Bookkeeping {
  /** Weeks whose world broke a rule of bookkeeping of agents (worldProblems), with what broke. */
  readonly world: { week: number; problems: string[] }[];
  /** Weeks whose accounts did not balance (moneyProblems), with what broke. */
  readonly money: { week: number; problems: string[] }[];
  /** Totals of every kind of payment at week 0 and at the end. */
  readonly paidAtStart: number[];
  readonly paidAtEnd: number[];
  /** People per agent. */
  readonly scale: number;
}

/** Checks the world's bookkeeping and accounts after every week of a run (in a child process: simulateInChild). */
export function bookkeeping(): Probe<Bookkeeping> {
  const world: Bookkeeping['world'] = [];
  const money: Bookkeeping['money'] = [];
  let paidAtStart: number[] = [];
  let paidAtEnd: number[] = [];
  let scale = NaN;
  return {
    onWeek(week, _rows, w) {
      const problems = worldProblems(w);
      if (problems.length > 0) world.push({ week, problems });
      const unbalanced = moneyProblems(w);
      if (unbalanced.length > 0) money.push({ week, problems: unbalanced });
      paidAtEnd = Array.from(w.accounts.paid);
      if (week === 0) paidAtStart = paidAtEnd;
      scale = w.params.g.scale;
    },
    result: () => ({ world, money, paidAtStart, paidAtEnd, scale }),
  };
}

/** The probe request for simulateInChild. */
export const BOOKKEEPING = { module: 'tests/helpers/bookkeepingProbe.ts', name: 'bookkeeping' } as const;
