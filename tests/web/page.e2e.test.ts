import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateSeed } from '../../sim/model/random.js';
import { simulate } from '../../sim/model/simulate.js';
import { horizonWeeks } from '../../sim/model/time.js';
import { INDICATORS } from '../../sim/model/indicators.js';
import { loadScenarioFile } from '../../sim/scenario/loadScenarioFile.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';
import { CLASSROOM_LEVERS } from './classroomLevers.js';

/**
 * The teaching page in Debian's headless Chromium: load, run, charts,
 * levers, compare, stop, export and import, at desktop and phone sizes.
 * Runs use one replicate to keep the machine free.
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

interface PageRun {
  setting: string;
  replicate: number;
  seed: string;
  week: number;
  row: number[];
}
interface ChartData {
  kind: 'line' | 'difference';
  indicator: string;
  points: number;
  options: string[];
}

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

async function waitForDone(page: Page): Promise<string> {
  await page.waitForFunction(() => /done$/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, {
    timeout: RUN_TIMEOUT,
    polling: 250,
  });
  return (await page.getByTestId('status').textContent()) ?? '';
}

const runsOf = (page: Page): Promise<PageRun[]> => page.evaluate(() => (window as unknown as { __migsim: { runs(): PageRun[] } }).__migsim.runs());
const chartsOf = (page: Page): Promise<ChartData[]> =>
  page.evaluate(() => (window as unknown as { __migsim: { chartOptions(): ChartData[] } }).__migsim.chartOptions());

describe.skipIf(!hasBrowser && !required)('teaching page in a browser', () => {
  let browser: Browser;
  let server: { child: ChildProcess; url: string };

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
    'runs classroom with the command line numbers, reacts to levers, compares, exports and imports',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (req) => {
        if (!req.url().startsWith(server.url) && !/^(blob|data):/.test(req.url())) external.push(req.url());
      });
      await page.goto(server.url);

      // Every shipped scenario is offered, except sweeps (`migsim run` runs those; the page runs options).
      const select = page.getByTestId('scenario-select');
      const offered = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const shipped = readdirSync(join(root, 'scenarios'))
        .filter((f) => f.endsWith('.yaml') && loadScenarioFile(join(root, 'scenarios', f)).sweep === undefined)
        .map((f) => f.replace(/\.yaml$/, ''));
      expect(offered.sort()).toEqual(shipped.sort());
      await select.selectOption('quota-cut');
      await select.selectOption('classroom');
      await expect.poll(() => page.locator('#question').textContent()).toContain('tying the permit to the worker');
      expect(await page.locator('#notes').textContent()).toContain('003 L2069–2130');

      // Every required lever is a labelled control.
      for (const param of CLASSROOM_LEVERS) {
        const control = page.locator(`[data-param="${param}"]`).first();
        await expect.poll(() => control.count(), { message: param }).toBe(1);
        const id = await control.getAttribute('id');
        expect(await page.locator(`label[for="${id}"]`).count(), param).toBe(1);
      }
      expect(await page.locator('[data-param="uzbekistan.kazakhstan.regime"]').inputValue()).toBe('employer-tied');
      expect(await page.locator('[data-param="kazakhstan.quota.annual"]:not([data-none])').inputValue()).toBe('126000');

      // Run both options, one replicate.
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('run').click();
      const status = await waitForDone(page);
      expect(status).toMatch(/2 runs of 260 weeks in \d+(\.\d+)? s — done$/);
      const options = ['employer-tied (Kazakhstan 2008)', 'worker-tied permits'];
      const charts = await chartsOf(page);
      expect(charts.filter((c) => c.kind === 'line')).toHaveLength(10);
      expect(charts.filter((c) => c.kind === 'difference')).toHaveLength(1);
      for (const chart of charts) expect(chart.options.sort(), chart.indicator).toEqual(options);
      expect(await page.getByTestId('chart').count()).toBe(11);
      expect(await page.locator('#difference-table tbody tr').count()).toBe(10);
      await page.screenshot({ path: join(outDir, 'page-1280x800.png') });
      await page.screenshot({ path: join(outDir, 'page-1280x800-full.png'), fullPage: true });

      // The page's final week equals simulate in Node, exactly, for both options.
      const first = await runsOf(page);
      const classroom = loadScenarioFile(join(root, 'scenarios', 'classroom.yaml'));
      for (const [o, option] of classroom.options.entries()) {
        const pageRun = first.find((r) => r.setting === option.name && r.replicate === 0)!;
        expect(pageRun.seed).toBe(replicateSeed(classroom.seed, 0));
        expect(pageRun.week).toBe(horizonWeeks(classroom.years));
        const node = simulate({
          params: option.params,
          events: option.events.map((e) => ({ week: e.week, set: e.set })),
          seed: replicateSeed(classroom.seed, 0),
          weeks: horizonWeeks(classroom.years),
        });
        // The page shows every destination together: the `all` row of the last week.
        const stride = INDICATORS.length * node.places.length;
        const last = Array.from(node.values.subarray(node.weeks * stride, node.weeks * stride + INDICATORS.length));
        expect(pageRun.row, `option ${o}`).toEqual(last);
      }

      // A lever moved with the keyboard changes the numbers of the option it edits, not the other's.
      const capacity = page.locator('[data-param="kazakhstan.police.capacity"]');
      await capacity.focus();
      await page.keyboard.press('Home');
      expect(await capacity.inputValue()).toBe('0');
      await expect.poll(() => page.locator('[data-value-of="kazakhstan.police.capacity"]').textContent()).toContain('option: 1');
      await page.getByTestId('run').click();
      await waitForDone(page);
      const second = await runsOf(page);
      const edited = second.find((r) => r.setting === `${options[0]} + your changes`)!;
      expect(edited.row).not.toEqual(first.find((r) => r.setting === options[0])!.row);
      expect(edited.row[INDICATORS.findIndex((i) => i.name === 'bribes_count')]).toBe(0);
      expect(second.find((r) => r.setting === options[1])!.row).toEqual(first.find((r) => r.setting === options[1])!.row);

      // Compare the option as shipped (A) with the levers (B) on the same seed.
      await page.locator('#compare-a').selectOption('option:0');
      await page.locator('#compare-b').selectOption('levers');
      await page.getByTestId('compare').click();
      await waitForDone(page);
      const compared = await runsOf(page);
      expect(compared.map((r) => r.setting)).toEqual([`A: ${options[0]}`, `B: your settings (${options[0]} + your changes)`]);
      expect(compared[0].row).toEqual(first.find((r) => r.setting === options[0])!.row);
      expect(compared[1].row).toEqual(edited.row);
      for (const chart of await chartsOf(page)) expect(chart.options).toHaveLength(2);
      expect(await page.locator('#difference-table thead th').allTextContents()).toContain(`B: your settings (${options[0]} + your changes) (difference)`);

      // Export the settings, validate the file with the command line, and import it back.
      const download = page.waitForEvent('download');
      await page.getByTestId('export-yaml').click();
      const file = join(outDir, 'exported-classroom.yaml');
      await (await download).saveAs(file);
      const yaml = readFileSync(file, 'utf8');
      expect(await page.locator('#export-text').textContent()).toBe(yaml);
      expect(execFileSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' })).toBe('ok\n');
      const exported = loadScenarioFile(file);
      const setting = await page.evaluate(() => (window as unknown as { __migsim: { leverSetting(): { params: Record<string, unknown> } } }).__migsim.leverSetting());
      expect(exported.options[0].params).toEqual(setting.params);
      expect(exported.options[0].events).toEqual(classroom.options[0].events);
      expect([exported.seed, exported.replicates, exported.years]).toEqual([classroom.seed, 1, classroom.years]);

      await page.getByTestId('import-yaml').setInputFiles(file);
      await expect.poll(() => select.inputValue()).toMatch(/^imported-/);
      expect(await page.locator('[data-param="kazakhstan.police.capacity"]').inputValue()).toBe('0');
      const imported = await page.evaluate(() => (window as unknown as { __migsim: { leverSetting(): { changed: string[]; params: Record<string, unknown> } } }).__migsim.leverSetting());
      expect(imported.changed).toEqual([]);
      expect(imported.params).toEqual(setting.params);

      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await context.close();
    },
    RUN_TIMEOUT * 4,
  );

  it(
    'works on a phone, and stops a run',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('scenario-select').selectOption('classroom');
      await page.getByTestId('replicates').selectOption('1');
      await page.getByTestId('run').click();
      // Let a few weeks arrive, then stop.
      await page.waitForFunction(
        () => /% of the weeks/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
        null,
        { timeout: RUN_TIMEOUT, polling: 200 },
      );
      await page.getByTestId('stop').click();
      await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Stopped after/);
      expect(await page.getByTestId('run').isEnabled()).toBe(true);
      expect(await page.getByTestId('stop').isDisabled()).toBe(true);
      const partial = await runsOf(page);
      expect(partial.some((r) => r.week >= 0 && r.week < 260)).toBe(true);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('#results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(outDir, 'page-390x844.png') });
      await page.screenshot({ path: join(outDir, 'page-390x844-full.png'), fullPage: true });
      await context.close();
    },
    RUN_TIMEOUT,
  );
});
