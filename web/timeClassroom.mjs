// Times classroom runs on the built teaching page in headless Chromium, as
// a class would start them (Run all options), and prints the median and
// range of the times the page itself reports, with the machine's load.
// Run is clicked as soon as the page is ready, or that many seconds later
// (while it waits, the page computes ahead the runs Run would make).
// Usage: npm run build && node web/timeClassroom.mjs [runs per size, default 5] [seconds before Run, default 0]
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { argv, execPath, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runs = Number(argv[2] ?? 5);
const wait = Number(argv[3] ?? 0);

const server = spawn(execPath, [join(root, 'dist', 'sim', 'cli.js'), 'serve', '--port', '0'], { cwd: root });
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
    if (match) resolve(match[0]);
  });
  server.on('exit', (code) => reject(new Error(`migsim serve exited with ${code}`)));
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const replicates of [1, 3, 5]) {
    const seconds = [];
    const load = [];
    for (let k = 0; k < runs; k++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${url}#s=classroom&r=${replicates}&lang=en`);
      await page.waitForFunction(`document.querySelector('[data-testid="status"]')?.dataset.state === 'ready'`);
      await page.waitForTimeout(wait * 1000);
      load.push(loadavg()[0]);
      await page.getByTestId('run').click();
      // A string, evaluated in the page (this file is Node code).
      await page.waitForFunction(`document.querySelector('[data-testid="status"]')?.dataset.state === 'done'`, null, { timeout: 600_000 });
      const text = await page.getByTestId('status').textContent();
      seconds.push(Number(/in ([\d.]+) s/.exec(text)[1]));
      await page.close();
    }
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)];
    stdout.write(
      `classroom, ${replicates} replicate${replicates === 1 ? '' : 's'} (${2 * replicates} runs), Run ${wait} s after the page is ready: median ${median} s, range ${seconds[0]}–${seconds.at(-1)} s; ` +
        `1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on ${availableParallelism()} cores\n`,
    );
  }
} finally {
  await browser.close();
  server.kill();
}

