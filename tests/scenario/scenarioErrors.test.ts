import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { ScenarioError } from '../../sim/scenario/scenarioError.js';
import { EMPTY_BASE, lines, memoryBases } from './memoryBases.js';

const SHIPPED = ['empty', 'kazakhstan-2008', 'russia-2025'];

/** The formatted problems of a scenario that must fail, one per line. */
function problemsOf(text: string, bases: Record<string, string> = EMPTY_BASE): string[] {
  try {
    parseScenario(text, 'scenario.yaml', memoryBases(bases), SHIPPED);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).format().split('\n');
  }
  throw new Error('the scenario was accepted');
}

describe('a scenario with one mistake is rejected with its file, line, column and what was expected', () => {
  test('a YAML syntax error points at the broken token', () => {
    const text = lines('name: Test', 'base: empty', 'seed: [1, 2', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('an unknown top-level key suggests the nearest valid key', () => {
    const text = lines('name: Test', 'base: empty', 'replicats: 4', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual(['scenario.yaml:3:1: unknown key "replicats" in scenario; did you mean "replicates"?']);
  });

  test('an unknown key with no close match lists the valid keys', () => {
    const text = lines('name: Test', 'base: empty', 'colour: red', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:3:1: unknown key "colour" in scenario; expected one of name, description, question, base, places, seed, replicates, years, set, timeline, options, sweep, sensitivity',
    ]);
  });

  test('an unknown parameter suggests the nearest parameter name', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  quota.anual: 5', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:4:3: unknown parameter "quota.anual" in set; did you mean "quota.annual"?',
    ]);
  });

  test('a parameter given without its group is matched by its last part', () => {
    const text = lines('name: Test', 'base: empty', 'set: { annual: 5 }', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual(['scenario.yaml:3:8: unknown parameter "annual" in set; did you mean "quota.annual"?']);
  });

  test('a nested group of parameters is told to use flat dotted names', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  quota:', '    annual: 5', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:4:3: unknown parameter "quota" in set; parameters are written as flat dotted names, e.g. "quota.annual"',
    ]);
  });

  test('a value of the wrong type says what the parameter accepts', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  quota.annual: lots', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual(['scenario.yaml:4:17: quota.annual: expected a number ≥ 0 or null, got "lots"']);
  });

  test('a list where a value belongs is a wrong type too', () => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', '    set: { amnesty.open: [true] }');
    expect(problemsOf(text)).toEqual(['scenario.yaml:5:26: amnesty.open: expected true or false, got a list']);
  });

  test('an out-of-range value gives the limit and the unit', () => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', '    set:', '      police.corruption: 1.5');
    expect(problemsOf(text)).toEqual(['scenario.yaml:6:26: police.corruption: 1.5 is above the maximum 1 (share)']);
  });

  test('an unknown base lists the shipped bases and suggests the nearest', () => {
    const text = lines('name: Test', 'base: kazahstan-2008', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:2:7: unknown base "kazahstan-2008"; shipped bases: empty, kazakhstan-2008, russia-2025; did you mean "kazakhstan-2008"?',
    ]);
  });

  test('a base path that does not exist says how paths are resolved', () => {
    const text = lines('name: Test', 'base: ../mine.yaml', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:2:7: base file "../mine.yaml" not found; a path is relative to the folder of the file that names it',
    ]);
  });

  test('an event after the horizon names the option and the horizon', () => {
    const text = lines(
      'name: Test',
      'base: empty',
      'years: 5',
      'options:',
      '  - name: status quo',
      '  - name: quota halved',
      '    at: { month: 72, set: { quota.annual: 66350 } }',
    );
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:7:18: option "quota halved": event at month 72 is at or after the horizon (years: 5 = 60 months)',
    ]);
  });

  test('an event exactly at the horizon is also rejected', () => {
    const text = lines('name: Test', 'base: empty', 'years: 1', 'timeline:', '  - { month: 12, set: { amnesty.open: true } }', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:5:14: timeline: event at month 12 is at or after the horizon (years: 1 = 12 months)',
    ]);
  });

  test('a duplicate option name points at the second and names the line of the first', () => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: status quo', '  - name: status quo');
    expect(problemsOf(text)).toEqual(['scenario.yaml:5:11: duplicate option name "status quo" (first at line 4)']);
  });

  test('a duplicate key points at the second and names the line of the first', () => {
    const text = lines('name: Test', 'base: empty', 'seed: 1', 'seed: 2', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual(['scenario.yaml:4:1: duplicate key "seed" in scenario (first at line 3)']);
  });

  test('missing required keys are reported at the start of the mapping', () => {
    const text = lines('# A scenario without its essentials.', 'description: nothing else');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:2:1: missing required key "name" in scenario',
      'scenario.yaml:2:1: missing required key "base" in scenario',
      'scenario.yaml:2:1: missing required key "options" in scenario',
    ]);
  });

  test('an empty option list is rejected', () => {
    const text = lines('name: Test', 'base: empty', 'options: []');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:3:10: options: expected a list of at least one option ({name, set, at}), got an empty list',
    ]);
  });

  test('an empty file asks for a mapping', () => {
    expect(problemsOf('')).toEqual(['scenario.yaml:1:1: scenario: expected a mapping, got nothing']);
  });

  test.each([
    ['seed: -1', 'scenario.yaml:3:7: seed: expected a whole number ≥ 0, got -1'],
    ['seed: 1.5', 'scenario.yaml:3:7: seed: expected a whole number ≥ 0, got 1.5'],
    ['replicates: 0', 'scenario.yaml:3:13: replicates: expected a whole number from 1 to 10000, got 0'],
    ['replicates: many', 'scenario.yaml:3:13: replicates: expected a whole number from 1 to 10000, got "many"'],
    ['years: 60', 'scenario.yaml:3:8: years: expected a number of years from 1/52 (one week) to 50, got 60'],
    ['years: 0', 'scenario.yaml:3:8: years: expected a number of years from 1/52 (one week) to 50, got 0'],
  ])('a run setting of the wrong type or range is rejected: %s', (line, message) => {
    expect(problemsOf(lines('name: Test', 'base: empty', line, 'options:', '  - name: a'))).toEqual([message]);
  });

  test('a parameter of a place the scenario does not declare names the place and lists those declared', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  russia.novosibirsk.jobs_share: 0.1', 'options:', '  - name: a');
    const [problem] = problemsOf(text);
    // A message is cut at 300 characters, so the list of places declared may end early.
    expect(problem).toMatch(/^scenario\.yaml:4:3: unknown parameter "russia\.novosibirsk\.jobs_share" in set; "novosibirsk" is not a place of this scenario \(declared: origins kyrgyzstan \(osh, /);
  });

  test('a regime for a pair of an origin and a destination country that does not exist names the missing country', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  kyrgyzstan.kazakhstan.regime: free-movement', 'options:', '  - name: a');
    expect(problemsOf(text)[0]).toMatch(/^scenario\.yaml:4:3: unknown parameter "kyrgyzstan\.kazakhstan\.regime" in set; "kazakhstan" is not a place of this scenario/);
  });

  test('a destination country\'s rule for a country that is not declared names it', () => {
    const text = lines('name: Test', 'base: empty', 'set:', '  korea.quota.annual: 100', 'options:', '  - name: a');
    expect(problemsOf(text)[0]).toMatch(/^scenario\.yaml:4:3: unknown parameter "korea\.quota\.annual" in set; "korea" is not a place of this scenario/);
  });

  test('places with a bad name, no regions or no origins are rejected', () => {
    const text = lines('name: Test', 'base: empty', 'places:', '  destinations:', '    russia: [moscow]', '    Korea: [seoul]', '    mongolia: []', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:4:3: places: at least one origin country is needed',
      'scenario.yaml:4:3: destination country "Korea": a place name is lower-case letters, digits and underscores, starting with a letter',
      'scenario.yaml:7:15: places.destinations.mongolia: expected a list of at least one region, got an empty list',
    ]);
  });

  test('a place declared twice is rejected: every place needs its own name', () => {
    const text = lines('name: Test', 'base: empty', 'places:', '  origins: { kyrgyzstan: [osh, osh] }', '  destinations: { russia: [moscow] }', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual(['scenario.yaml:4:3: region of kyrgyzstan "osh" is declared twice; every place needs its own name']);
  });

  test('a name that YAML reads as a number must be quoted', () => {
    expect(problemsOf(lines('name: 2027', 'base: empty', 'options:', '  - name: a'))).toEqual([
      'scenario.yaml:1:7: name: expected non-empty text (quote names that look like numbers), got 2027',
    ]);
  });

  test('an event without a month says so', () => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', '    at: { set: { amnesty.open: true } }');
    expect(problemsOf(text)).toEqual(['scenario.yaml:5:9: missing required key "month" in event of option "a"']);
  });

  test('a negative event month is rejected', () => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', '    at: { month: -2, set: { amnesty.open: true } }');
    expect(problemsOf(text)).toEqual(['scenario.yaml:5:18: month: expected a number ≥ 0, got -2']);
  });
});

