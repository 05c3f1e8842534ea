import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../analysis/compareOptions.js';
import { endOfHorizon } from '../../analysis/endOfHorizon.js';
import { INDICATORS } from '../../sim/model/indicators.js';
import { replicateSeed } from '../../sim/model/random.js';
import { planJobs as planCliJobs } from '../../sim/run/runJob.js';
import { parseScenario } from '../../sim/scenario/index.js';
import { loadBaseFile, loadScenarioFile, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';
import { ruleSummaries, yamlFiles } from '../../web/buildData.mjs';
import type { AgentSnapshot } from '../../analysis/story/agentSnapshot.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import type { FollowedAgent } from './probes/followAgent.js';
import { lineSpec, differenceSpec } from '../../web/src/charts.js';
import { verdict } from '../../web/src/differenceVerdict.js';
import { pickText, readExercise } from '../../web/src/exercises.js';
import { exportYaml } from '../../web/src/exportScenario.js';
import { GLOSSARY } from '../../web/src/glossary.js';
import { CATALOGUES, LANGUAGES } from '../../web/src/i18n/catalogues.js';
import { en } from '../../web/src/i18n/en.js';
import { formatCompact, formatFull, formatQuantity } from '../../web/src/i18n/formatNumbers.js';
import { Translator } from '../../web/src/i18n/translator.js';
import { leverSchedule, optionValue, optionValues } from '../../web/src/leverSchedule.js';
import { leversFor, parseLeverNumber } from '../../web/src/levers.js';
import { groupMechanisms, MECHANISMS } from '../../web/src/mechanisms.js';
import { scenarioUse } from '../../web/src/places.js';
import { RunResults } from '../../web/src/results.js';
import { openingComment, readScenario, resolveBase, shippedLibrary } from '../../web/src/scenarioLibrary.js';
import { leverSetting, planJobs, sameSetting, optionSetting, type PageJob } from '../../web/src/settings.js';
import { readSettingsHash, settingsHash } from '../../web/src/shareLink.js';
import { modelStoryEvents, storyEvents } from '../../analysis/story/storyEvents.js';
import { valueSource } from '../../web/src/valueSource.js';
import { CLASSROOM_LEVERS, RUSSIA_ONLY_LEVERS } from './classroomLevers.js';

const root = packageRoot();
const scenarios = yamlFiles(join(root, 'scenarios'));
const bases = yamlFiles(join(root, 'scenarios', 'bases'));
const WIDTH = INDICATORS.length;
const scenario = (name: string) => loadScenarioFile(join(root, 'scenarios', `${name}.yaml`));
const leversOf = (name: string, option = 0) => {
  const s = scenario(name);
  return leversFor(scenarioUse(s.options), s.options[option].params);
};

describe('scenario library', () => {
  it('reads every shipped scenario with the bundled bases, as the command line does', () => {
    const { entries, problems } = shippedLibrary(scenarios, bases);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(['classroom', 'quota-cut', 'permit-tying']));
    for (const entry of entries) {
      const cli = loadScenarioFile(join(root, 'scenarios', `${entry.key}.yaml`));
      expect(entry.scenario.options).toEqual(cli.options);
      expect(entry.notes).not.toBe('');
      expect(entry.baseText).toContain('currency');
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
  const classroom = scenario('classroom');

  it('is small: 10,000 agents, 3 years, 3 replicates, seed 1, one year of burn-in', () => {
    const params = classroom.options[0].params;
    expect(Number(params['population.potential_migrants']) / Number(params.scale)).toBe(10_000);
    expect(params['population.burn_in_weeks']).toBe(52);
    expect([classroom.base, classroom.years, classroom.replicates, classroom.seed]).toEqual(['kazakhstan-2008', 3, 3, 1]);
  });
});

describe('levers: which a scenario shows', () => {
  it('are the policy settings of the scenario, without Russia-only levers in Kazakhstan', () => {
    const names = leversOf('classroom').map((l) => l.param);
    expect(names).toEqual(expect.arrayContaining([...CLASSROOM_LEVERS]));
    for (const param of RUSSIA_ONLY_LEVERS) expect(names).not.toContain(param);
    expect(names.filter((n) => n.startsWith('russia.'))).toEqual([]);
  });

  it('show the control registry and the app in Russia, and no quota where there is none', () => {
    const names = leversOf('control-registry').map((l) => l.param);
    expect(names).toEqual(expect.arrayContaining(['russia.registry.enabled', 'russia.registry.delisting', 'russia.moscow.digital_registration', 'russia.permit.monthly_fee']));
    expect(names).not.toContain('kazakhstan.almaty.digital_registration');
    expect(names).not.toContain('russia.quota.annual');
    expect(names).not.toContain('russia.amnesty.open');
  });

  it('always show a parameter the scenario\'s options change', () => {
    expect(leversOf('sanctions').map((l) => l.param)).toEqual(expect.arrayContaining(['russia.sanction.ban_days', 'russia.sanction.removal_share']));
    expect(leversOf('amnesty').map((l) => l.param)).toEqual(expect.arrayContaining(['kazakhstan.amnesty.open', 'kazakhstan.amnesty.kind', 'kazakhstan.amnesty.validity_days']));
    expect(leversOf('classroom').map((l) => l.param)).not.toContain('kazakhstan.amnesty.validity_days');
  });

  it('reject what the parameter does not accept, with a message key', () => {
    const fee = leversOf('classroom').find((l) => l.param === 'kazakhstan.registration.fee')!;
    expect(parseLeverNumber(fee.def, '2500')).toEqual({ value: 2500 });
    expect(parseLeverNumber(fee.def, '')).toEqual({ error: { key: 'rules.enterNumber' } });
    expect(parseLeverNumber(fee.def, '-1')).toHaveProperty('error.key');
  });
});

describe('levers: truthful values', () => {
  it('show the value the option uses, including its timeline (patent price 20,000 RUB; quota halved)', () => {
    const patent = scenario('patent-price');
    const option = patent.options.findIndex((o) => o.name === '20,000 RUB');
    expect(optionValue(patent.options[option], 'russia.permit.monthly_fee')).toBe(20000);
    expect(leverSchedule(patent.options[option], 'russia.permit.monthly_fee')).toEqual([
      { month: null, value: 8900 },
      { month: 0, value: 20000 },
    ]);
    const quota = scenario('quota-cut');
    expect(optionValue(quota.options[1], 'kazakhstan.quota.annual')).toBe(63483);
    expect(optionValue(quota.options[0], 'kazakhstan.quota.annual')).toBe(126000);
  });

  it('apply a student\'s value where the option sets it, so the timeline no longer overrides it', () => {
    const patent = scenario('patent-price');
    const index = patent.options.findIndex((o) => o.name === '20,000 RUB');
    const levers = leversFor(scenarioUse(patent.options), patent.options[index].params);
    const values = { ...optionValues(patent.options[index], levers), 'russia.permit.monthly_fee': 12000 };
    const setting = leverSetting(patent.options, index, levers, values);
    expect(setting.changed).toEqual(['russia.permit.monthly_fee']);
    expect(setting.params['russia.permit.monthly_fee']).toBe(8900);
    expect(setting.events.map((e) => e.set['russia.permit.monthly_fee'])).toEqual([12000]);
    // The original option is untouched.
    expect(patent.options[index].events[0].set['russia.permit.monthly_fee']).toBe(20000);

    const quota = scenario('quota-cut');
    const quotaLevers = leversFor(scenarioUse(quota.options), quota.options[1].params);
    const cut = leverSetting(quota.options, 1, quotaLevers, { ...optionValues(quota.options[1], quotaLevers), 'kazakhstan.quota.annual': 5000 });
    expect(cut.params['kazakhstan.quota.annual']).toBe(126000);
    expect(cut.events).toEqual([{ month: 12, week: quota.options[1].events[0].week, set: { 'kazakhstan.quota.annual': 5000 } }]);

    // A lever the option never changes applies from the start.
    const capacity = leverSetting(quota.options, 1, quotaLevers, { ...optionValues(quota.options[1], quotaLevers), 'kazakhstan.police.capacity': 0.5 });
    expect(capacity.params['kazakhstan.police.capacity']).toBe(0.5);
  });

  it('make an unchanged setting the option itself, and tell two settings apart', () => {
    const quota = scenario('quota-cut');
    const levers = leversFor(scenarioUse(quota.options), quota.options[1].params);
    const same = leverSetting(quota.options, 1, levers, optionValues(quota.options[1], levers));
    expect(same.changed).toEqual([]);
    expect(sameSetting(same, optionSetting(quota.options, 1))).toBe(true);
    expect(sameSetting(optionSetting(quota.options, 0), optionSetting(quota.options, 1))).toBe(false);
  });

  it('cite the source of the value in use, from the scenario or its base', () => {
    const text = readFileSync(join(root, 'scenarios', 'patent-price.yaml'), 'utf8');
    expect(valueSource('kazakhstan.permit.monthly_fee', 4000, [text], 'registry')).toBe('regimes RU3 (Moscow 2015)');
    expect(valueSource('kazakhstan.permit.monthly_fee', 20000, [text], 'registry')).toBe('hypothetical');
    const base = bases.find((b) => b.name === 'kazakhstan-2008')!.text;
    expect(valueSource('kazakhstan.quota.annual', 126000, ['', base], 'registry')).toBe('003 L2084');
    expect(valueSource('kazakhstan.police.capacity', 1, [base], 'assumption')).toBe('assumption');
  });
});

describe('jobs', () => {
  it('use the command line seeds for every (option, replicate), and trace one job only', () => {
    const classroom = scenario('classroom');
    const page = planJobs(classroom.options, 3, 7, classroom.years, { agent: 5 });
    const cli = planCliJobs(classroom.options.length, 3, 7);
    for (const job of cli) {
      const same = page.find((p) => p.setting === job.option && p.replicate === job.replicate)!;
      expect(same.seed).toBe(job.seed);
      expect(same.params).toBe(classroom.options[job.option].params);
    }
    expect(page.filter((j) => j.trace).map((j) => [j.setting, j.replicate])).toEqual([[0, 0]]);
  });
});

describe('languages', () => {
  const keys = Object.keys(en).sort();

  /** Placeholder names of an ICU message, and whether each plural has an `other` case. */
  function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) into.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        into.add(element.value);
        expect(element.options).toHaveProperty('other');
        for (const option of Object.values(element.options)) placeholders(option.value, into);
      }
    }
    return into;
  }

  it('have every key of the English catalogue, and no other', () => {
    for (const language of LANGUAGES) expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual(keys);
  });

  it('parse as ICU messages with the same placeholders in every language', () => {
    for (const key of keys) {
      const english = placeholders(parseIcu(en[key as keyof typeof en]));
      for (const language of LANGUAGES) {
        const message = CATALOGUES[language][key as keyof typeof en];
        expect(message.trim(), `${language} ${key}`).not.toBe('');
        expect([...placeholders(parseIcu(message))].sort(), `${language} ${key}`).toEqual([...english].sort());
      }
    }
  });

  it('translate what the page shows (Russian and Kyrgyz differ from English except names and codes)', () => {
    const same = (language: 'ru' | 'ky') => keys.filter((key) => CATALOGUES[language][key as keyof typeof en] === en[key as keyof typeof en]);
    const allowed = /^(unit\.(billion|million)|scenario\.patent-price\.option\.\d|place\.(almaty|astana|moscow|shymkent))$/;
    expect(same('ru').filter((k) => !allowed.test(k))).toEqual([]);
    expect(same('ky').filter((k) => !allowed.test(k))).toEqual([]);
  });

  it('use the sources\' terms', () => {
    expect(CATALOGUES.ru['glossary.registry']).toBe('Реестр контролируемых лиц');
    expect(CATALOGUES.ru['glossary.patent']).toBe('Патент');
    expect(CATALOGUES.ky['glossary.registry']).toBe('Көзөмөл реестри');
    expect(CATALOGUES.ky['group.registration']).toBe('Миграциялык каттоо');
  });

  it('format plurals and numbers for the language', () => {
    expect(new Translator('ru').t('status.done', { runs: 6, weeks: 260, seconds: '3.1' })).toMatch(/^6 расчётов по 260/);
    expect(new Translator('ru').t('status.done', { runs: 2, weeks: 260, seconds: '3.1' })).toMatch(/^2 расчёта/);
    expect(new Translator('en').t('status.done', { runs: 1, weeks: 260, seconds: '3.1' })).toMatch(/^1 run of/);
    const en2 = new Translator('en');
    expect(formatFull(88979211692, 'en')).toBe('88,979,211,692');
    expect(formatFull(88979211692, 'ru').replace(/\s/g, ' ')).toBe('88 979 211 692');
    expect(formatCompact(88979211692, en2)).toBe('89 bn');
    expect(formatQuantity(88979211692, 'currency', 'KZT', en2)).toBe('89 bn KZT');
    expect(formatQuantity(88979211692, 'currency', 'KZT', new Translator('ru'))).toBe('89 млрд KZT');
    expect(formatQuantity(1_234_567, 'people', '', new Translator('ky'))).toBe('1,23 млн адам');
    expect(formatQuantity(0.719, 'share', '', en2)).toBe('71.9%');
  });
});

