import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateMemory, TooBig, workersThatFit } from '../../sim/run/memoryEstimate.js';
import { CONTROL_CHARACTER } from '../../sim/scenario/escapeControl.js';
import { MAX_MESSAGE_CHARS, MAX_PROBLEMS_SHOWN } from '../../sim/scenario/inputLimits.js';
import { loadBaseFile, shippedBaseNames } from '../../sim/scenario/loadScenarioFile.js';
import { parseScenario } from '../../sim/scenario/parseScenario.js';
import { ScenarioError } from '../../sim/scenario/scenarioError.js';
import { migsim } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

/**
 * Property-based fuzzing of scenario files: each case is a shipped scenario
 * with one to four mutations (lines dropped or duplicated, keys misspelt,
 * values of the wrong type, extreme or non-finite numbers, random bytes,
 * deep nesting, aliases, broken indentation, a cut-off end). The seed is
 * fixed, so every run of the suite tries the same files.
 */
const FILES_IN_PROCESS = 4_000;
const FILES_END_TO_END = 12;
const SEED = 20261203;
/** A hang check, far above the milliseconds a file takes: the alias bomb this guards against took over a minute. */
const HANG_MS = 10_000;

const SHIPPED = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(join(REPO_ROOT, 'scenarios', name), 'utf8'));

const WEIRD_VALUES = [
  '', '~', 'null', 'true', 'no', '[]', '{}', '[1, 2]', '{ a: 1 }', '"text"', "'", '"', '-', '?', ':', '|', '>', '!!binary AAAA',
  '.inf', '-.inf', '.nan', '.NaN', '1e308', '-1e308', '1e309', '5e-324', '9007199254740993', '-0', '0x7fffffff', '0o777', '1_000',
  '1e9', '1000000000', '99999999999999999999', '0.0000001', '2026-12-03', '12:30:00', '=HYPERLINK("http://x")', '@x', '%TAG',
  '&anchor', '*missing', '!!python/object:os.system', '\u0000', '\u001b[2J', 'é', '😀', 'a'.repeat(5000),
];

type Mutation =
  | { kind: 'drop' | 'duplicate' | 'indent' | 'dedent'; at: number }
  | { kind: 'misspell'; at: number; pos: number; char: string }
  | { kind: 'value'; at: number; value: string }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'nest'; at: number; depth: number; open: '[' | '{ k: ' }
  | { kind: 'alias'; at: number; count: number }
  | { kind: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('misspell' as const), at: fc.nat(), pos: fc.nat(), char: fc.constantFrom('a', 'x', '_', '.', '', ' ', 'Q', 'é') }),
  fc.record({
    kind: fc.constant('value' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(...WEIRD_VALUES),
      fc.double().map(String),
      fc.integer({ min: -2e9, max: 2e9 }).map(String),
      fc.string({ maxLength: 20 }),
    ),
  }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    // Mostly shallow, sometimes very deep: deep nesting is slow to parse, and a few cases find what many would.
    depth: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 30 }), weight: 9 }, { arbitrary: fc.integer({ min: 31, max: 3000 }), weight: 1 }),
    open: fc.constantFrom('[' as const, '{ k: ' as const),
  }),
  fc.record({ kind: fc.constant('alias' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

const KEY_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][\w.]*)(\s*:\s*)(.*)$/;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = m.at % lines.length;
  const line = lines[at];
  switch (m.kind) {
    case 'drop':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, line);
      break;
    case 'indent':
      lines[at] = `  ${line}`;
      break;
    case 'dedent':
      lines[at] = line.replace(/^ {1,2}/, '');
      break;
    case 'misspell': {
      const match = KEY_LINE.exec(line);
      if (!match) break;
      const key = match[2];
      const pos = m.pos % key.length;
      lines[at] = `${match[1]}${key.slice(0, pos)}${m.char}${key.slice(pos + 1)}${match[3]}${match[4]}`;
      break;
    }
    case 'value': {
      const match = KEY_LINE.exec(line);
      lines[at] = match ? `${match[1]}${match[2]}: ${m.value}` : `${line}${m.value}`;
      break;
    }
    case 'bytes': {
      const pos = m.at % (text.length + 1);
      return text.slice(0, pos) + String.fromCharCode(...m.bytes) + text.slice(pos);
    }
    case 'nest': {
      const match = KEY_LINE.exec(line);
      if (!match) break;
      const close = m.open === '[' ? ']' : ' }';
      lines[at] = `${match[1]}${match[2]}: ${m.open.repeat(m.depth)}${match[4] || '1'}${close.repeat(m.depth)}`;
      break;
    }
    case 'alias': {
      // An anchor on this line's value, then aliases to it in place of the values after it (or a list of them).
      const match = KEY_LINE.exec(line);
      if (!match || match[4].trim() === '') break;
      lines[at] = `${match[1]}${match[2]}: &fz ${match[4]}`;
      let left = m.count;
      for (let k = at + 1; k < lines.length && left > 0; k++) {
        const other = KEY_LINE.exec(lines[k]);
        if (other && other[4].trim() !== '' && left-- > 0) lines[k] = `${other[1]}${other[2]}: *fz`;
      }
      if (left > 0) lines.push(`extra: [${Array.from({ length: left }, () => '*fz').join(', ')}]`);
      break;
    }
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
  }
  return lines.join('\n');
}

