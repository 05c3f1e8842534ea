#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { paramsTable } from './run/paramsTable.js';
import { packageVersion } from './run/packageVersion.js';
import { RunFailure, RunInterrupted } from './run/runEnsemble.js';
import { runScenario } from './run/runScenario.js';
import { applyOverrides, ScenarioError } from './scenario/index.js';
import { listShippedScenarios, loadScenarioFile } from './scenario/loadScenarioFile.js';

/** The `migsim` command: run, validate, params, list, serve. */
const program = new Command()
  .name('migsim')
  .description('Agent-based simulation of labour migration under quota and permit regimes')
  .version(packageVersion());

function wholeNumber(flag: string, min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new InvalidArgumentError(`${flag} expects a whole number ≥ ${min}, got "${text}"`);
    return value;
  };
}

/** Prints a user-facing error without a stack trace and exits non-zero. */
function fail(error: unknown): never {
  if (error instanceof ScenarioError) process.stderr.write(error.format() + '\n');
  else if (error instanceof Error) process.stderr.write(`migsim: ${error.message}\n`);
  else process.stderr.write(`migsim: ${String(error)}\n`);
  process.exit(1);
}

program
  .command('run')
  .description('run a scenario\'s options × replicates and write its results folder')
  .argument('<scenario>', 'scenario file (YAML)')
  .option('--out <dir>', 'results folder (default: results/<scenario file name>)')
  .option('--replicates <n>', 'replicates per option (overrides the file)', wholeNumber('--replicates', 1))
  .option('--workers <n>', 'worker threads', wholeNumber('--workers', 1), availableParallelism())
  .option('--seed <n>', 'scenario seed (overrides the file)', wholeNumber('--seed', 0))
  .option('--only-option <name>', 'run only this option (to reproduce one run)')
  .option('--only-replicate <k>', 'run only this replicate index (to reproduce one run)', wholeNumber('--only-replicate', 0))
  .option('--quiet', 'no progress output')
  .action(async (file: string, opts: { out?: string; replicates?: number; workers: number; seed?: number; onlyOption?: string; onlyReplicate?: number; quiet?: boolean }) => {
    const out = opts.out ?? join('results', basename(file, extname(file)));
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    try {
      const scenario = applyOverrides(loadScenarioFile(file), { seed: opts.seed, replicates: opts.replicates });
      const { seconds } = await runScenario(scenario, {
        out,
        workers: opts.workers,
        quiet: opts.quiet === true,
        onlyOption: opts.onlyOption,
        onlyReplicate: opts.onlyReplicate,
        signal: controller.signal,
      });
      if (!opts.quiet) process.stderr.write(`wrote ${out}/ in ${seconds.toFixed(1)} s\n`);
      process.stdout.write(`${join(out, 'report.html')}\n`);
    } catch (error) {
      if (error instanceof RunInterrupted) {
        process.stderr.write('migsim: interrupted; no results written\n');
        process.exit(130);
      }
      if (error instanceof RunFailure) {
        const seedFlag = opts.seed === undefined ? '' : ` --seed ${opts.seed}`;
        const replicatesFlag = opts.replicates === undefined ? '' : ` --replicates ${opts.replicates}`;
        process.stderr.write(
          `migsim: ${error.message}\nreproduce this run alone with:\n  npx migsim run ${file}${seedFlag}${replicatesFlag} --only-option "${error.optionName}" --only-replicate ${error.job.replicate} --workers 1\n`,
        );
        process.exit(1);
      }
      fail(error);
    }
  });

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
    for (const s of listShippedScenarios()) {
      process.stdout.write(`${s.file.padEnd(28)} ${s.name}\n${' '.repeat(29)}${s.question || s.description}\n`);
    }
  });

program.parseAsync(process.argv).catch(fail);
