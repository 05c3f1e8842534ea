import { horizonWeeks } from '../model/time.js';
import type { ResolvedScenario } from '../scenario/index.js';

/**
 * The scenario with a shorter or longer horizon, refusing one that ends
 * before an option's event (the options would then not differ as written).
 */
export function withYears(scenario: ResolvedScenario, years: number | undefined, flag = '--years'): ResolvedScenario {
  if (years === undefined) return scenario;
  for (const option of scenario.options) {
    const late = option.events.find((event) => event.week >= horizonWeeks(years));
    if (late) {
      throw new Error(`${flag} ${years} ends before the event at month ${late.month} of option "${option.name}"; use a longer horizon`);
    }
  }
  return { ...scenario, years };
}
