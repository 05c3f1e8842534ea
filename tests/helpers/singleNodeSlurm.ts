import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';

/** The programs of Debian's slurm-wlm and munge packages that a single-node cluster needs. */
export const SLURM_PROGRAMS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo'];

/** Whether every program is on the PATH (or in /usr/sbin, where Debian puts the daemons). */
export function slurmInstalled(): boolean {
  return SLURM_PROGRAMS.every((program) => findProgram(program) !== undefined);
}

function findProgram(program: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}

/** A free TCP port on this machine, for slurmctld and slurmd. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running single-node Slurm cluster, all of whose files live in one folder. */
export interface SingleNodeSlurm {
  /** Environment for sbatch, squeue and sinfo (SLURM_CONF). */
  readonly env: NodeJS.ProcessEnv;
  /** Text of the daemons' logs, for failure messages. */
  logs(): string;
  /** Stops the daemons this helper started (and only those). */
  stop(): Promise<void>;
}

/**
 * Starts munged, slurmctld and slurmd in the foreground as children of this
 * process, with a slurm.conf for this host written into `dir` (state,
 * spool, logs, munge key and socket there too, ports chosen free), and waits
 * until the node is idle. Runs as the current user (root in CI).
 */
export async function startSingleNodeSlurm(dir: string): Promise<SingleNodeSlurm> {
  const munge = join(dir, 'munge');
  for (const sub of [join(dir, 'state'), join(dir, 'spool'), munge]) mkdirSync(sub, { recursive: true });
  chmodSync(munge, 0o711);
  const key = join(munge, 'munge.key');
  const socket = join(munge, 'munge.sock');
  run(findProgram('mungekey')!, ['--create', `--keyfile=${key}`]);
  chmodSync(key, 0o400);
  const children: ChildProcess[] = [];
  const logs = { munged: join(dir, 'munged.log'), slurmctld: join(dir, 'slurmctld.log'), slurmd: join(dir, 'slurmd.log') };
  const start = (program: string, args: string[]) => {
    const child = spawn(findProgram(program)!, args, { stdio: 'ignore' });
    children.push(child);
    return child;
  };
  start('munged', ['--force', '--foreground', `--socket=${socket}`, `--key-file=${key}`, `--pid-file=${join(munge, 'munged.pid')}`, `--log-file=${logs.munged}`, `--seed-file=${join(munge, 'seed')}`]);
  await waitFor(() => existsSync(socket), 10_000, 'munged did not create its socket');

  const host = hostname().split('.')[0];
  const conf = join(dir, 'slurm.conf');
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  writeFileSync(
    conf,
    [
      'ClusterName=migsimtest',
      `SlurmctldHost=${host}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      'AuthType=auth/munge',
      `AuthInfo=socket=${socket}`,
      'CredType=cred/munge',
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${logs.slurmctld}`,
      `SlurmdLogFile=${logs.slurmd}`,
      // No cgroups: they are often not available inside containers and CI machines.
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'SchedulerType=sched/builtin',
      'ReturnToService=2',
      'MpiDefault=none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      `NodeName=${host} CPUs=${availableParallelism()} State=UNKNOWN`,
      'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  start('slurmctld', ['-D', '-c', '-f', conf]);
  start('slurmd', ['-D', '-f', conf]);
  const readLogs = () =>
    Object.entries(logs)
      .map(([name, path]) => `--- ${name} ---\n${existsSync(path) ? readFileSync(path, 'utf8').slice(-3000) : '(no log)'}`)
      .join('\n');
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await waitFor(() => run(findProgram('sinfo')!, ['-h', '-o', '%t'], env).trim() === 'idle', 60_000, 'the Slurm node did not become idle');
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${readLogs()}`);
  }
  return { env, logs: readLogs, stop };
}

/** Runs a program to completion and returns its standard output ('' when it fails). */
export function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(program, args, { encoding: 'utf8', env, timeout: 30_000 });
  return result.status === 0 ? result.stdout : '';
}

/** Polls `ready` every 250 ms until it holds, or throws `message` after `ms`. */
export async function waitFor(ready: () => boolean, ms: number, message: string): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
