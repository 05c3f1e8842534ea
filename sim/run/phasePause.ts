/**
 * For the tests of interruptions: `MIGSIM_TEST_PAUSE=analysis` (or
 * `writing`) holds the run for up to two minutes at the start of that phase,
 * (for writing: after the first file), and says so on stderr, so that a
 * test's signal is sure to arrive there. Unset, it returns at once.
 */
export async function pauseForTests(phase: 'analysis' | 'writing', signal: AbortSignal | undefined): Promise<void> {
  if (process.env.MIGSIM_TEST_PAUSE !== phase || signal?.aborted) return;
  process.stderr.write(`paused for tests in ${phase}\n`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 120_000);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