describe('a timeline event may only set what can change during a run', () => {
  const REASON = 'cannot change during a run: it is fixed when the world is built, so an event cannot set it; set it in set: (the scenario\'s or an option\'s) instead';

  test.each([
    ['employer.abusive_share', '0.1'],
    ['employer.labour_test_weeks', '4'],
    ['broker.protection_share', '0'],
    ['labour.employer_size', '30'],
    ['scale', '50'],
    ['population.working_years', '30'],
  ])('an option\'s event that sets %s is refused at the parameter\'s name', (name, value) => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', `    at: { month: 6, set: { ${name}: ${value} } }`);
    expect(problemsOf(text)).toEqual([`scenario.yaml:5:28: ${name} ${REASON}`]);
  });

  test.each([
    ['employer.compliant_share', '0.5'],
    ['labour.jobs_per_potential_migrant', '0.7'],
  ])('an option\'s event that sets %s, which the rules read every week, is accepted', (name, value) => {
    const text = lines('name: Test', 'base: empty', 'options:', '  - name: a', `    at: { month: 6, set: { ${name}: ${value} } }`);
    expect(() => parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), SHIPPED)).not.toThrow();
  });

  test('a timeline event with a fixed parameter among changeable ones is refused for that parameter only', () => {
    const text = lines(
      'name: Test',
      'base: empty',
      'timeline:',
      '  - month: 0',
      '    set:',
      '      quota.annual: 1000',
      '      russia.moscow.jobs_share: 2',
      'options:',
      '  - name: a',
    );
    expect(problemsOf(text)).toEqual([`scenario.yaml:7:7: russia.moscow.jobs_share ${REASON}`]);
  });

  test('a base\'s timeline is checked against the base file', () => {
    const bases = { 'bases/tiny.yaml': lines('name: Tiny', 'timeline:', '  - { month: 3, set: { kyrgyzstan.share: 2 } }') };
    expect(problemsOf(lines('name: Test', 'base: tiny', 'options:', '  - name: a'), bases)).toEqual([`bases/tiny.yaml:3:24: kyrgyzstan.share ${REASON}`]);
  });

  test('the same parameters are accepted in set:, for the scenario and for an option', () => {
    const text = lines(
      'name: Test',
      'base: empty',
      'set: { employer.compliant_share: 0.5, scale: 50 }',
      'options:',
      '  - name: a',
      '    set: { broker.protection_share: 0, labour.jobs_per_potential_migrant: 0.7 }',
    );
    const scenario = parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), SHIPPED);
    expect(scenario.options[0].params).toMatchObject({ 'russia.employer.compliant_share': 0.5, scale: 50, 'broker.protection_share': 0, 'russia.labour.jobs_per_potential_migrant': 0.7 });
  });
});

