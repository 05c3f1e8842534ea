import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { migsim, tempFolder } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';
import { RETURN_REVIEW, FEE, POPULATION, QUOTA, SCALE } from '../experiment/parameterNames.js';

/**
 * `migsim sensitivity` on the shipped quota-cut scenario, kept small: Morris
 * with 3 trajectories of its base's 7 uncertain parameters (24 parameter
 * sets) × 4 options × 1 replicate, 2 years (the cut starts at month 12),
 * 400 agents per run (what is tested is the analysis, not the model's precision). Run
 * in child processes, as a user would. The scenario is run from a copy that
 * adds half a year of burn-in (rather than the base's three years): what is
 * tested is the analysis and its files, not the state the runs start from.
 */
const SHIPPED = join(REPO_ROOT, 'scenarios', 'quota-cut.yaml');
const SHORT_BURN_IN = 'set: { population.burn_in_weeks: 26 }';

/** The shipped scenario with a short burn-in, written to `folder`. */
function shortenedCopy(folder: string): string {
  const text = readFileSync(SHIPPED, 'utf8');
  if (/^set:/m.test(text) || !/^years: .*$/m.test(text)) throw new Error(`${SHIPPED} changed: the copy cannot add ${SHORT_BURN_IN}`);
  const file = join(folder, 'quota-cut.yaml');
  writeFileSync(file, text.replace(/^(years: .*)$/m, `$1\n${SHORT_BURN_IN}`));
  return file;
}
const SMALL = ['--method', 'morris', '--samples', '3', '--replicates', '1', '--years', '2', '--agents', '400', '--quiet'];

describe('migsim sensitivity', () => {
  const temp = tempFolder('sensitivity');
  const one = join(temp.dir, 'one-worker');
  const two = join(temp.dir, 'two-workers');
  const SCENARIO = shortenedCopy(temp.dir);
  let firstRun: ReturnType<typeof migsim>;

  // A whole (small) analysis: about 80 s on an idle 2-core machine, so more than the default limit under load.
  beforeAll(() => {
    firstRun = migsim(['sensitivity', SCENARIO, ...SMALL, '--workers', '2', '--out', two]);
  }, 600_000);
  afterAll(() => temp.remove());

  it('writes sensitivity.csv, the design, a report with one chart per indicator, and a manifest', () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout.trim()).toBe(join(two, 'report.html'));
    expect(readdirSync(two).sort()).toEqual(['charts', 'design.csv', 'manifest.json', 'report.html', 'sensitivity.csv']);
    const header = readFileSync(join(two, 'sensitivity.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('option,baseline,place,indicator,parameter,measure,estimate,ci_low,ci_high,n');
    const html = readFileSync(join(two, 'report.html'), 'utf8');
    const charts = readdirSync(join(two, 'charts'));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(html).toContain(`id="chart-${chart.replace(/^sensitivity-|\.svg$/g, '')}"`);
  });

  it("covers every uncertain parameter of the scenario's base", () => {
    const uncertain = Object.keys(loadScenarioFile(SCENARIO).uncertain);
    const rows = readFileSync(join(two, 'sensitivity.csv'), 'utf8').trim().split('\n').slice(1);
    expect(new Set(rows.map((row) => row.split(',')[4]))).toEqual(new Set(uncertain));
  });

  it('names in the report the parameter that drives the headline effect (the first option against the baseline) most', () => {
    const scenario = loadScenarioFile(SCENARIO);
    const [baseline, headline] = scenario.options.map((o) => o.name);
    const html = readFileSync(join(two, 'report.html'), 'utf8');
    const rows = readFileSync(join(two, 'sensitivity.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const block = html.split(`<li data-output="${headline} − ${baseline}">`)[1]?.split('</ul></li>')[0] ?? '';
    expect(block).not.toBe('');
    const indicators = [...new Set(rows.map((r) => r[3]))];
    let named = 0;
    for (const indicator of indicators) {
      const effects = rows.filter((r) => r[0] === headline && r[1] === baseline && r[2] === 'all' && r[3] === indicator && r[5] === 'mu_star');
      const top = effects.reduce((best, r) => (Number(r[6]) > Number(best[6]) ? r : best));
      const line = block.split(`<li data-indicator="${indicator}">`)[1]?.split('</li>')[0] ?? '';
      if (Number(top[6]) > 0) {
        expect(line).toContain(`driven most by <code class="driver">${top[4]}</code>`);
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it('gives byte-identical results with one worker', () => {
    const result = migsim(['sensitivity', SCENARIO, ...SMALL, '--workers', '1', '--out', one]);
    expect(result.status).toBe(0);
    for (const file of ['sensitivity.csv', 'design.csv', 'report.html']) {
      expect(readFileSync(join(one, file), 'utf8'), file).toBe(readFileSync(join(two, file), 'utf8'));
    }
  }, 600_000);

  it('refuses an existing non-empty --out and leaves it as it was', () => {
    const taken = join(temp.dir, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'mine');
    const result = migsim(['sensitivity', SCENARIO, ...SMALL, '--out', taken]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('exists and is not empty');
    expect(readdirSync(taken)).toEqual(['notes.txt']);
    expect(readFileSync(join(taken, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('rejects an unknown method and a horizon that ends before the options differ', () => {
    const method = migsim(['sensitivity', SCENARIO, '--method', 'fast', '--out', join(temp.dir, 'never')]);
    expect(method.status).toBe(1);
    expect(method.stderr).toContain('--method expects morris or sobol');
    const short = migsim(['sensitivity', SCENARIO, '--method', 'morris', '--years', '1', '--quiet', '--out', join(temp.dir, 'never')]);
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/--years 1 ends before the event at month 12/);
    expect(existsSync(join(temp.dir, 'never'))).toBe(false);
  });
});

describe('migsim sensitivity --method sobol over a scenario’s own sensitivity: ranges', () => {
  const temp = tempFolder('sobol');
  afterAll(() => temp.remove());

  it('analyses the listed parameters (not the base’s) with S1 and ST', () => {
    const file = join(temp.dir, 'own.yaml');
    writeFileSync(
      file,
      [
        'name: Own ranges',
        'base: kazakhstan-2008',
        'seed: 9',
        'replicates: 1',
        'years: 1',
        `set: { ${SCALE}: 1000, ${POPULATION}: 500000, population.burn_in_weeks: 26 }`,
        'options:',
        '  - name: status quo',
        '  - name: dearer permits',
        `    set: { ${FEE}: 9000 }`,
        'sensitivity:',
        `  ${RETURN_REVIEW}: [0.005, 0.05]`,
        `  ${QUOTA}: [20000, 250000]`,
        '',
      ].join('\n'),
    );
    const out = join(temp.dir, 'out');
    const result = migsim(['sensitivity', file, '--method', 'sobol', '--samples', '2', '--quiet', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set([RETURN_REVIEW, QUOTA]));
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['S1', 'ST']));
    expect(readFileSync(join(out, 'design.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 2 * (2 + 2));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('the scenario&#39;s sensitivity: section');
  });
});
