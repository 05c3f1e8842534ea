import type { ParamValue } from '../model/params/paramDef.js';
import type { ResolvedOption } from '../scenario/index.js';

/** A parameter whose setting is not the same under every option, as the report lists it. */
export interface OptionDifference {
  readonly name: string;
  readonly values: string[];
}

/**
 * The parameters that differ between options, at the start or through
 * timeline events, each described per option ("66350 from month 12").
 */
export function differingParameters(options: readonly ResolvedOption[]): OptionDifference[] {
  const described = options.map(describeOption);
  const names = new Set(described.flatMap((d) => [...d.keys()]));
  const out: OptionDifference[] = [];
  for (const name of [...names].sort()) {
    const values = described.map((d) => d.get(name) ?? '');
    if (values.some((v) => v !== values[0])) out.push({ name, values });
  }
  return out;
}

function describeOption(option: ResolvedOption): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(option.params)) out.set(name, show(value));
  for (const event of option.events) {
    for (const [name, value] of Object.entries(event.set)) {
      out.set(name, `${out.get(name) ?? ''}; ${show(value)} from month ${event.month}`);
    }
  }
  return out;
}

function show(value: ParamValue): string {
  return value === null ? 'none' : String(value);
}