const scenarioFile = fc
  .tuple(fc.nat({ max: SHIPPED.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([index, mutations]) => mutations.reduce(mutate, SHIPPED[index]));

/** Every line of an error: FILE:LINE:COL: message, at most MAX_MESSAGE_CHARS, no control characters. */
function expectWellFormed(lines: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(MAX_PROBLEMS_SHOWN + 1);
  for (const line of lines) {
    expect(line).toMatch(/^[^\n]+:[1-9]\d*:[1-9]\d*: \S/);
    expect(line.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(CONTROL_CHARACTER.test(line)).toBe(false);
  }
}

describe(`fuzzing: ${FILES_IN_PROCESS} mutated scenario files`, () => {
  it('each is accepted or refused with well-formed FILE:LINE:COL lines; none throws anything else or hangs', () => {
    const bases = shippedBaseNames();
    const tally = { tried: 0, accepted: 0, refused: 0, slowestMs: 0 };
    fc.assert(
      fc.property(scenarioFile, (text) => {
        tally.tried++;
        const started = performance.now();
        try {
          const scenario = parseScenario(text, 'fuzz.yaml', loadBaseFile, bases);
          tally.accepted++;
          // An accepted file must also be sized without allocating it: a fit, or a TooBig refusal with the estimate.
          try {
            workersThatFit(estimateMemory(scenario, scenario.options.length * scenario.replicates), 2);
          } catch (error) {
            expect(error).toBeInstanceOf(TooBig);
          }
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          tally.refused++;
          expectWellFormed(error.format().split('\n'));
        }
        const ms = performance.now() - started;
        tally.slowestMs = Math.max(tally.slowestMs, ms);
        expect(ms).toBeLessThan(HANG_MS);
      }),
      { numRuns: FILES_IN_PROCESS, seed: SEED, endOnFailure: true },
    );
    console.log(`fuzzing: ${tally.tried} files tried, ${tally.accepted} accepted, ${tally.refused} refused, 0 mishandled; slowest ${tally.slowestMs.toFixed(0)} ms`);
    expect(tally.tried).toBe(FILES_IN_PROCESS);
  }, 480_000);

  it(`a sample of ${FILES_END_TO_END} through the command line: exit 0 or 1, no stack trace, nothing left on disk`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'migsim-fuzz-'));
    try {
      const samples = fc.sample(scenarioFile, { numRuns: FILES_END_TO_END, seed: SEED + 1 });
      samples.forEach((text, k) => {
        const file = join(folder, `fuzz-${k}.yaml`);
        writeFileSync(file, text);
        const validate = migsim(['validate', file]);
        expect([0, 1]).toContain(validate.status);
        if (validate.status === 0) {
          expect(validate.stdout).toBe('ok\n');
          return;
        }
        expect(validate.stderr).not.toMatch(/^\s+at /m);
        expectWellFormed(validate.stderr.trimEnd().split('\n'));
        // A refused file is refused by run too, before anything is written.
        const run = migsim(['run', file, '--out', join(folder, 'out'), '--quiet']);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(validate.stderr);
      });
      expect(readdirSync(folder).sort()).toEqual(samples.map((_, k) => `fuzz-${k}.yaml`).sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000);
});
