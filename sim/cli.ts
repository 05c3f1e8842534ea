#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { formatNumber } from '../analysis/formatNumber.js';
import { CALIBRATION_DEFAULTS } from './calibrate/calibrationDefaults.js';
import { withinTolerance } from './calibrate/targets.js';
import { paramsTable } from './run/paramsTable.js';
import { packageVersion } from './run/packageVersion.js';
import { RunInterrupted } from './run/runEnsemble.js';
import { exitCodeOf, stopOnSignals } from './run/stopOnSignals.js';
import { applyOverrides, isBasePath, RUN_SETTINGS, ScenarioError } from './scenario/index.js';
import { clip, escapeControl } from './scenario/escapeControl.js';
import { MAX_MESSAGE_CHARS } from './scenario/inputLimits.js';
import { listScenarios } from './scenario/listScenarios.js';
import { loadScenarioFile, resolveShippedBase } from './scenario/loadScenarioFile.js';
import { packageRoot } from './scenario/packageRoot.js';
import type { PlanSettings } from './experiment/experimentPlan.js';
import { parseShard, shardFromSlurm, type ShardSpec } from './experiment/shardSpec.js';

/** The `migsim` command: run, calibrate, sensitivity, merge, slurm, trace, validate, params, list, serve. */
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

function shareBelowOne(flag: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`${flag} expects a share above 0 and below 1, got "${text}"`);
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