describe('share link', () => {
  it('round-trips scenario, option, changed levers, seed, replicates, language and whom to follow', () => {
    const settings = {
      scenario: 'quota-cut',
      option: 1,
      changed: { 'kazakhstan.quota.annual': 5000, 'kazakhstan.police.capacity': 0.5, 'uzbekistan.kazakhstan.regime': 'worker-tied', 'kazakhstan.registry.enabled': false },
      seed: 42,
      replicates: 3,
      language: 'ky' as const,
      follow: { origin: 'uzbekistan', region: 'almaty' },
    };
    const hash = settingsHash(settings);
    expect(readSettingsHash(hash)).toEqual(settings);
    expect(readSettingsHash(settingsHash({ ...settings, changed: { 'kazakhstan.quota.annual': null }, follow: { agent: 7 } }))).toMatchObject({
      changed: { 'kazakhstan.quota.annual': null },
      follow: { agent: 7 },
    });
  });

  it('drops what does not parse instead of failing', () => {
    expect(readSettingsHash('#s=classroom&o=x&lang=fr&p.quota.annual=abc&p.no.such=1&seed=-1')).toEqual({ scenario: 'classroom' });
  });
});

describe('one migrant\'s story', () => {
  const base: AgentSnapshot = { week: 0, day: 0, status: 0, region: 'moscow', permit: 0, registration: 0, flags: 0, employer: -1, broker: -1, savings: 100, debt: 0, arrears: 0, wage: 0, bannedUntil: -1 };

  it('tells departure, papers, a job, withheld pay, removal and ban from weekly states', () => {
    const weeks: AgentSnapshot[] = [
      base,
      { ...base, week: 1, day: 7, status: 1, region: 'almaty', broker: 2 },
      { ...base, week: 2, day: 14, status: 1, region: 'almaty', broker: 2, registration: 3, permit: 1, flags: 32 | 8, employer: 5, wage: 40000 },
      { ...base, week: 3, day: 21, status: 1, region: 'almaty', broker: 2, registration: 3, permit: 1, flags: 32 | 8 | 1, employer: 5, wage: 40000, arrears: 5000 },
      { ...base, week: 4, day: 28, status: 2, region: 'almaty', broker: -1, flags: 1 },
      { ...base, week: 6, day: 42, status: 0, region: 'almaty', bannedUntil: 42 + 365 },
    ];
    expect(storyEvents(weeks).map((e) => e.kind)).toEqual([
      'start-home',
      'departure',
      'broker',
      'registered',
      'permit',
      'job',
      'legal',
      'passport',
      'withheld',
      'registration-lost',
      'permit-lost',
      'job-lost',
      'irregular',
      'detained',
      'broker-end',
      'passport-back',
      'removed',
    ]);
    expect(storyEvents(weeks).at(-1)).toEqual({ week: 6, kind: 'removed', untilWeek: 58 });
  });

  it('follows the same agent for the same seed, and reads the model without changing its numbers', async () => {
    const classroom = scenario('classroom');
    const option = classroom.options[1];
    const input = { params: option.params, events: option.events.map((e) => ({ week: e.week, set: e.set })), seed: replicateSeed(1, 0), weeks: 20 };
    const pick = { origin: 'uzbekistan', region: 'almaty' };
    const follow = { module: 'tests/web/probes/followAgent.ts', name: 'followAgent', args: { pick, seed: input.seed } };
    // In a child process, where the model runs at full speed: the run as it is, the run followed, and a run of one week followed.
    const [plain, traced, oneWeek] = await simulateInChild([
      input,
      // As the page's worker does for the followed job: the model records the agent's events too.
      { ...input, trace: pick, probe: follow },
      { ...input, weeks: 1, probe: follow },
    ]);
    const { agent, states, trace } = traced.probe as FollowedAgent;
    expect(Array.from(traced.table.values)).toEqual(Array.from(plain.table.values));
    expect(states).toHaveLength(21);
    // The same seed picks the same person again.
    expect((oneWeek.probe as FollowedAgent).agent).toBe(agent);
    expect(storyEvents(states)[0].kind).toBe('start-abroad');
    // The model traced the same person, and its events join the story in week order.
    expect(traced.traced?.agent).toBe(agent);
    expect(trace.length).toBeGreaterThan(0);
    // Every story event the model's own record adds (which ones depends on this person's weeks) joins those told from the states.
    const story = storyEvents(states, trace);
    expect(story.length).toBe(storyEvents(states).length + modelStoryEvents(trace).length);
    expect(story.map((e) => e.week)).toEqual(story.map((e) => e.week).sort((a, b) => a - b));
  }, 600_000);
});

