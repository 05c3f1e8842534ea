import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../sim/model/indicators.js';
import { replicateSeed } from '../../sim/model/random.js';
import { horizonWeeks } from '../../sim/model/time.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';
import { CATALOGUES } from '../../web/src/i18n/catalogues.js';
import { en } from '../../web/src/i18n/en.js';
import { storyEvents, type StoryEvent } from '../../analysis/story/storyEvents.js';
import type { TraceEvent } from '../../sim/model/state/trace.js';
import { simulateInChild } from '../helpers/simulateInChild.js';
import { CLASSROOM_LEVERS, RUSSIA_ONLY_LEVERS } from './classroomLevers.js';
import type { FollowedAgent } from './probes/followAgent.js';

/**
 * The teaching page in Debian's headless Chromium: what a class must see.
 * Runs use one replicate where the check does not need more, to keep the
 * machine free; no assertion is about time.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
const required = process.env.MIGSIM_REQUIRE_BROWSER === '1';
if (!hasBrowser && !required) {
  console.warn(
    `browser tests skipped: ${CHROMIUM} not found; install chromium (apt-get install chromium) or set MIGSIM_REQUIRE_BROWSER=1 to require them`,
  );
}

const root = packageRoot();
const cli = join(root, 'dist', 'sim', 'cli.js');
const outDir = join(root, 'test-output');
const RUN_TIMEOUT = 600_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface PageRun {
  setting: string;
  settingIndex: number;
  option: number;
  changed: string[];
  replicate: number;
  seed: string;
  week: number;
  row: number[];
  place: string;
}
interface ChartData {
  kind: 'line' | 'difference';
  indicator: string;
  points: number;
  options: string[];
}
interface Hook {
  runs(): PageRun[];
  chartOptions(): ChartData[];
  leverSetting(): { option: number; changed: string[]; params: Record<string, unknown>; events: { month: number; week: number; set: Record<string, unknown> }[] };
  story(): { agent: { agent: number }; events: StoryEvent[]; trace: TraceEvent[] } | undefined;
  prediction(): { value: number } | undefined;
  ahead(): { finished: number; underway: number };
}
const hook = <T>(page: Page, fn: (h: Hook) => T): Promise<T> =>
  page.evaluate((source) => {
    const h = (window as unknown as { __migsim: Hook }).__migsim;
    return (new Function('h', `return (${source})(h)`) as (h: Hook) => T)(h);
  }, fn.toString());

/** Starts `migsim serve --port 0` from the build and waits for the address it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`migsim serve printed no address in time:\n${out}${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`migsim serve exited with ${code}:\n${err}`));
    });
  });
}

/** Waits until the status says the run has finished (data-state="done", in any language) and returns its text. */
async function waitForDone(page: Page): Promise<string> {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state ?? ''), null, {
    timeout: RUN_TIMEOUT,
    polling: 250,
  });
  expect(await page.getByTestId('status').getAttribute('data-state'), await page.getByTestId('status').textContent() ?? '').toBe('done');
  return (await page.getByTestId('status').textContent()) ?? '';
}

/** Collects page errors, console errors and requests that leave the page's own origin. */
function watch(page: Page, origin: string): { errors: string[]; external: string[] } {
  const seen = { errors: [] as string[], external: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !/^(blob|data):/.test(req.url())) seen.external.push(req.url());
  });
  return seen;
}

/** Serious or critical accessibility problems axe-core finds on the page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface Setting {
  readonly params: Record<string, unknown>;
  readonly events: readonly { readonly week: number; readonly set: Record<string, unknown> }[];
}

/** Node's last rows already asked for, by settings, seed and years: several tests compare the same classroom run. */
const lastRowsAsked = new Map<string, Promise<number[][]>>();

/** The last rows of Node's simulate for settings, replicate 0, run in a child process (the model at full speed), once per settings, seed and years. */
function nodeLastRows(settings: readonly Setting[], seed: number, years: number): Promise<number[][]> {
  const key = JSON.stringify([settings.map(({ params, events }) => [params, events]), seed, years]);
  let rows = lastRowsAsked.get(key);
  if (!rows) lastRowsAsked.set(key, (rows = simulateLastRows(settings, seed, years)));
  return rows;
}

