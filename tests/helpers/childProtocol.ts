/** The line a simulation child (simulateChild.ts) writes after the last run of a request. */
export const END_OF_RUNS = 'END_OF_RUNS';
