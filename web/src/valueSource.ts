import type { ParamValue } from '../../sim/model/params/paramDef.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the value an option uses comes from: the trailing `# …` comment of
 * the line that sets the parameter to that value, in the scenario file
 * first and then in its base (files cite their sources that way), else the
 * registry's source for its default. So a Kazakh fee cites Kazakh sources,
 * not the registry's Moscow default.
 */
export function valueSource(param: string, value: ParamValue, texts: readonly string[], registrySource: string): string {
  const written = value === null ? 'null' : String(value);
  // A country's parameter may be written with its country (`russia.permit.monthly_fee`) or without (`permit.monthly_fee`).
  const names = param.split('.').length > 2 ? [param, param.slice(param.indexOf('.') + 1)] : [param];
  for (const name of names) {
    const pattern = new RegExp(`(?:^|[\\s{,])${escape(name)}:\\s*${escape(written)}(?![\\w.])[^#\\n]*#\\s*(.+)$`, 'm');
    for (const text of texts) {
      const match = pattern.exec(text);
      if (match) return match[1].trim();
    }
  }
  return registrySource;
}
