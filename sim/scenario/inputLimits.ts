/**
 * Bounds on what reading a scenario may cost, so that a hostile or broken
 * file is refused quickly instead of hanging or flooding the terminal.
 * Shipped files are far below each (the largest base is under 10 KB and
 * uses no aliases).
 */

/** Largest scenario or base file read, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Most YAML aliases (`*name`) in one file. */
export const MAX_ALIASES = 1000;

/** Most problems printed; the rest are counted in one closing line. */
export const MAX_PROBLEMS_SHOWN = 20;

/** Longest message line printed, in characters; longer ones are cut with "…". */
export const MAX_MESSAGE_CHARS = 300;
