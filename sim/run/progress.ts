import cliProgress from 'cli-progress';

/** Reports ensemble progress on stderr: a bar on a terminal, plain lines otherwise, nothing when quiet. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function createProgress(quiet: boolean, label: string): Progress {
  if (quiet) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} runs | elapsed {duration_formatted} | left {eta_formatted}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(done, total) {
        if (!begun) bar.start(total, 0);
        begun = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  // Without a terminal, one line per tenth of the runs keeps logs short.
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((done * 10) / total);
      if (tenth === lastTenth && done !== total) return;
      lastTenth = tenth;
      const elapsed = (Date.now() - started) / 1000;
      const left = done > 0 ? (elapsed * (total - done)) / done : NaN;
      process.stderr.write(`${label}: ${done}/${total} runs, elapsed ${elapsed.toFixed(1)} s, about ${Number.isNaN(left) ? '?' : left.toFixed(1)} s left\n`);
    },
    stop: () => {},
  };
}
