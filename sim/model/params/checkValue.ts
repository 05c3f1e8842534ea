import type { ParamDef, ParamValue } from './paramDef.js';

/**
 * Checks a value against its parameter's kind and range.
 * Returns null when the value is acceptable, or a message saying what was
 * expected (without the parameter's name, which the caller adds with the
 * file position).
 */
export function checkValue(def: ParamDef, value: unknown): string | null {
  if (value === null) return def.nullable ? null : `expected ${describeKind(def)}, got null`;
  switch (def.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${show(value)}`;
    case 'enum':
      return typeof value === 'string' && def.values!.includes(value)
        ? null
        : `expected one of ${def.values!.join(', ')}, got ${show(value)}`;
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${describeKind(def)}, got ${show(value)}`;
      if (def.kind === 'integer' && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (def.min !== undefined && value < def.min) return `${value} is below the minimum ${def.min} (${def.unit})`;
      if (def.max !== undefined && value > def.max) return `${value} is above the maximum ${def.max} (${def.unit})`;
      return null;
    }
  }
}

/** A short phrase for what a parameter accepts, e.g. "a number from 0 to 1". */
export function describeKind(def: ParamDef): string {
  const none = def.nullable ? ' or null' : '';
  if (def.kind === 'boolean') return 'true or false';
  if (def.kind === 'enum') return `one of ${def.values!.join(', ')}`;
  const what = def.kind === 'integer' ? 'a whole number' : 'a number';
  if (def.min !== undefined && def.max !== undefined) return `${what} from ${def.min} to ${def.max}${none}`;
  if (def.min !== undefined) return `${what} ≥ ${def.min}${none}`;
  return what + none;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

export type { ParamValue };
