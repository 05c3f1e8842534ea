#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { formatNumber } from '../analysis/formatNumber.js';
import { withinTolerance } from './calibrate/targets.js';
import { paramsTable } from './run/paramsTable.js';
import { packageVersion } from './run/packageVersion.js';
import { RunInterrupted } from './run/runEnsemble.js';
import { exitCodeOf, stopOnSignals } from './run/stopOnSignals.js';
import { applyOverrides, isBasePath, RUN_SETTINGS, ScenarioError } from './scenario/index.js';
import { clip, escapeControl } from './scenario/escapeControl.js';
import { MAX_MESSAGE_CHARS } from './scenario/inputLimits.js';
import { listScenarios } from './scenario/listScenarios.js';
import { loadScenarioFile } from './scenario/loadScenarioFile.js';
import { packageRoot } from './scenario/packageRoot.js';

/** The `migsim` command: run, calibrate, validate, params, list, serve. */
const program = new Command()
  .name('migsim')
  .description('Agent-based simulation of labour migration under quota and permit regimes')
  .version(packageVersion())
  // Commander quotes a bad argument as typed; escaped, it cannot act on the terminal.
  .configureOutput({ outputError: (text, write) => write(text.split('\n').map(escapeControl).join('\n')) });

function wholeNumber(flag: string, min: number) {
  return (text: string): number => {
    // Digits only: Number() would read " " and "" as 0, "1e3" as 1000 and "0x10" as 16.
    const value = /^[0-9]{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min) throw new InvalidArgumentError(`${flag} expects a whole number ≥ ${min} written in digits, got "${escapeControl(text)}"`);
    return value;
  };
}

function shareOf(flag: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0 && value <= 1)) throw new InvalidArgumentError(`${flag} expects a share above 0 and at most 1, got "${text}"`);
    return value;
  };
}

function horizonYears(text: string): number {
  const value = Number(text);
  if (!RUN_SETTINGS.years.accepts(value)) throw new InvalidArgumentError(`--years expects ${RUN_SETTINGS.years.expected}, got "${text}"`);
  return value;
}

