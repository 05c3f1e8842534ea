import { csv } from '../../analysis/csv.js';
import { escapeControl } from '../scenario/escapeControl.js';

/** A run that threw, or whose worker died, with the command that runs it alone. */
export interface RunFailureRecord {
  readonly option: string;
  readonly replicate: number;
  readonly seed: string;
  readonly message: string;
  readonly command: string;
}

/** `failures.csv`: option,replicate,seed,message,command; the message is its first line, control characters escaped. */
export function failuresCsv(failures: readonly RunFailureRecord[]): string {
  const rows = failures.map((f) => [f.option, String(f.replicate), f.seed, escapeControl(firstLine(f.message)), f.command]);
  return csv([['option', 'replicate', 'seed', 'message', 'command'], ...rows]);
}

export function firstLine(message: string): string {
  return message.split('\n', 1)[0];
}
