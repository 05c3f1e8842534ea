import cliProgress from 'cli-progress';

/**
 * Reports progress on stderr: a bar on a terminal, plain lines otherwise,
 * nothing when quiet. It shows at once, before the first run ends, and its
 * estimate of the time left counts simulated weeks, so runs under way count
 * for what they have done.
 */
export interface Progress {
  /**
   * Sets the work ahead: `runs` of `weeksPerRun` recorded weeks. For
   * replicates: auto, `runs` counts the batches queued so far and `cap`
   * the most there can be; the estimate covers the queued batches.
   */
  plan(runs: number, weeksPerRun: number, cap?: number): void;
  /** A run (by key) has simulated up to `week`. */
  week(run: number, week: number): void;
  /** A run has ended (finished or failed). */
  runDone(run: number): void;
  /** The planned count changed (a batch was queued, or an automatic run stopped). */
  replan(runs: number, cap?: number): void;
  /** Counts whole runs only (for callers that do not follow weeks): `done` of `total` finished. */
  update(done: number, total: number): void;
  /** A new phase begins (analysis, writing); printed as one line. */
  phase(text: string): void;
  stop(): void;
}

export function createProgress(quiet: boolean, label: string): Progress {
  if (quiet) return { plan() {}, week() {}, runDone() {}, replan() {}, update() {}, phase() {}, stop() {} };
  return process.stderr.isTTY ? new BarProgress(label) : new LineProgress(label);
}

/** Counts weeks done and estimates the time left from them. */
abstract class WeekCounter implements Progress {
  protected runs = 0;
  protected cap: number | undefined;
  protected weeksPerRun = 1;
  protected finished = 0;
  private finishedWeeks = 0;
  private readonly current = new Map<number, number>();
  protected readonly started = Date.now();

  constructor(protected readonly label: string) {}

  plan(runs: number, weeksPerRun: number, cap?: number): void {
    this.runs = runs;
    this.weeksPerRun = weeksPerRun + 1;
    this.cap = cap;
    this.render(true);
  }

  replan(runs: number, cap?: number): void {
    this.runs = runs;
    this.cap = cap;
    this.render(true);
  }

  week(run: number, week: number): void {
    this.current.set(run, week + 1);
    this.render(false);
  }

  runDone(run: number): void {
    this.current.delete(run);
    this.finished++;
    this.finishedWeeks += this.weeksPerRun;
    this.render(false);
  }

  update(done: number, total: number): void {
    this.runs = total;
    this.finished = done;
    this.finishedWeeks = done * this.weeksPerRun;
    this.render(done === total);
  }

  abstract phase(text: string): void;
  abstract stop(): void;
  protected abstract render(force: boolean): void;

  protected doneWeeks(): number {
    let weeks = this.finishedWeeks;
    for (const w of this.current.values()) weeks += w;
    return weeks;
  }

  protected totalWeeks(): number {
    return Math.max(1, this.runs * this.weeksPerRun);
  }

  protected elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  /** Seconds left at the pace so far, or undefined before any week is done. */
  protected secondsLeft(): number | undefined {
    const done = this.doneWeeks();
    if (done === 0) return undefined;
    return (this.elapsedSeconds() * Math.max(0, this.totalWeeks() - done)) / done;
  }

  protected runsText(): string {
    return `${this.finished}/${this.runs} runs${this.cap === undefined ? '' : ` (at most ${this.cap})`}`;
  }
}

class BarProgress extends WeekCounter {
  private readonly bar = new cliProgress.SingleBar(
    {
      format: `${this.label} [{bar}] {runsText} | {percentage}% of weeks | elapsed {duration_formatted} | left {left}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  private begun = false;

  protected render(): void {
    const payload = { runsText: this.runsText(), left: formatLeft(this.secondsLeft()) };
    if (!this.begun) {
      this.begun = true;
      this.bar.start(this.totalWeeks(), 0, payload);
    }
    this.bar.setTotal(this.totalWeeks());
    this.bar.update(Math.min(this.doneWeeks(), this.totalWeeks()), payload);
  }

  phase(text: string): void {
    this.stop();
    process.stderr.write(`${text}\n`);
  }

  stop(): void {
    if (this.begun) this.bar.stop();
    this.begun = false;
  }
}

/** Without a terminal: a line at the start, one per tenth of the weeks, and one per phase, so logs stay short. */
class LineProgress extends WeekCounter {
  private lastTenth = -1;

  protected render(force: boolean): void {
    const tenth = Math.floor((this.doneWeeks() * 10) / this.totalWeeks());
    if (!force && tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    const percent = Math.min(100, Math.floor((this.doneWeeks() * 100) / this.totalWeeks()));
    process.stderr.write(
      `${this.label}: ${this.runsText()}, ${percent}% of weeks, elapsed ${this.elapsedSeconds().toFixed(1)} s, left ${formatLeft(this.secondsLeft())}\n`,
    );
  }

  phase(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  stop(): void {}
}

function formatLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'estimating';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s`;
  return `about ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