/** Prints a user-facing error without a stack trace and exits non-zero. */
function fail(error: unknown): never {
  if (error instanceof RunInterrupted) {
    process.stderr.write('migsim: interrupted; no results written\n');
    process.exit(exitCodeOf(error.signal));
  }
  if (error instanceof ScenarioError) process.stderr.write(error.format() + '\n');
  else process.stderr.write(`${say(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
}

/** `migsim: message`, each line with control characters escaped and cut to a readable length. */
function say(message: string): string {
  return message
    .split('\n')
    .map((line, k) => clip(escapeControl(k === 0 ? `migsim: ${line}` : line), MAX_MESSAGE_CHARS))
    .join('\n');
}

program
  .command('run')
  .description('run a scenario\'s options × replicates and write its results folder')
  .argument('<scenario>', 'scenario file (YAML)')
  .option('--out <dir>', 'results folder (default: results/<scenario file name>); never one that holds other files')
  .option('--force', 'replace the previous migsim results folder at --out')
  .option('--resume', 'continue the killed run to the same --out from its finished runs')
  .option('--replicates <n>', 'replicates per option (overrides the file, also replicates: auto)', wholeNumber('--replicates', 1))
  .option('--workers <n>', 'worker threads', wholeNumber('--workers', 1), availableParallelism())
  .option('--seed <n>', 'scenario seed (overrides the file)', wholeNumber('--seed', 0))
  .option('--only-option <name>', 'run only this option (to reproduce one run)')
  .option('--only-replicate <k>', 'run only this replicate index (to reproduce one run)', wholeNumber('--only-replicate', 0))
  .option('--quiet', 'no progress output')
  .action(
    async (
      file: string,
      opts: { out?: string; force?: boolean; resume?: boolean; replicates?: number; workers: number; seed?: number; onlyOption?: string; onlyReplicate?: number; quiet?: boolean },
    ) => {
      const out = opts.out ?? join('results', basename(file, extname(file)));
      const signal = stopOnSignals();
      try {
        const scenario = applyOverrides(loadScenarioFile(file), { seed: opts.seed, replicates: opts.replicates });
        // Loaded here so that validate, params and list start without the report and chart code.
        const { runScenario, AllRunsFailed } = await import('./run/runScenario.js');
        try {
          const outcome = await runScenario(scenario, {
            out,
            workers: opts.workers,
            quiet: opts.quiet === true,
            onlyOption: opts.onlyOption,
            onlyReplicate: opts.onlyReplicate,
            force: opts.force === true,
            resume: opts.resume === true,
            signal,
          });
          if (!opts.quiet) for (const note of outcome.notes) process.stderr.write(`${escapeControl(note)}\n`);
          if (outcome.failures.length > 0) {
            process.stderr.write(say(`${outcome.failures.length} of ${outcome.failures.length + outcome.runs} runs failed; the others are in ${out}/, the failures in ${join(out, 'failures.csv')}`) + '\n');
            for (const f of outcome.failures.slice(0, 5)) process.stderr.write(say(`option "${f.option}", replicate ${f.replicate}: ${f.message.split('\n', 1)[0]}\n  ${f.command}`).replace(/^migsim: /, '  ') + '\n');
          } else if (!opts.quiet) process.stderr.write(`wrote ${out}/ in ${outcome.seconds.toFixed(1)} s\n`);
          process.stdout.write(`${join(out, 'report.html')}\n`);
          if (outcome.failures.length > 0) process.exit(2);
        } catch (error) {
          if (error instanceof AllRunsFailed) {
            process.stderr.write(say(error.message) + '\n');
            for (const f of error.failures.slice(0, 5)) process.stderr.write(say(`replicate ${f.replicate}: ${f.message.split('\n', 1)[0]}\n  reproduce it alone with: ${f.command}`).replace(/^migsim: /, '  ') + '\n');
            process.exit(1);
          }
          throw error;
        }
      } catch (error) {
        fail(error);
      }
    },
  );

program
  .command('calibrate')
  .description('fit a base\'s uncertain parameters to its calibration targets (ABC rejection) and write a calibration folder')
  .argument('<base>', 'shipped base name (kazakhstan-2008, russia-2025) or base file (YAML)')
  .option('--budget <n>', 'parameter vectors drawn from the uncertain ranges', wholeNumber('--budget', 1), 60)
  .option('--out <dir>', 'calibration folder (default: results/calibration-<base>); never one that holds other files')
  .option('--force', 'replace the previous calibration folder at --out')
  .option('--replicates <n>', 'seeded replicates per drawn vector', wholeNumber('--replicates', 1), 3)
  .option('--check-replicates <n>', 'replicates of the final check of the current and fitted values', wholeNumber('--check-replicates', 2), 10)
  .option('--years <n>', 'horizon of each run after the burn-in', horizonYears, 2)
  .option('--agents <n>', 'largest number of agents per run (raises the scale of a larger base)', wholeNumber('--agents', 100), 15000)
  .option('--accept <share>', 'share of the budget accepted, nearest the targets first', shareOf('--accept'), 0.1)
  .option('--workers <n>', 'worker threads', wholeNumber('--workers', 1), availableParallelism())
  .option('--seed <n>', 'seed of the draws and the replicates', wholeNumber('--seed', 0), 1)
  .option('--quiet', 'no progress output')
  .action(
    async (
      base: string,
      opts: { budget: number; out?: string; force?: boolean; replicates: number; checkReplicates: number; years: number; agents: number; accept: number; workers: number; seed: number; quiet?: boolean },
    ) => {
      const name = isBasePath(base) ? basename(base, extname(base)) : base;
      const out = opts.out ?? join('results', `calibration-${name}`);
      const signal = stopOnSignals();
      try {
        const { checkOut } = await import('./run/outFolder.js');
        // Refused before the calibration runs, not after.
        checkOut({ out, scenarioFiles: isBasePath(base) ? [base] : [], force: opts.force === true, expectedBytes: 0 });
        const { runCalibration } = await import('./calibrate/runCalibration.js');
        const { result, seconds } = await runCalibration({
          base,
          out,
          budget: opts.budget,
          seed: opts.seed,
          replicates: opts.replicates,
          checkReplicates: opts.checkReplicates,
          years: opts.years,
          agents: opts.agents,
          acceptShare: opts.accept,
          workers: opts.workers,
          quiet: opts.quiet === true,
          force: opts.force === true,
          signal,
        });
        if (!opts.quiet) {
          for (const { target, fitted } of result.results) {
            const verdict = withinTolerance(target, fitted.mean) ? 'within tolerance' : 'MISSED';
            process.stderr.write(
              `${target.name}: source ${formatNumber(target.sourceValue)} [${formatNumber(target.tolerance.low)}, ${formatNumber(target.tolerance.high)}], ` +
                `model ${formatNumber(fitted.mean)} (${formatNumber(fitted.ci_low)} to ${formatNumber(fitted.ci_high)}): ${verdict}\n`,
            );
          }
          const fittedText = result.parameters.map((p) => `${p} = ${formatNumber(result.fittedValues[p])}`).join(', ');
          process.stderr.write(`fitted: ${fittedText}\nwrote ${out}/ in ${seconds.toFixed(1)} s\n`);
        }
        process.stdout.write(`${join(out, 'report.html')}\n`);
      } catch (error) {
        fail(error);
      }
    },
  );

program
  .command('validate')
  .description('check a scenario file without running it')
  .argument('<scenario>', 'scenario file (YAML)')
  .action((file: string) => {
    try {
      loadScenarioFile(file);
      process.stdout.write('ok\n');
    } catch (error) {
      fail(error);
    }
  });

program
  .command('params')
  .description('every parameter: name, default, unit, meaning, source or "assumption"')
  .option('--format <format>', 'md or json', 'md')
  .action((opts: { format: string }) => {
    if (opts.format !== 'md' && opts.format !== 'json') fail(new Error(`--format expects md or json, got "${opts.format}"`));
    process.stdout.write(paramsTable(opts.format as 'md' | 'json'));
  });

program
  .command('list')
  .description('shipped scenarios with their questions')
  .action(() => {
    const { text, invalid } = listScenarios();
    process.stdout.write(text);
    if (invalid > 0) {
      process.stderr.write(`migsim: ${invalid} scenario ${invalid === 1 ? 'file is' : 'files are'} invalid (marked INVALID above); see every problem with: migsim validate FILE\n`);
      process.exitCode = 1;
    }
  });

program
  .command('serve')
  .description('serve the teaching page (web/dist/) on 127.0.0.1')
  .option('--port <n>', 'port to listen on (0: any free port)', wholeNumber('--port', 0), 8080)
  .action(async (opts: { port: number }) => {
    if (opts.port > 65535) fail(new Error(`--port expects a whole number from 0 to 65535, got ${opts.port}`));
    const root = join(packageRoot(), 'web', 'dist');
    if (!existsSync(join(root, 'index.html'))) fail(new Error('the teaching page is not built (web/dist/ is missing); build it with: npm run build:web'));
    try {
      const { serveStatic } = await import('./run/serveStatic.js');
      const { url } = await serveStatic({ root, port: opts.port });
      process.stderr.write('serving the teaching page; press Ctrl+C to stop\n');
      process.stdout.write(`${url}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(new Error(`port ${opts.port} is in use; choose another with --port, or --port 0 for any free port`));
      fail(error);
    }
  });

program.parseAsync(process.argv).catch(fail);
