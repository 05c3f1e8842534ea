import { constants } from 'node:os';

/** The signals that ask a run to stop: Ctrl-C, kill's default, and a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * An AbortSignal that aborts, with the signal's name as its reason, on the
 * first SIGINT, SIGTERM or SIGHUP: the run then removes its working folder
 * and exits with 128 + the signal's number (130, 143, 129). A second
 * signal exits at once; anything it leaves behind is a leftover that the
 * next run to the same --out removes.
 */
export function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const name of STOP_SIGNALS) {
    process.on(name, () => {
      if (controller.signal.aborted) process.exit(exitCodeOf(name));
      controller.abort(name);
    });
  }
  return controller.signal;
}

/** 128 + the signal's number, as shells report a process ended by it; 130 (SIGINT) when unknown. */
export function exitCodeOf(signal: string | undefined): number {
  const number = signal === undefined ? undefined : (constants.signals as Record<string, number | undefined>)[signal];
  return 128 + (number ?? constants.signals.SIGINT);
}
