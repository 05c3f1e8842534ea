import type { BaseLoader } from '../../sim/scenario/scenarioTypes.js';

/**
 * A base loader over in-memory files, keyed by reference: shipped names
 * (`tiny`) are found as `bases/tiny.yaml`, paths as written.
 */
export function memoryBases(files: Record<string, string>): BaseLoader {
  return (ref) => {
    const file = ref.endsWith('.yaml') ? ref : `bases/${ref}.yaml`;
    const text = files[file];
    return text === undefined ? undefined : { file, text };
  };
}

/** Lines joined into a file's text, so tests can count lines and columns. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** A base that sets nothing, for scenarios whose base does not matter. */
export const EMPTY_BASE = { 'bases/empty.yaml': 'name: Empty\n' };
