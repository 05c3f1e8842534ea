import { meanInterval } from '../../analysis/meanInterval.js';
import { INDICATORS, type IndicatorName } from '../../sim/model/indicators.js';
import type { PageJob } from './settings.js';

const WIDTH = INDICATORS.length;

/** A point of a weekly line: a setting's mean over the replicates that reached the week, and its 95% t-interval. */
export interface LinePoint {
  option: string;
  week: number;
  mean: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** A point of the difference chart: a setting's mean paired difference from the first setting. */
export interface DifferencePoint {
  option: string;
  week: number;
  diff: number | null;
}

/** End-of-horizon value of an indicator for one setting, and its paired difference from the first setting. */
export interface EndRow {
  readonly indicator: IndicatorName;
  readonly option: string;
  readonly mean: number;
  readonly diff: number;
  readonly diff_low: number;
  readonly diff_high: number;
  /** Replicates paired with the first setting. */
  readonly n: number;
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/**
 * The weekly rows of a run as they arrive from the workers: one table per
 * job (`values[(week * places.length + place) * INDICATORS.length + column]`,
 * as `simulate` returns), filled up to the last week received. Every
 * reading is of the place chosen in `place` (`all` at first).
 */
export class RunResults {
  readonly values: Float64Array[];
  /** Last week received per job (−1: none yet). */
  readonly reached: Int32Array;
  /** Index in `places` of the place the page shows. */
  place = 0;

  constructor(
    readonly names: readonly string[],
    readonly jobs: readonly PageJob[],
    readonly weeks: number,
    /** The places of every job's table: `all`, then each destination country. */
    readonly places: readonly string[] = ['all'],
  ) {
    this.values = jobs.map(() => new Float64Array((weeks + 1) * places.length * WIDTH));
    this.reached = new Int32Array(jobs.length).fill(-1);
  }

  /** Stores consecutive weekly rows of a job (every place of each week), starting at `fromWeek`. */
  add(job: number, fromWeek: number, rows: Float64Array): void {
    const width = this.places.length * WIDTH;
    const count = rows.length / width;
    this.values[job].set(rows, fromWeek * width);
    this.reached[job] = Math.max(this.reached[job], fromWeek + count - 1);
  }

  /** Whether every job has reached the end of the horizon. */
  complete(): boolean {
    return this.reached.every((week) => week === this.weeks);
  }

  /** Weeks received over all jobs, for progress. */
  weeksDone(): number {
    let sum = 0;
    for (const week of this.reached) sum += week + 1;
    return sum;
  }

  /** The jobs of a setting by replicate index. */
  private jobsOf(setting: number): PageJob[] {
    return this.jobs.filter((job) => job.setting === setting).sort((a, b) => a.replicate - b.replicate);
  }

  /** A job's row of a week (every indicator), at the place shown. */
  row(job: number, week: number): Float64Array {
    const start = (week * this.places.length + this.place) * WIDTH;
    return this.values[job].subarray(start, start + WIDTH);
  }

  /** A job's value of a column in a week, at the place shown. */
  value(job: number, week: number, column: number): number {
    return this.values[job][(week * this.places.length + this.place) * WIDTH + column];
  }

  /**
   * Weekly points of an indicator for every setting: the mean over the
   * replicates that have reached the week, and a 95% t-interval when two or
   * more have. Flows start at week 1, since week 0 carries none.
   */
  linePoints(indicator: IndicatorName): LinePoint[] {
    const column = INDICATORS.findIndex((i) => i.name === indicator);
    const first = INDICATORS[column].kind === 'flow' ? 1 : 0;
    const points: LinePoint[] = [];
    this.names.forEach((option, s) => {
      const jobs = this.jobsOf(s);
      const last = Math.max(-1, ...jobs.map((job) => this.reached[job.id]));
      for (let week = first; week <= last; week++) {
        const sample = jobs.filter((job) => this.reached[job.id] >= week).map((job) => this.value(job.id, week, column));
        const interval = meanInterval(sample);
        points.push({ option, week, mean: nullIfNaN(interval.mean), ci_low: nullIfNaN(interval.ci_low), ci_high: nullIfNaN(interval.ci_high) });
      }
    });
    return points;
  }

  /**
   * The replicates a setting shares with the first setting (the baseline),
   * as pairs of job ids, with the last week both have reached.
   */
  private pairs(setting: number): { job: number; base: number; last: number }[] {
    const baseJobs = new Map(this.jobsOf(0).map((job) => [job.replicate, job.id]));
    const pairs: { job: number; base: number; last: number }[] = [];
    for (const job of this.jobsOf(setting)) {
      const base = baseJobs.get(job.replicate);
      if (base === undefined) continue;
      const last = Math.min(this.reached[job.id], this.reached[base]);
      if (last >= 0) pairs.push({ job: job.id, base, last });
    }
    return pairs;
  }

  /**
   * Weekly mean paired difference (setting − first setting) of an indicator
   * over the replicates both have reached: of the stock in that week, or of
   * a flow's running total since week 0, so that the last week shows the
   * end-of-horizon difference of `endRows`. The first setting is drawn as
   * zero, the line the others are read against.
   */
  differencePoints(indicator: IndicatorName): DifferencePoint[] {
    const column = INDICATORS.findIndex((i) => i.name === indicator);
    const flow = INDICATORS[column].kind === 'flow';
    const points: DifferencePoint[] = [];
    this.names.forEach((option, s) => {
      const pairs = this.pairs(s);
      const last = Math.max(-1, ...pairs.map((pair) => pair.last));
      const running = pairs.map(() => 0);
      for (let week = 0; week <= last; week++) {
        let sum = 0;
        let n = 0;
        pairs.forEach((pair, k) => {
          if (pair.last < week) return;
          // Week 0 is the initial state: it carries no flows.
          const d = flow && week === 0 ? 0 : this.value(pair.job, week, column) - this.value(pair.base, week, column);
          running[k] = flow ? running[k] + d : d;
          sum += running[k];
          n++;
        });
        points.push({ option, week, diff: n === 0 ? null : nullIfNaN(sum / n) });
      }
    });
    return points;
  }

  /**
   * End-of-horizon values (a stock in the last week, a flow's total over
   * weeks 1..end, as the result files summarise them) of each setting, and
   * the mean paired difference from the first setting with its 95%
   * t-interval. Only runs that reached the end of the horizon count.
   */
  endRows(indicators: readonly IndicatorName[]): EndRow[] {
    const rows: EndRow[] = [];
    const finished = (job: number): boolean => this.reached[job] === this.weeks;
    for (const indicator of indicators) {
      const column = INDICATORS.findIndex((i) => i.name === indicator);
      const flow = INDICATORS[column].kind === 'flow';
      const end = (job: number): number => {
        if (!flow) return this.value(job, this.weeks, column);
        let total = 0;
        for (let week = 1; week <= this.weeks; week++) total += this.value(job, week, column);
        return total;
      };
      this.names.forEach((option, s) => {
        const own = this.jobsOf(s).filter((job) => finished(job.id)).map((job) => end(job.id));
        if (own.length === 0) return;
        const diffs = this.pairs(s)
          .filter((pair) => finished(pair.job) && finished(pair.base))
          .map((pair) => end(pair.job) - end(pair.base));
        const interval = diffs.length > 0 ? meanInterval(diffs) : undefined;
        rows.push({
          indicator,
          option,
          mean: meanInterval(own).mean,
          diff: interval?.mean ?? NaN,
          diff_low: interval?.ci_low ?? NaN,
          diff_high: interval?.ci_high ?? NaN,
          n: diffs.length,
        });
      });
    }
    return rows;
  }
}