describe('exercises', () => {
  const files = yamlFiles(join(root, 'web', 'exercises'));

  it('ship for five scenarios, in every language, naming levers the scenario shows', () => {
    const keys = scenarios.map((s) => s.name);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['classroom', 'quota-cut', 'patent-price', 'control-registry', 'amnesty']));
    for (const file of files) {
      const exercise = readExercise(file.text, file.name);
      expect(keys).toContain(exercise.scenario);
      expect(exercise.try.length).toBeGreaterThan(0);
      expect(exercise.predict).toBeDefined();
      expect(exercise.predict!.option).toBeLessThan(scenario(exercise.scenario).options.length);
      for (const text of [...exercise.notice, ...exercise.try]) for (const language of LANGUAGES) expect(text[language], `${file.name} ${language}`).toBeTruthy();
    }
  });

  it('read a teacher\'s plain-text file, and say which field is wrong', () => {
    const exercise = readExercise('scenario: amnesty\ntry:\n  - Open the amnesty window twice.\n', 'mine.yaml');
    expect(pickText(exercise.try[0], 'ru')).toEqual({ text: 'Open the amnesty window twice.', language: 'en' });
    expect(() => readExercise('scenario: amnesty\ntries: []\n', 'mine.yaml')).toThrow(/unknown field "tries"/);
    expect(() => readExercise('scenario: amnesty\npredict: { indicator: nothing }\n', 'mine.yaml')).toThrow(/predict.indicator/);
  });
});