async function simulateLastRows(settings: readonly Setting[], seed: number, years: number): Promise<number[][]> {
  const runs = await simulateInChild(
    settings.map(({ params, events }) => ({
      params: params as never,
      events: events.map((e) => ({ week: e.week, set: e.set })) as never,
      seed: replicateSeed(seed, 0),
      weeks: horizonWeeks(years),
    })),
  );
  // The page shows every destination together: the `all` row of the last week.
  return runs.map((run) => Array.from(run.values.subarray(run.values.length - INDICATORS.length)));
}

describe.skipIf(!hasBrowser && !required)('teaching page in a browser', () => {
  let browser: Browser;
  let server: { child: ChildProcess; url: string };
  const classroom = loadScenarioFile(join(root, 'scenarios', 'classroom.yaml'));

  /** The page's runs, after checking that each option's replicate 0 ends exactly as simulate in Node ends with the classroom's settings. */
  async function runsAsInNode(page: Page): Promise<ReturnType<Hook['runs']>> {
    const runs = await hook(page, (h) => h.runs());
    const inNode = await nodeLastRows(classroom.options, classroom.seed, classroom.years);
    for (const [o, option] of classroom.options.entries()) {
      const pageRun = runs.find((r) => r.option === o && r.replicate === 0)!;
      expect(pageRun.seed).toBe(replicateSeed(classroom.seed, 0));
      expect(pageRun.row, option.name).toEqual(inNode[o]);
    }
    return runs;
  }

  const open = async (size: { width: number; height: number }, hash = '', phone = false): Promise<{ context: BrowserContext; page: Page; seen: ReturnType<typeof watch> }> => {
    const context = await browser.newContext({ viewport: size, acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    const seen = watch(page, server.url);
    await page.goto(server.url + hash);
    await expect.poll(() => page.getByTestId('status').getAttribute('data-state')).toBe('ready');
    return { context, page, seen };
  };

  beforeAll(async () => {
    if (!hasBrowser) throw new Error(`MIGSIM_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing; install chromium (apt-get install chromium)`);
    if (!existsSync(cli) || !existsSync(join(root, 'web', 'dist', 'index.html'))) {
      throw new Error('dist/ or web/dist/ is missing; run npm run build first (npm test does)');
    }
    mkdirSync(outDir, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill();
  });

  it(
    'runs classroom with the command line numbers, names its results, clears them on change, and passes axe',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 });

      // Every shipped scenario is offered, except sweeps (`migsim run` runs those; the page runs options); classroom is the default.
      const select = page.getByTestId('scenario-select');
      const offered = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const shipped = readdirSync(join(root, 'scenarios'))
        .filter((f) => f.endsWith('.yaml') && loadScenarioFile(join(root, 'scenarios', f)).sweep === undefined)
        .map((f) => f.replace(/\.yaml$/, ''));
      expect(offered.sort()).toEqual(shipped.sort());
      expect(await select.inputValue()).toBe('classroom');
      expect(await page.getByTestId('replicates').inputValue()).toBe('3');

      // Levers of Kazakhstan only, each labelled; no parameter ids in the labels.
      for (const param of CLASSROOM_LEVERS) {
        const control = page.locator(`[data-param="${param}"]`).first();
        await expect.poll(() => control.count(), { message: param }).toBe(1);
        const label = page.locator(`label[for="${await control.getAttribute('id')}"]`);
        expect(await label.count(), param).toBe(1);
        expect(await label.textContent(), param).not.toContain(param);
      }
      for (const param of RUSSIA_ONLY_LEVERS) expect(await page.locator(`[data-param="${param}"]`).count(), param).toBe(0);
      expect(await page.locator('#levers').innerText()).not.toMatch(/kyrgyzstan|null|\(permit\./);

      // A fresh page's Compare never compares an option with itself; choosing that disables it and says why.
      expect(await page.getByTestId('compare').isEnabled()).toBe(true);
      await page.getByTestId('compare-b').selectOption('option:0');
      expect(await page.getByTestId('compare').isDisabled()).toBe(true);
      expect(await page.locator('#compare-note').isVisible()).toBe(true);
      await page.getByTestId('compare-b').selectOption('option:1');

      // Run both options with three replicates: sentences with intervals, named results.
      await page.getByTestId('run').click();
      const weeks = horizonWeeks(classroom.years);
      // Run came a moment after the page opened: some of its runs may have been started while the page waited.
      expect(await waitForDone(page)).toMatch(new RegExp(`^6 runs of ${weeks} weeks in [\\d.]+ s( \\([1-6] of them started while the page waited\\))? — done\\.$`));
      const options = classroom.options.map((o) => o.name);
      const charts = await hook(page, (h) => h.chartOptions());
      expect(charts.filter((c) => c.kind === 'line').map((c) => c.indicator)).not.toContain('on_registry');
      for (const chart of charts) expect(chart.options.sort(), chart.indicator).toEqual([...options].sort());
      const header = await page.getByTestId('results-header').innerText();
      expect(header).toContain(classroom.name);
      for (const name of options) expect(header).toContain(name);
      expect(header).toMatch(/Seed\s+1/);
      expect(header).toMatch(/Replicates\s+3/);
      const sentences = await page.getByTestId('sentence').allTextContents();
      expect(sentences.length).toBeGreaterThan(3);
      for (const sentence of sentences) expect(sentence).toMatch(/95%|too few|the same as/);
      expect(await page.locator('[data-testid="sentence"][data-verdict="rose"], [data-testid="sentence"][data-verdict="fell"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#difference-table tbody tr').count()).toBeGreaterThan(5);
      expect(await page.getByTestId('monitors').innerText()).toContain(`Week ${weeks} of ${weeks}`);

      // The page's final week equals simulate in Node, exactly, for both options.
      await runsAsInNode(page);

      // Accessibility: names for chart menus and canvases, and no serious axe violations.
      for (const summary of await page.locator('#charts summary').all()) expect(await summary.getAttribute('aria-label')).toMatch(/^Chart menu: /);
      for (const canvas of await page.locator('#charts canvas').all()) expect(await canvas.getAttribute('aria-label')).toMatch(/^Chart: /);
      expect(await page.locator('[role="status"][aria-live]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      // No inner scroll area: the results panel is as tall as its content.
      expect(await page.locator('#results').evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(outDir, 'page-en-1280x800.png') });
      await page.screenshot({ path: join(outDir, 'page-en-1280x800-full.png'), fullPage: true });

      // A lever change clears the old results; one replicate gives a caution instead of intervals.
      const capacity = page.locator('[data-param="kazakhstan.police.capacity"]');
      await capacity.focus();
      await page.keyboard.press('Home');
      await expect.poll(() => page.locator('[data-value-of="kazakhstan.police.capacity"]').textContent()).toContain('option: 1');
      expect(await page.locator('#charts [data-testid="chart"]').count()).toBe(0);
      expect(await page.locator('#difference').isHidden()).toBe(true);
      expect(await page.getByTestId('status').getAttribute('data-state')).toBe('cleared');
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('run').click();
      await waitForDone(page);
      expect(await page.getByTestId('one-replicate').isVisible()).toBe(true);
      expect(await page.getByTestId('results-header').innerText()).toMatch(/Police staff: 0/);
      const edited = (await hook(page, (h) => h.runs())).find((r) => r.option === 0)!;
      expect(edited.changed).toEqual(['kazakhstan.police.capacity']);
      expect(edited.row[INDICATORS.findIndex((i) => i.name === 'bribes_count')]).toBe(0);

      // Stop, then switch scenario: the old charts go. Three replicates: the one just run would replay at once and leave
      // nothing to stop (Stop is disabled by the time it is clicked).
      await page.getByTestId('replicates').selectOption('3');
      await page.getByTestId('run').click();
      await page.getByTestId('stop').click();
      await select.selectOption('quota-cut');
      expect(await page.locator('#charts [data-testid="chart"]').count()).toBe(0);
      expect(await page.getByTestId('results-header').innerText()).toContain('No results yet');

      // Export the settings, validate the file with the command line, and import it back.
      await select.selectOption('classroom');
      await page.locator('[data-param="kazakhstan.police.capacity"]').fill('0.5');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-yaml').click();
      const file = join(outDir, 'exported-classroom.yaml');
      await (await download).saveAs(file);
      expect(execFileSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' })).toBe('ok\n');
      const setting = await hook(page, (h) => h.leverSetting());
      expect(loadScenarioFile(file).options[0].params).toEqual(setting.params);
      await page.getByTestId('import-yaml').setInputFiles(file);
      await expect.poll(() => select.inputValue()).toMatch(/^imported-/);
      expect(await hook(page, (h) => h.leverSetting().params)).toEqual(setting.params);

      expect(seen.errors).toEqual([]);
      expect(seen.external).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT * 4,
  );

  it(
    'gives a Run of the settings it opened with the runs it computed while it waited, with the same numbers',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 }, '#s=classroom&r=3&lang=en');
      // Every job Run would make (2 options × 3 replicates) is computed while the page waits.
      await expect.poll(() => hook(page, (h) => h.ahead().finished), { timeout: RUN_TIMEOUT }).toBe(6);
      await page.getByTestId('run').click();
      const weeks = horizonWeeks(classroom.years);
      expect(await waitForDone(page)).toMatch(new RegExp(`^6 runs of ${weeks} weeks in [\\d.]+ s \\(6 of them started while the page waited\\) — done\\.$`));
      const runs = await runsAsInNode(page);
      expect(runs.map((r) => r.week)).toEqual(Array(6).fill(weeks));
      expect(seen.errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT,
  );

  it(
    'finishes a Run after a run that stopped the workers computing ahead, with the same numbers',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 }, '#s=classroom&r=1&lang=en');
      // Another seed while both workers compute the opening settings' runs: that run takes the workers, and is stopped.
      await expect.poll(() => hook(page, (h) => h.ahead().underway), { timeout: RUN_TIMEOUT, interval: 50 }).toBe(2);
      await page.getByTestId('seed').fill('2');
      await page.getByTestId('seed').dispatchEvent('change');
      await page.getByTestId('run').click();
      await page.getByTestId('stop').click();
      await expect.poll(() => page.getByTestId('status').getAttribute('data-state')).toBe('stopped');
      // Back to the opening settings: the runs stopped under way are computed again, not waited for (one may have finished first).
      await page.getByTestId('seed').fill(String(classroom.seed));
      await page.getByTestId('seed').dispatchEvent('change');
      await page.getByTestId('run').click();
      await waitForDone(page);
      await runsAsInNode(page);
      expect(seen.errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT,
  );

  it(
    'shows the patent-price option\'s own fee, and a change to it changes the result as shown',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 });
      const patent = loadScenarioFile(join(root, 'scenarios', 'patent-price.yaml'));
      const index = patent.options.findIndex((o) => o.name === '20,000 RUB');
      await page.getByTestId('scenario-select').selectOption('patent-price');
      await page.getByTestId('option').selectOption(String(index));
      const fee = page.locator('[data-param="russia.permit.monthly_fee"]');
      expect(await fee.inputValue()).toBe('20000');
      expect(await page.locator('[data-lever="russia.permit.monthly_fee"] .schedule').textContent()).toMatch(/from month 0.*Your value replaces the value from month 0/);
      for (const param of ['russia.quota.annual', 'russia.amnesty.open']) expect(await page.locator(`[data-param="${param}"]`).count(), param).toBe(0);
      await fee.fill('12000');
      const setting = await hook(page, (h) => h.leverSetting());
      expect(setting.events.map((e) => e.set['russia.permit.monthly_fee'])).toEqual([12000]);

      // Compare the option as shipped (A) with the student's fee (B), one replicate.
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('compare-a').selectOption(`option:${index}`);
      await page.getByTestId('compare-b').selectOption('levers');
      await page.getByTestId('compare').click();
      await waitForDone(page);
      const runs = await hook(page, (h) => h.runs());
      const mine = runs.find((r) => r.settingIndex === 1)!;
      expect(mine.row).toEqual((await nodeLastRows([setting], patent.seed, patent.years))[0]);
      expect(mine.row).not.toEqual(runs.find((r) => r.settingIndex === 0)!.row);
      expect(await page.getByTestId('sentence').first().textContent()).toMatch(/too few replicates/);

      // The comparison exports as one scenario file with both settings.
      const download = page.waitForEvent('download');
      await page.getByTestId('export-comparison').click();
      const file = join(outDir, 'exported-comparison.yaml');
      await (await download).saveAs(file);
      expect(execFileSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' })).toBe('ok\n');
      const exported = loadScenarioFile(file);
      expect(exported.options.map((o) => o.events.map((e) => e.set['russia.permit.monthly_fee']))).toEqual([[20000], [12000]]);
      expect(seen.errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'shows the results of one destination country on demand, as the command line reports that place',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 });
      const diversion = loadScenarioFile(join(root, 'scenarios', 'diversion.yaml'));
      await page.getByTestId('scenario-select').selectOption('diversion');
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('run').click();
      await waitForDone(page);
      const where = page.getByTestId('result-place');
      expect(await where.isVisible()).toBe(true);
      const offered = await where.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
      expect(offered).toEqual([['all', 'All destination countries'], ['russia', 'Russia'], ['kazakhstan', 'Kazakhstan']]);
      const option = diversion.options[0];
      // Node's run of the same option, in a child process (the model at full speed).
      const [{ table: result }] = await simulateInChild([
        { params: option.params as never, events: option.events.map((e) => ({ week: e.week, set: e.set })) as never, seed: replicateSeed(diversion.seed, 0), weeks: horizonWeeks(diversion.years) },
      ]);
      const width = INDICATORS.length;
      const lastRow = (place: string) => {
        const start = (result.weeks * result.places.length + result.places.indexOf(place)) * width;
        return Array.from(result.values.subarray(start, start + width));
      };
      const monitorsOfAll = await page.getByTestId('monitors').innerText();
      for (const place of ['kazakhstan', 'russia', 'all']) {
        await where.selectOption(place);
        await expect.poll(async () => (await hook(page, (h) => h.runs()))[0].place).toBe(place);
        const run = (await hook(page, (h) => h.runs()))[0];
        expect(run.row, place).toEqual(lastRow(place));
      }
      await where.selectOption('kazakhstan');
      await expect.poll(() => page.getByTestId('monitors').innerText()).not.toBe(monitorsOfAll);
      expect(seen.errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT,
  );

  it(
    'opens a shared link with the same settings and numbers, follows one migrant, and records a prediction',
    async () => {
      const { context, page, seen } = await open({ width: 1280, height: 800 });
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('seed').fill('5');
      await page.getByTestId('seed').dispatchEvent('change');
      await page.getByTestId('option').selectOption('1');
      await page.locator('[data-param="kazakhstan.permit.monthly_fee"]').fill('8000');
      await page.getByTestId('follow').selectOption('uzbekistan,almaty');
      await page.getByTestId('predict').fill('150000');
      await expect.poll(() => page.locator('#predict-note').getAttribute('data-state')).toBe('recorded');
      expect(await hook(page, (h) => h.prediction())).toMatchObject({ value: 150000 });
      expect(await page.getByTestId('things-to-try').locator('li').count()).toBeGreaterThan(0);
      const link = await page.getByTestId('share-link').inputValue();
      expect(link).toContain('p.kazakhstan.permit.monthly_fee=8000');
      await page.getByTestId('run').click();
      await waitForDone(page);
      await expect.poll(() => page.locator('#predict-note').getAttribute('data-state')).toBe('compared');
      const runs = await hook(page, (h) => h.runs());

      // The one-migrant timeline equals the story told from Node's run of the same seed and setting.
      const story = (await hook(page, (h) => h.story()))!;
      const setting = await hook(page, (h) => h.leverSetting());
      const pick = { origin: 'uzbekistan', region: 'almaty' };
      const [traced] = await simulateInChild([
        {
          params: setting.params as never,
          events: setting.events.map((e) => ({ week: e.week, set: e.set })) as never,
          seed: replicateSeed(5, 0),
          weeks: horizonWeeks(classroom.years),
          // The model's own events for the same person, as `migsim trace --pick "uzbekistan, almaty" --format json` prints them.
          trace: pick,
          probe: { module: 'tests/web/probes/followAgent.ts', name: 'followAgent', args: { pick, seed: replicateSeed(5, 0) } },
        },
      ]);
      const followed = traced.probe as FollowedAgent;
      expect(story.agent.agent).toBe(followed.agent);
      expect(story.trace).toEqual(followed.trace);
      expect(story.events).toEqual(storyEvents(followed.states, followed.trace));
      expect(await page.getByTestId('story-event').count()).toBe(story.events.length);

      // The link in a new page: same settings, same numbers.
      const other = await context.newPage();
      await other.goto(link);
      await expect.poll(() => other.getByTestId('status').getAttribute('data-state')).toBe('ready');
      expect(await other.getByTestId('option').inputValue()).toBe('1');
      expect(await other.locator('[data-param="kazakhstan.permit.monthly_fee"]').inputValue()).toBe('8000');
      expect(await other.getByTestId('seed').inputValue()).toBe('5');
      await other.getByTestId('run').click();
      await waitForDone(other);
      expect((await hook(other, (h) => h.runs())).map((r) => r.row)).toEqual(runs.map((r) => r.row));
      expect(seen.errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT * 2,
  );

  for (const language of ['ru', 'ky'] as const) {
    it(
      `runs the classroom in ${language} with every label translated`,
      async () => {
        const { context, page, seen } = await open({ width: 1280, height: 800 });
        await page.getByTestId('language').selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await page.getByTestId('share-link').inputValue()).toContain(`lang=${language}`);
        await page.getByTestId('replicates').selectOption('1');
        await page.getByTestId('follow').selectOption('kyrgyzstan,almaty');
        await page.getByTestId('run').click();
        await waitForDone(page);
        expect(await page.getByTestId('story-event').count()).toBeGreaterThan(0);

        // No English message of the catalogue is left outside parts marked lang="en".
        const text = await page.evaluate(() => {
          const clone = document.body.cloneNode(true) as HTMLElement;
          for (const english of Array.from(clone.querySelectorAll('[lang="en"], script'))) english.remove();
          return clone.innerText;
        });
        const catalogue = CATALOGUES[language];
        const leftovers = Object.entries(en)
          .filter(([key, message]) => catalogue[key as keyof typeof en] !== message && !/[{}]/.test(message) && message.split(' ').length >= 2)
          .filter(([, message]) => text.includes(message))
          .map(([key]) => key);
        expect(leftovers).toEqual([]);
        expect(text).toContain(catalogue['run.run']);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(outDir, `page-${language}-1280x800.png`) });
        await page.screenshot({ path: join(outDir, `page-${language}-1280x800-full.png`), fullPage: true });
        expect(seen.errors).toEqual([]);
        await context.close();
      },
      RUN_TIMEOUT,
    );
  }

  for (const language of ['en', 'ru', 'ky'] as const) {
    it(
      `works on a phone in ${language}: Run in reach, pause, stop`,
      async () => {
        const { context, page } = await open({ width: 390, height: 844 }, `#s=classroom&lang=${language}&r=3`, true);
        // The run bar stays on screen at the top of the page.
        expect(await page.getByTestId('run').isVisible()).toBe(true);
        const box = (await page.getByTestId('run').boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(844);
        // Pause at once (the year of history before week 0 takes longer than a click), then watch the monitors stand still.
        await page.getByTestId('run').click();
        await page.getByTestId('pause').click();
        await expect.poll(() => page.getByTestId('status').getAttribute('data-state')).toBe('paused');
        const held = await page.getByTestId('monitors').innerText();
        await page.waitForTimeout(1000);
        expect(await page.getByTestId('monitors').innerText()).toBe(held);
        await page.getByTestId('pause').click();
        await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="monitors"]')?.textContent ?? ''), null, { timeout: RUN_TIMEOUT, polling: 200 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.getByTestId('stop').click();
        await expect.poll(() => page.getByTestId('status').getAttribute('data-state')).toBe('stopped');
        expect(await page.getByTestId('run').isEnabled()).toBe(true);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(outDir, `page-${language}-390x844.png`) });
        await page.screenshot({ path: join(outDir, `page-${language}-390x844-full.png`), fullPage: true });
        await context.close();
      },
      RUN_TIMEOUT,
    );
  }

  it(
    'runs when web/dist/index.html is opened from disk, or says at once what to do',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${pathToFileURL(join(root, 'web', 'dist', 'index.html')).href}#r=1`);
      await page.getByTestId('run').click();
      await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state ?? ''), null, {
        timeout: RUN_TIMEOUT,
        polling: 250,
      });
      const state = await page.getByTestId('status').getAttribute('data-state');
      if (state === 'failed') {
        expect(await page.getByTestId('status').textContent()).toContain('npx migsim serve');
        expect(await page.locator('#file-notice').isVisible()).toBe(true);
      } else expect(await page.locator('#charts [data-testid="chart"]').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT,
  );
});
