import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { ScenarioError } from '../../sim/scenario/scenarioError.js';
import { MAX_ALIASES, MAX_FILE_BYTES, MAX_MESSAGE_CHARS, MAX_PROBLEMS_SHOWN } from '../../sim/scenario/inputLimits.js';
import { EMPTY_BASE, lines, memoryBases } from './memoryBases.js';
import { applyOverrides, AUTO_DEFAULTS } from '../../sim/scenario/index.js';

function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), ['empty']);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).format().split('\n');
  }
  throw new Error('the scenario was accepted');
}

describe('input that would cost too much or harm the terminal is bounded', () => {
  test('a file larger than the limit is refused without being parsed', () => {
    const text = 'name: x\n' + '# padding\n'.repeat(MAX_FILE_BYTES / 10 + 1);
    expect(problemsOf(text)).toEqual([`scenario.yaml:1:1: file is larger than ${MAX_FILE_BYTES} bytes, the most a scenario or base file may have`]);
  });

  test('more aliases than the limit are refused at the first one too many', () => {
    const aliases = Array.from({ length: MAX_ALIASES + 5 }, () => '*o').join(', ');
    const text = lines('name: x', 'base: empty', 'x: &o { name: a }', `options: [${aliases}]`);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^scenario\\.yaml:4:\\d+: ${MAX_ALIASES + 5} YAML aliases \\(\\*name\\); a file may have at most ${MAX_ALIASES}$`));
  });

  test('aliases within the limit still resolve to the nearest anchor before them', () => {
    const text = lines('name: x', 'base: empty', 'options:', '  - &o { name: a }', '  - &o { name: b }', '  - *o');
    expect(problemsOf(text)).toEqual(['scenario.yaml:5:16: duplicate option name "b" (first at line 5)']);
  });

  test(`at most ${MAX_PROBLEMS_SHOWN} problems are printed, then one line counting the rest`, () => {
    const keys = Array.from({ length: 50 }, (_, k) => `unknown_${k}: 1`);
    const problems = problemsOf(lines('name: x', 'base: empty', ...keys, 'options:', '  - name: a'));
    expect(problems).toHaveLength(MAX_PROBLEMS_SHOWN + 1);
    expect(problems[MAX_PROBLEMS_SHOWN]).toBe(
      `scenario.yaml:${3 + MAX_PROBLEMS_SHOWN}:1: and ${50 - MAX_PROBLEMS_SHOWN} more problems from here on (only the first ${MAX_PROBLEMS_SHOWN} are shown)`,
    );
  });

  test('control characters from the file are escaped and long lines cut', () => {
    const name = `a\u001b]0;pwned\u0007\u0000${'z'.repeat(400)}`;
    const problems = problemsOf(lines('name: x', 'base: empty', `"${name.split('\u001b').join('\\e').split('\u0007').join('\\a').split('\u0000').join('\\0')}": 1`, 'options:', '  - name: a'));
    expect(problems).toHaveLength(1);
    expect([...problems[0]].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f))).toEqual([]);
    expect(problems[0]).toContain('a\\x1b]0;pwned\\x07\\x00zzz');
    expect(problems[0]).toHaveLength(MAX_MESSAGE_CHARS);
    expect(problems[0].endsWith('…')).toBe(true);
  });

  test('infinite and not-a-number values are named as such', () => {
    const text = lines('name: x', 'base: empty', 'seed: .inf', 'set:', '  scale: .nan', 'options:', '  - name: a');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:3:7: seed: expected a whole number ≥ 0, got .inf (infinity)',
      expect.stringMatching(/^scenario\.yaml:5:10: scale: expected .*, got \.nan \(not a number\)$/),
    ]);
  });

  test('a horizon shorter than one week is refused', () => {
    expect(problemsOf(lines('name: x', 'base: empty', 'years: 0.001', 'options:', '  - name: a'))).toEqual([
      'scenario.yaml:3:8: years: expected a number of years from 1/52 (one week) to 50, got 0.001',
    ]);
  });
});

describe('replicates: auto', () => {
  function parse(text: string) {
    return parseScenario(text, 'scenario.yaml', memoryBases(EMPTY_BASE), ['empty']);
  }

  test('alone takes the defaults, with the cap as the replicate count', () => {
    const scenario = parse(lines('name: x', 'base: empty', 'replicates: auto', 'options:', '  - name: a'));
    expect(scenario.auto).toEqual(AUTO_DEFAULTS);
    expect(scenario.replicates).toBe(AUTO_DEFAULTS.max);
  });

  test('as a mapping sets batch, cap, precision, indicators and time budget', () => {
    const scenario = parse(lines('name: x', 'base: empty', 'replicates: { batch: 3, max: 9, precision: 0.1, indicators: [legal], seconds: 5 }', 'options:', '  - name: a'));
    expect(scenario.auto).toEqual({ batch: 3, max: 9, precision: { legal: 0.1 }, seconds: 5 });
    expect(scenario.replicates).toBe(9);
  });

  test('precision may give each indicator its own share', () => {
    const scenario = parse(lines('name: x', 'base: empty', 'replicates: { precision: { legal: 0.1, irregular: 0.01 } }', 'options:', '  - name: a'));
    expect(scenario.auto?.precision).toEqual({ legal: 0.1, irregular: 0.01 });
  });

  test('a fixed --replicates replaces it', () => {
    const scenario = applyOverrides(parse(lines('name: x', 'base: empty', 'replicates: auto', 'options:', '  - name: a')), { replicates: 3 });
    expect(scenario.auto).toBeUndefined();
    expect(scenario.replicates).toBe(3);
  });

  test('bad settings are reported where they are', () => {
    expect(problemsOf(lines('name: x', 'base: empty', 'replicates: { batch: 1, precision: 2, indicators: [abroda], colour: red }', 'options:', '  - name: a'))).toEqual([
      'scenario.yaml:3:22: replicates.batch: expected a whole number from 2 to 10000, got 1',
      'scenario.yaml:3:36: replicates.precision: expected a share above 0 and at most 1, or a mapping of indicator: share, got 2',
      'scenario.yaml:3:61: unknown key "colour" in replicates; expected one of batch, max, precision, indicators, seconds',
    ]);
  });
});