describe('export', () => {
  it('writes one setting or a comparison that reads back to the page settings, with their timelines', () => {
    const quotaCut = scenario('quota-cut');
    const levers = leversFor(scenarioUse(quotaCut.options), quotaCut.options[1].params);
    const values = { ...optionValues(quotaCut.options[1], levers), 'kazakhstan.police.capacity': 0.5, 'kazakhstan.quota.annual': 5000 };
    const mine = leverSetting(quotaCut.options, 1, levers, values);
    const shipped = optionSetting(quotaCut.options, 0);
    const yaml = exportYaml({
      scenario: quotaCut,
      notes: 'Question: a test.',
      settings: [
        { name: 'A: status quo', optionName: 'status quo', changed: [], params: shipped.params, events: shipped.events },
        { name: 'B: quota halved + your changes', optionName: 'quota halved', changed: mine.changed, params: mine.params, events: mine.events },
      ],
      base: resolveBase(quotaCut.base, bases),
      seed: 11,
      replicates: 2,
    });
    expect(yaml).toMatch(/^# Question: a test\./);
    const back = parseScenario(yaml, 'exported.yaml', loadBaseFile, shippedBaseNames());
    expect(back.options.map((o) => o.name)).toEqual(['A: status quo', 'B: quota halved + your changes']);
    expect(back.options[0].params).toEqual(shipped.params);
    expect(back.options[0].events).toEqual(shipped.events);
    expect(back.options[1].params).toEqual(mine.params);
    expect(back.options[1].events).toEqual(mine.events);
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

  it('explains every term students meet, in plain words without parameter ids', () => {
    expect(GLOSSARY.map((g) => g.key)).toEqual(['patent', 'registration', 'quota', 'employerTied', 'workerTied', 'freeMovement', 'registry', 'amnesty', 'broker', 'irregular']);
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(CATALOGUES[language])) {
        if (key.startsWith('mechanism.') || key.startsWith('glossary.') || key.startsWith('lever.')) expect(text, key).not.toMatch(/[a-z]+\.[a-z_]+\.[a-z_]+|sim\/model|\.ts\b/);
      }
    }
  });
});

describe('charts', () => {
  it('never cut legend labels short, and speak the page\'s language', () => {
    const names = ['B: your settings (worker-tied permits + your changes)', 'A: employer-tied (Kazakhstan 2008)'];
    const ru = new Translator('ru');
    for (const spec of [lineSpec('irregular', names, 260, 'KZT', 3, ru), differenceSpec('irregular', names, 260, 'KZT', ru)]) {
      const encoding = (spec as { encoding: { color: { legend: { labelLimit: number } }; x: { title: string } } }).encoding;
      expect(encoding.color.legend.labelLimit).toBe(0);
      expect(encoding.x.title).toBe('Неделя');
    }
  });
});

describe('differences', () => {
  it('state a rise or fall only when the interval supports it, and say when replicates are too few', () => {
    expect(verdict({ diff: 10, diff_low: 5, diff_high: 15, n: 3 })).toBe('rose');
    expect(verdict({ diff: -10, diff_low: -15, diff_high: -5, n: 3 })).toBe('fell');
    expect(verdict({ diff: 1, diff_low: -5, diff_high: 7, n: 3 })).toBe('unclear');
    expect(verdict({ diff: 10, diff_low: NaN, diff_high: NaN, n: 1 })).toBe('tooFew');
    expect(verdict({ diff: 0, diff_low: NaN, diff_high: NaN, n: 1 })).toBe('same');
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
    const last = results.differencePoints('removals').filter((p) => p.option === 'b').at(-1)!;
    expect(last.diff).toBeCloseTo(results.endRows(['removals']).find((r) => r.option === 'b')!.diff, 9);
  });

  it('reads the place chosen: all destination countries, or one of them, as the report does for each place', () => {
    const weeks = 3;
    const places = ['all', 'russia', 'kazakhstan'];
    const jobs: PageJob[] = [0, 1].flatMap((replicate) => [0, 1].map((setting) => ({ id: replicate * 2 + setting, setting, replicate, seed: `s${replicate}`, weeks, params: {}, events: [] })));
    // Each place of each week has its own values, so that reading the wrong place shows.
    const tables = jobs.map((job) => {
      const values = new Float64Array((weeks + 1) * places.length * WIDTH);
      for (let week = 0; week <= weeks; week++) {
        for (let p = 0; p < places.length; p++) {
          for (let c = 0; c < WIDTH; c++) values[(week * places.length + p) * WIDTH + c] = 1000 * p + 10 * week + c + job.setting * (p + 1) + job.replicate;
        }
      }
      return values;
    });
    const results = new RunResults(['a', 'b'], jobs, weeks, places);
    for (const job of jobs) results.add(job.id, 0, tables[job.id]);
    const column = INDICATORS.findIndex((i) => i.name === 'abroad');
    for (const [k, place] of places.entries()) {
      results.place = k;
      const point = results.linePoints('abroad').find((p) => p.option === 'a' && p.week === 2)!;
      const own = jobs.filter((j) => j.setting === 0).map((j) => tables[j.id][(2 * places.length + k) * WIDTH + column]);
      expect(point.mean, place).toBeCloseTo(own.reduce((x, y) => x + y) / own.length, 9);
      const runs = jobs.map((job) => ({ option: ['a', 'b'][job.setting], replicate: job.replicate, table: { weeks, places, values: tables[job.id] } }));
      const report = compareOptions(runs, ['a', 'b']).find((r) => r.place === place && r.indicator === 'abroad')!;
      const row = results.endRows(['abroad']).find((r) => r.option === 'b')!;
      expect(row.diff, place).toBeCloseTo(report.mean_diff, 9);
      expect(row.diff, place).toBeCloseTo(k + 1, 9);
    }
  });
});

