import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../analysis/compareOptions.js';
import { endOfHorizon } from '../../analysis/endOfHorizon.js';
import { INDICATORS } from '../../sim/model/indicators.js';
import { planJobs as planCliJobs } from '../../sim/run/runJob.js';
import { parseScenario } from '../../sim/scenario/index.js';
import { loadBaseFile, loadScenarioFile, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';
import { ruleSummaries, yamlFiles } from '../../web/buildData.mjs';
import { exportYaml } from '../../web/src/exportScenario.js';
import { GLOSSARY } from '../../web/src/glossary.js';
import { leversFor, parseLeverNumber } from '../../web/src/levers.js';
import { groupMechanisms, MECHANISMS } from '../../web/src/mechanisms.js';
import { RunResults } from '../../web/src/results.js';
import { openingComment, readScenario, resolveBase, shippedLibrary } from '../../web/src/scenarioLibrary.js';
import { leverSetting, planJobs, type PageJob } from '../../web/src/settings.js';
import { CLASSROOM_LEVERS } from './classroomLevers.js';

const root = packageRoot();
const scenarios = yamlFiles(join(root, 'scenarios'));
const bases = yamlFiles(join(root, 'scenarios', 'bases'));
const WIDTH = INDICATORS.length;

describe('scenario library', () => {
  it('reads every shipped scenario with the bundled bases, as the command line does', () => {
    const { entries, problems } = shippedLibrary(scenarios, bases);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(['classroom', 'quota-cut', 'permit-tying']));
    // Sweeps are run by `migsim run`; the page, which runs options only, leaves them out.
    expect(entries.map((e) => e.key)).not.toContain('quota-sweep');
    for (const entry of entries) {
      const cli = loadScenarioFile(join(root, 'scenarios', `${entry.key}.yaml`));
      expect(entry.scenario.options).toEqual(cli.options);
      expect(entry.notes).not.toBe('');
    }
  });

  it('takes the opening comment block without its marks', () => {
    expect(openingComment('# Question: why?\n#\n# Sources: 003 L1.\nname: x\n# later\n')).toBe('Question: why?\n\nSources: 003 L1.');
    expect(openingComment('name: x\n')).toBe('');
  });

  it('reports a base given by path, which the browser cannot read', () => {
    expect(() => readScenario('name: x\nbase: ../mine.yaml\noptions:\n  - name: a\n', 'x.yaml', bases)).toThrow(/not found/);
  });
});

describe('classroom scenario', () => {
  const classroom = loadScenarioFile(join(root, 'scenarios', 'classroom.yaml'));

  it('is small: 20,000 agents, 5 years, 3 replicates, seed 1, one year of burn-in', () => {
    const params = classroom.options[0].params;
    expect(Number(params['population.potential_migrants']) / Number(params.scale)).toBe(20_000);
    expect(params['population.burn_in_weeks']).toBe(52);
    expect([classroom.base, classroom.years, classroom.replicates, classroom.seed]).toEqual(['kazakhstan-2008', 5, 3, 1]);
    expect(classroom.question).not.toBe('');
    expect(classroom.description).not.toBe('');
  });

  it('compares employer-tied permits with worker-tied permits without a quota', () => {
    const [tied, free] = classroom.options;
    expect(tied.name).toBe('employer-tied (Kazakhstan 2008)');
    expect(free.name).toBe('worker-tied permits');
    for (const origin of ['uzbekistan', 'kyrgyzstan', 'tajikistan']) {
      expect(tied.params[`${origin}.kazakhstan.regime`]).toBe('employer-tied');
      expect(free.params[`${origin}.kazakhstan.regime`]).toBe('worker-tied');
    }
    expect(free.params['kazakhstan.quota.annual']).toBeNull();
    expect(free.params['kazakhstan.permit.monthly_fee']).toBe(3704);
    expect(free.params['kazakhstan.permit.initial_cost']).toBe(10000);
  });
});

describe('levers', () => {
  const classroom = loadScenarioFile(join(root, 'scenarios', 'classroom.yaml'));

  it('cover the main policy settings of the scenario, each with its registry definition', () => {
    const levers = leversFor(classroom.options[0].params);
    const names = levers.map((l) => l.param);
    expect(names).toEqual(
      expect.arrayContaining([...CLASSROOM_LEVERS]),
    );
    // Regions without jobs in the scenario get no lever.
    expect(names.filter((name) => name.startsWith('russia.'))).toEqual([]);
    for (const lever of levers) {
      expect(lever.def.name).toBe(lever.param);
      expect(lever.def.source).not.toBe('');
    }
  });

  it('reject what the parameter does not accept', () => {
    const fee = leversFor(classroom.options[0].params).find((l) => l.param === 'kazakhstan.registration.fee')!;
    expect(parseLeverNumber(fee.def, '2500')).toEqual({ value: 2500 });
    expect(parseLeverNumber(fee.def, '')).toHaveProperty('error');
    expect(parseLeverNumber(fee.def, '-1')).toHaveProperty('error');
  });
});

describe('jobs', () => {
  it('use the command line seeds for every (option, replicate)', () => {
    const classroom = loadScenarioFile(join(root, 'scenarios', 'classroom.yaml'));
    const page = planJobs(classroom.options, 3, 7, classroom.years);
    const cli = planCliJobs(classroom.options.length, 3, 7);
    for (const job of cli) {
      const same = page.find((p) => p.setting === job.option && p.replicate === job.replicate)!;
      expect(same.seed).toBe(job.seed);
      expect(same.params).toBe(classroom.options[job.option].params);
      expect(same.events).toEqual(classroom.options[job.option].events.map((e) => ({ week: e.week, set: e.set })));
    }
  });
});