describe('problems in a base file are reported against that file', () => {
  test('a bad value in a base names the base file and its line', () => {
    const bases = { 'bases/tiny.yaml': lines('name: Tiny', 'set:', '  scale: 0', '  kyrgyzstan.russia.regime: eaeu') };
    expect(problemsOf(lines('name: Test', 'base: tiny', 'options:', '  - name: a'), bases)).toEqual([
      'bases/tiny.yaml:3:10: scale: 0 is below the minimum 1 (people/agent)',
      'bases/tiny.yaml:4:29: kyrgyzstan.russia.regime: expected one of employer-tied, worker-tied, free-movement, got "eaeu"',
    ]);
  });

  test('a scenario-only key in a base is unknown there', () => {
    const bases = { 'bases/tiny.yaml': lines('name: Tiny', 'years: 3') };
    expect(problemsOf(lines('name: Test', 'base: tiny', 'options:', '  - name: a'), bases)).toEqual([
      'bases/tiny.yaml:2:1: unknown key "years" in base file; expected one of name, description, base, places, set, timeline, uncertain, fitted',
    ]);
  });

  test('a syntax error in a base names the base file', () => {
    const bases = { 'bases/tiny.yaml': lines('name: Tiny', 'set: { scale: 5') };
    const problems = problemsOf(lines('name: Test', 'base: tiny', 'options:', '  - name: a'), bases);
    expect(problems[0]).toMatch(/^bases\/tiny\.yaml:3:1: YAML syntax error: /);
  });

  test('a cycle of bases is reported where it closes', () => {
    const bases = {
      'bases/a.yaml': lines('name: A', 'base: b'),
      'bases/b.yaml': lines('name: B', 'base: a'),
    };
    expect(problemsOf(lines('name: Test', 'base: a', 'options:', '  - name: x'), bases)).toEqual([
      'bases/b.yaml:2:7: base cycle: bases/a.yaml → bases/b.yaml → bases/a.yaml',
    ]);
  });

  test('uncertain ranges must name numeric parameters with low ≤ high inside the range', () => {
    const bases = {
      'bases/tiny.yaml': lines(
        'name: Tiny',
        'uncertain:',
        '  police.corruptoin: [0.2, 0.8]',
        '  registry.enabled: [0, 1]',
        '  police.detection: [0.9, 0.1]',
        '  migrant.return_review_weekly: [0.01, 2]',
        '  police.capacity: 3',
      ),
    };
    expect(problemsOf(lines('name: Test', 'base: tiny', 'options:', '  - name: a'), bases)).toEqual([
      'bases/tiny.yaml:3:3: unknown parameter "police.corruptoin" in uncertain; did you mean "police.corruption"?',
      'bases/tiny.yaml:4:3: registry.enabled: only numeric parameters can be uncertain, this one is boolean',
      'bases/tiny.yaml:5:21: police.detection: low 0.9 is above high 0.1; expected [low, high]',
      'bases/tiny.yaml:6:40: migrant.return_review_weekly: 2 is above the maximum 1 (probability/week)',
      'bases/tiny.yaml:7:20: police.capacity: expected a range [low, high], got 3',
    ]);
  });
});

