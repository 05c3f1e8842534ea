// C0 controls, DEL and C1 controls: any of them could move the cursor,
// ring the bell or rewrite the terminal's title if printed raw.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Whether text holds a control character (the same set that escapeControl escapes). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Makes text from a file safe to print: every control character becomes a
 * visible escape (`\n`, `\t`, `\x1b`, …), so a message shows what is in the
 * file without acting on the terminal.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** At most `max` characters, the cut marked with "…". */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