/** Runs one shard of `run` or `sensitivity` into a shard folder (default results/<name>.shard-k-of-N). */
async function runShardCommand(
  file: string,
  plan: PlanSettings,
  shard: ShardSpec,
  opts: { out?: string; workers: number; quiet?: boolean },
  signal: AbortSignal,
): Promise<void> {
  const out = opts.out ?? join('results', `${basename(file, extname(file))}.shard-${shard.k}-of-${shard.n}`);
  const { runShard } = await import('./experiment/runShard.js');
  const { seconds, jobs } = await runShard(file, plan, shard, { out, workers: opts.workers, quiet: opts.quiet === true, signal });
  if (!opts.quiet) process.stderr.write(`wrote shard ${shard.k}/${shard.n} (${jobs} runs) to ${out}/ in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`${out}\n`);
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
  .option('--shard <k/N>', 'run only shard k of N of the jobs into a shard folder (default in a Slurm array task: its task id)')
  .option('--quiet', 'no progress output')
  .action(
    async (
      file: string,
      opts: { out?: string; force?: boolean; resume?: boolean; replicates?: number; workers: number; seed?: number; onlyOption?: string; onlyReplicate?: number; shard?: string; quiet?: boolean },
    ) => {
      const out = opts.out ?? join('results', basename(file, extname(file)));
      const signal = stopOnSignals();
      try {
        const shard = opts.shard !== undefined ? parseShard(opts.shard) : opts.onlyOption === undefined && opts.onlyReplicate === undefined ? shardFromSlurm(process.env) : undefined;
        if (shard) {
          if (opts.onlyOption !== undefined || opts.onlyReplicate !== undefined) throw new Error('--shard cannot be combined with --only-option or --only-replicate');
          await runShardCommand(file, { command: 'run', seed: opts.seed, replicates: opts.replicates }, shard, opts, signal);
          return;
        }
        const scenario = applyOverrides(loadScenarioFile(file), { seed: opts.seed, replicates: opts.replicates });
        if (scenario.sweep) {
          if (opts.onlyOption !== undefined || opts.onlyReplicate !== undefined) throw new Error('--only-option and --only-replicate do not apply to a scenario with a sweep: section');
          const { runSweep } = await import('./experiment/runSweep.js');
          const { seconds } = await runSweep(scenario, { out, workers: opts.workers, quiet: opts.quiet === true, replicates: opts.replicates, signal });
          if (!opts.quiet) process.stderr.write(`wrote ${out}/ in ${seconds.toFixed(1)} s\n`);
          process.stdout.write(`${join(out, 'report.html')}\n`);
          return;
        }
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
  .description('fit a base\'s uncertain parameters to its calibration targets (ABC with sequential Monte Carlo, or rejection) and write a calibration folder')
  .argument('<base>', 'shipped base name (kazakhstan-2008, russia-2025) or base file (YAML)')
  .addOption(new Option('--method <method>', 'search: smc (ABC with sequential Monte Carlo) or rejection').choices(['smc', 'rejection']).default(CALIBRATION_DEFAULTS.method))
  .option('--budget <n>', `rejection: parameter vectors drawn from the uncertain ranges (default ${CALIBRATION_DEFAULTS.rejectionBudget}); smc: the most samples simulated (default: no cap)`, wholeNumber('--budget', 1))
  .option('--particles <n>', 'smc: particles per generation', wholeNumber('--particles', 2), CALIBRATION_DEFAULTS.particles)
  .option('--generations <n>', 'smc: most generations, the prior\'s included', wholeNumber('--generations', 1), CALIBRATION_DEFAULTS.generations)
  .option('--quantile <share>', 'smc: each tolerance is this quantile of the previous generation\'s distances', shareBelowOne('--quantile'), CALIBRATION_DEFAULTS.quantile)
  .option('--min-acceptance <share>', 'smc: a generation accepting a smaller share of its samples ends the search', shareOf('--min-acceptance'), CALIBRATION_DEFAULTS.minAcceptance)
  .option('--predictive <n>', 'draws from the posterior for the posterior predictive check', wholeNumber('--predictive', 0), CALIBRATION_DEFAULTS.predictive)
  .option('--out <dir>', 'calibration folder (default: results/calibration-<base>); never one that holds other files')
  .option('--force', 'replace the previous calibration folder at --out')
  .option('--replicates <n>', 'seeded replicates per drawn vector', wholeNumber('--replicates', 1), 3)
  .option('--check-replicates <n>', 'replicates of the final check of the current and fitted values', wholeNumber('--check-replicates', 2), 10)
  .option('--years <n>', 'horizon of each run after the burn-in', horizonYears, 2)
  .option('--agents <n>', 'largest number of agents per run (raises the scale of a larger base)', wholeNumber('--agents', 100), 15000)
  .option('--accept <share>', 'rejection: share of the budget accepted, nearest the targets first', shareOf('--accept'), 0.1)
  .option('--workers <n>', 'worker threads', wholeNumber('--workers', 1), availableParallelism())
  .option('--seed <n>', 'seed of the draws and the replicates', wholeNumber('--seed', 0), 1)
  .option('--quiet', 'no progress output')
  .action(
    async (
      base: string,
      opts: { method: 'smc' | 'rejection'; budget?: number; particles: number; generations: number; quantile: number; minAcceptance: number; predictive: number; out?: string; force?: boolean; replicates: number; checkReplicates: number; years: number; agents: number; accept: number; workers: number; seed: number; quiet?: boolean },
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
          method: opts.method,
          ...(opts.budget === undefined ? {} : { budget: opts.budget }),
          particles: opts.particles,
          generations: opts.generations,
          quantile: opts.quantile,
          minAcceptance: opts.minAcceptance,
          predictive: opts.predictive,
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
  .command('sensitivity')
  .description('global sensitivity analysis (Morris or Sobol) of a scenario over its uncertain parameters; writes a new folder')
  .argument('<scenario>', 'scenario file (YAML)')
  .requiredOption('--method <method>', 'morris (screening) or sobol (variance shares)')
  .option('--samples <n>', 'Morris trajectories (default 10) or Sobol base rows (default 64, best a power of 2)', wholeNumber('--samples', 1))
  .option('--out <dir>', 'new results folder (default: results/<scenario file name>-<method>)')
  .option('--replicates <n>', 'replicates per parameter set (default: the scenario\'s)', wholeNumber('--replicates', 1))
  .option('--years <n>', 'horizon of each run (default: the scenario\'s)', horizonYears)
  .option('--agents <n>', 'largest number of agents per run (raises the scale)', wholeNumber('--agents', 100))
  .option('--workers <n>', 'worker threads', wholeNumber('--workers', 1), availableParallelism())
  .option('--seed <n>', 'scenario seed (overrides the file)', wholeNumber('--seed', 0))
  .option('--shard <k/N>', 'run only shard k of N of the jobs into a shard folder (default in a Slurm array task: its task id)')
  .option('--quiet', 'no progress output')
  .action(async (file: string, opts: { method: string; samples?: number; out?: string; replicates?: number; years?: number; agents?: number; workers: number; seed?: number; shard?: string; quiet?: boolean }) => {
    if (opts.method !== 'morris' && opts.method !== 'sobol') fail(new Error(`--method expects morris or sobol, got "${opts.method}"`));
    const method = opts.method as 'morris' | 'sobol';
    const out = opts.out ?? join('results', `${basename(file, extname(file))}-${method}`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    try {
      const shard = opts.shard !== undefined ? parseShard(opts.shard) : shardFromSlurm(process.env);
      if (shard) {
        const plan = { command: 'sensitivity' as const, method, samples: opts.samples, replicates: opts.replicates, years: opts.years, agents: opts.agents, seed: opts.seed };
        await runShardCommand(file, plan, shard, opts, controller.signal);
        return;
      }
      const scenario = applyOverrides(loadScenarioFile(file), { seed: opts.seed });
      const { runSensitivity } = await import('./experiment/runSensitivity.js');
      const { seconds } = await runSensitivity(scenario, { method, samples: opts.samples, replicates: opts.replicates, years: opts.years, agents: opts.agents, out, workers: opts.workers, quiet: opts.quiet === true, signal: controller.signal });
      if (!opts.quiet) process.stderr.write(`wrote ${out}/ in ${seconds.toFixed(1)} s\n`);
      process.stdout.write(`${join(out, 'report.html')}\n`);
    } catch (error) {
      if (error instanceof RunInterrupted) {
        process.stderr.write('migsim: interrupted; no results written\n');
        process.exit(130);
      }
      fail(error);
    }
  });

program
  .command('merge')
  .description('join the shard folders of one run into its results folder, byte-identical to an unsharded run')
  .argument('<out>', 'new results folder')
  .argument('<shards...>', 'shard folders (all N of them)')
  .option('--quiet', 'no progress output')
  .action(async (out: string, shards: string[], opts: { quiet?: boolean }) => {
    try {
      const { mergeShards } = await import('./experiment/mergeShards.js');
      // No model runs: the manifest records 1 worker.
      const { seconds } = await mergeShards(out, shards, { workers: 1, quiet: opts.quiet === true });
      if (!opts.quiet) process.stderr.write(`merged ${shards.length} shards into ${out}/ in ${seconds.toFixed(1)} s\n`);
      process.stdout.write(`${join(out, 'report.html')}\n`);
    } catch (error) {
      fail(error);
    }
  });

program
  .command('slurm')
  .description('write a Slurm array job that runs a scenario in shards and a merge job that waits for it')
  .argument('<scenario>', 'scenario file (YAML)')
  .requiredOption('--tasks <n>', 'array tasks (shards)', wholeNumber('--tasks', 1))
  .option('--partition <name>', 'Slurm partition')
  .option('--time <limit>', 'time limit of each task and of the merge (Slurm format, e.g. 2:00:00)')
  .option('--cpus <n>', 'CPUs (worker threads) per task', wholeNumber('--cpus', 1), 1)
  .option('--out <dir>', 'results folder the merge writes (default: results/<scenario file name>)')
  .option('--dir <dir>', 'folder for the scripts, shards and logs, without spaces (default: slurm/<scenario file name>)')
  .option('--setup <line>', 'a shell line each job runs first, e.g. "module load nodejs/20"')
  .action(async (file: string, opts: { tasks: number; partition?: string; time?: string; cpus: number; out?: string; dir?: string; setup?: string }) => {
    try {
      loadScenarioFile(file);
      const name = basename(file, extname(file));
      const { writeSlurmJobs } = await import('./experiment/slurmScripts.js');
      const written = await writeSlurmJobs({
        scenario: file,
        tasks: opts.tasks,
        partition: opts.partition,
        time: opts.time,
        cpus: opts.cpus,
        out: opts.out ?? join('results', name),
        dir: opts.dir ?? join('slurm', name),
        setup: opts.setup,
        name,
      });
      process.stderr.write(`wrote ${written.files.join(', ')}\nsubmit both jobs with: sh ${written.submit}\n`);
      process.stdout.write(`${written.submit}\n`);
    } catch (error) {
      fail(error);
    }
  });

program
  .command('trace')
  .description("follow one migrant through one run and print what happened to them")
  .argument('<scenario>', 'scenario file (YAML)')
  .option('--option <name>', "option to run (default: the scenario's first)")
  .option('--replicate <k>', 'replicate index', wholeNumber('--replicate', 0), 0)
  .option('--agent <n>', 'follow agent number n', wholeNumber('--agent', 0))
  .option('--pick <origin, region>', 'follow a migrant of this origin abroad in this region at week 0, chosen by the seed (e.g. "uzbekistan, almaty")')
  .option('--format <format>', 'text or json', 'text')
  .action(async (file: string, opts: { option?: string; replicate: number; agent?: number; pick?: string; format: string }) => {
    try {
      if (opts.format !== 'text' && opts.format !== 'json') throw new Error(`--format expects text or json, got "${opts.format}"`);
      if ((opts.agent === undefined) === (opts.pick === undefined)) throw new Error('trace needs exactly one of --agent N or --pick "origin, region"');
      const scenario = loadScenarioFile(file);
      const { parsePick, traceAgent } = await import('./run/traceAgent.js');
      const request = opts.agent !== undefined ? { agent: opts.agent } : parsePick(opts.pick!);
      const trace = traceAgent(scenario, { option: opts.option, replicate: opts.replicate, request });
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(trace.events, null, 2) + '\n');
        return;
      }
      const { traceText } = await import('../analysis/story/traceText.js');
      const { SECTORS } = await import('./model/params/places.js');
      process.stderr.write(`${scenario.name}: option "${trace.option}", replicate ${trace.replicate} (seed ${trace.seed})\n`);
      process.stdout.write(traceText(trace.agent, trace.events, trace.currency, SECTORS[trace.agent.sector] ?? 'work'));
    } catch (error) {
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
  .option('--places-of <scenario>', 'list the parameters of the places of this scenario file or shipped base', 'central-asia-2025')
  .action((opts: { format: string; placesOf: string }) => {
    if (opts.format !== 'md' && opts.format !== 'json') fail(new Error(`--format expects md or json, got "${opts.format}"`));
    try {
      const scenario = isBasePath(opts.placesOf) ? loadScenarioFile(opts.placesOf) : resolveShippedBase(opts.placesOf);
      process.stdout.write(paramsTable(opts.format as 'md' | 'json', scenario.places, opts.placesOf));
    } catch (error) {
      fail(error);
    }
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