describe('several problems in one file are all reported, in file order', () => {
  test('every mistake of a badly written scenario appears once', () => {
    const text = lines(
      'name: Test', //                                       1
      'base: empty', //                                      2
      'replicats: 4', //                                     3
      'set:', //                                             4
      '  quota.anual: 5', //                                 5
      '  police.corruption: 1.5', //                         6
      'options:', //                                         7
      '  - name: a', //                                      8
      '    at: { month: 72, set: { amnesty.open: yes } }', // 9
      '  - name: a', //                                      10
      '  - { nme: b }', //                                   11
    );
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:3:1: unknown key "replicats" in scenario; did you mean "replicates"?',
      'scenario.yaml:5:3: unknown parameter "quota.anual" in set; did you mean "quota.annual"?',
      'scenario.yaml:6:22: police.corruption: 1.5 is above the maximum 1 (share)',
      'scenario.yaml:9:18: option "a": event at month 72 is at or after the horizon (years: 5 = 60 months)',
      'scenario.yaml:9:43: amnesty.open: expected true or false, got "yes"',
      'scenario.yaml:10:11: duplicate option name "a" (first at line 8)',
      'scenario.yaml:11:5: missing required key "name" in option 3',
      'scenario.yaml:11:7: unknown key "nme" in option 3; did you mean "name"?',
    ]);
  });

  test('the error message itself holds the formatted problems', () => {
    try {
      parseScenario(lines('name: Test', 'base: empty', 'seed: x', 'years: x', 'options:', '  - name: a'), 'scenario.yaml', memoryBases(EMPTY_BASE));
      expect.unreachable();
    } catch (error) {
      const scenarioError = error as ScenarioError;
      expect(scenarioError.problems).toHaveLength(2);
      expect(scenarioError.message).toBe(scenarioError.format());
      expect(scenarioError.problems[0]).toEqual({
        file: 'scenario.yaml',
        line: 3,
        col: 7,
        message: 'seed: expected a whole number ≥ 0, got "x"',
      });
    }
  });
});