describe('export', () => {
  it('writes a scenario that reads back to the page setting, with its timeline and run settings', () => {
    const quotaCut = loadScenarioFile(join(root, 'scenarios', 'quota-cut.yaml'));
    const option = quotaCut.options[1];
    const levers = leversFor(option.params);
    const values = Object.fromEntries(levers.map((l) => [l.param, option.params[l.param]]));
    values['kazakhstan.police.capacity'] = 0.5;
    values['uzbekistan.kazakhstan.regime'] = 'worker-tied';
    const setting = leverSetting(option, levers, values);
    expect(setting.changed).toEqual(['uzbekistan.kazakhstan.regime', 'kazakhstan.police.capacity']);

    const yaml = exportYaml({
      scenario: quotaCut,
      notes: 'Question: a test.',
      optionName: option.name,
      changed: setting.changed,
      params: setting.params,
      events: setting.events,
      base: resolveBase(quotaCut.base, bases),
      seed: 11,
      replicates: 2,
    });
    expect(yaml).toMatch(/^# Question: a test\./);
    expect(yaml).toContain('base: kazakhstan-2008');
    const back = parseScenario(yaml, 'exported.yaml', loadBaseFile, shippedBaseNames());
    expect(back.options).toHaveLength(1);
    expect(back.options[0].params).toEqual(setting.params);
    expect(back.options[0].events).toEqual(option.events);
    expect([back.seed, back.replicates, back.years]).toEqual([11, 2, quotaCut.years]);
  });
});

describe('how it works and glossary', () => {
  const summaries = ruleSummaries(root);

  it('finds a summary for every rule the panels list, and fills every panel', () => {
    for (const mechanism of MECHANISMS) for (const fn of mechanism.fns) expect(summaries.map((s) => s.fn), fn).toContain(fn);
    const panels = groupMechanisms(summaries);
    expect(panels.slice(0, 5).map((p) => p.key)).toEqual(['migrants', 'brokers', 'employers', 'police', 'state']);
    for (const panel of panels) expect(panel.rules.length).toBeGreaterThan(0);
  });

  it('explains every term students meet', () => {
    const terms = GLOSSARY.map((g) => g.term.toLowerCase());
    for (const term of ['patent', 'registration', 'quota', 'employer-tied', 'worker-tied', 'free movement', 'control registry', 'amnesty', 'broker', 'irregular']) {
      expect(terms.some((t) => t.startsWith(term)), term).toBe(true);
    }
  });
});

describe('run results', () => {
  /** Two settings × three replicates of synthetic tables over 4 weeks. */
  function synthetic(): { results: RunResults; tables: Float64Array[]; jobs: PageJob[] } {
    const weeks = 4;
    const jobs: PageJob[] = [];
    for (let replicate = 0; replicate < 3; replicate++) {
      for (let setting = 0; setting < 2; setting++) {
        jobs.push({ id: jobs.length, setting, replicate, seed: `s${replicate}`, weeks, params: {}, events: [] });
      }
    }
    const tables = jobs.map((job) => {
      const values = new Float64Array((weeks + 1) * WIDTH);
      for (let week = 0; week <= weeks; week++) {
        for (let c = 0; c < WIDTH; c++) {
          values[week * WIDTH + c] = (week + 1) * (c + 1) * (1 + job.setting) + job.replicate * job.replicate * (1 + job.setting) * (week % 3);
        }
      }
      return values;
    });
    const results = new RunResults(['a', 'b'], jobs, weeks);
    for (const job of jobs) {
      results.add(job.id, 0, tables[job.id].slice(0, 2 * WIDTH));
      results.add(job.id, 2, tables[job.id].slice(2 * WIDTH));
    }
    return { results, tables, jobs };
  }

  it('averages the replicates week by week', () => {
    const { results, tables, jobs } = synthetic();
    expect(results.complete()).toBe(true);
    const points = results.linePoints('abroad').filter((p) => p.option === 'b' && p.week === 3);
    const column = INDICATORS.findIndex((i) => i.name === 'abroad');
    const values = jobs.filter((j) => j.setting === 1).map((j) => tables[j.id][3 * WIDTH + column]);
    expect(points[0].mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
  });

  it('gives the same end-of-horizon differences as the report', () => {
    const { results, tables, jobs } = synthetic();
    const runs = jobs.map((job) => ({ option: ['a', 'b'][job.setting], replicate: job.replicate, table: { weeks: 4, places: ['all'], values: tables[job.id] } }));
    const report = compareOptions(runs, ['a', 'b']);
    for (const row of results.endRows(['abroad', 'removals'])) {
      if (row.option === 'a') {
        expect(row.diff).toBe(0);
        continue;
      }
      const expected = report.find((r) => r.indicator === row.indicator)!;
      expect(row.diff).toBeCloseTo(expected.mean_diff, 9);
      expect(row.diff_low).toBeCloseTo(expected.ci_low, 9);
      const ends = jobs.filter((j) => j.setting === 1).map((j) => endOfHorizon({ weeks: 4, places: ['all'], values: tables[j.id] })[row.indicator]);
      expect(row.mean).toBeCloseTo(ends.reduce((x, y) => x + y) / ends.length, 9);
    }
    // The difference chart ends at the table's difference.
    const last = results.differencePoints('removals').filter((p) => p.option === 'b').at(-1)!;
    expect(last.diff).toBeCloseTo(results.endRows(['removals']).find((r) => r.option === 'b')!.diff, 9);
  });
});
