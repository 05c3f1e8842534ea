/**
 * For the tests of interruptions: `MIGSIM_TEST_PAUSE=analysis` (or
 * `writing`) holds the run for up to two minutes at the start of that phase,
 * just after its line is printed, so that a signal is sure to arrive there.
 * Unset, it returns at once.
 */
export async function pauseForTests(phase: 'analysis' | 'writing', signal: AbortSignal | undefined): Promise<void> {
  if (process.env.MIGSIM_TEST_PAUSE !== phase || signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 120_000);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
