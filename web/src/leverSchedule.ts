import type { ParamValue } from '../../sim/model/params/paramDef.js';
import type { ResolvedEvent, ResolvedOption } from '../../sim/scenario/index.js';
import { sameValue, type Lever } from './levers.js';

/** What a schedule is read from: an option, or a setting made from one. */
export interface ScheduleSource {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly events: readonly ResolvedEvent[];
}

/** A value a parameter takes in an option: from the start (`month` null) or from a month of the timeline. */
export interface ScheduleStep {
  readonly month: number | null;
  readonly value: ParamValue;
}

/**
 * The values a parameter takes over an option's run, in order: its value at
 * the start, then each timeline event that sets it. The lever shows the
 * last step, the value the option ends with.
 */
export function leverSchedule(option: ScheduleSource, param: string): ScheduleStep[] {
  const steps: ScheduleStep[] = [{ month: null, value: option.params[param] }];
  for (const event of option.events) if (param in event.set) steps.push({ month: event.month, value: event.set[param] });
  return steps;
}

/** The value a lever shows for an option: the last value its schedule reaches. */
export function optionValue(option: ScheduleSource, param: string): ParamValue {
  return leverSchedule(option, param).at(-1)!.value;
}

/** The levers' values as an option has them. */
export function optionValues(option: ResolvedOption, levers: readonly Lever[]): Record<string, ParamValue> {
  return Object.fromEntries(levers.map((lever) => [lever.param, optionValue(option, lever.param)]));
}

/** The levers whose value differs from the option's, in lever order. */
export function changedLevers(option: ResolvedOption, levers: readonly Lever[], values: Readonly<Record<string, ParamValue>>): Lever[] {
  return levers.filter((lever) => lever.param in values && !sameValue(values[lever.param], optionValue(option, lever.param)));
}

/**
 * An option with the students' values in place. A changed value replaces
 * the option's last value for that parameter at the moment the option sets
 * it: the start value when the option never changes the parameter, else the
 * value of the last timeline event that sets it (earlier steps stay). So a
 * change in "quota halved" replaces the cut at month 12, and a change in an
 * option that sets a fee at month 0 replaces that fee, rather than being
 * overridden by it.
 */
export function withLeverValues(
  option: ResolvedOption,
  changed: readonly Lever[],
  values: Readonly<Record<string, ParamValue>>,
): { params: Record<string, ParamValue>; events: ResolvedEvent[] } {
  const params = { ...option.params };
  const events = option.events.map((event) => ({ ...event, set: { ...event.set } }));
  for (const lever of changed) {
    const value = values[lever.param];
    let last = -1;
    events.forEach((event, k) => {
      if (lever.param in event.set) last = k;
    });
    if (last < 0) params[lever.param] = value;
    else events[last].set[lever.param] = value;
  }
  return { params, events };
}
