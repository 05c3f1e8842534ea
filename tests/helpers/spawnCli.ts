import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli.js';
import { REPO_ROOT } from './model.js';

/** A migsim command running in a child process, whose output can be waited on line by line. */
export interface RunningCli {
  readonly child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Resolves once stderr has a line matching `pattern`; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Exit code, or 128 + the signal's number when a signal ended it without a handler. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnMigsim(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let closed = false;
  const waiting: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiting]) {
      const line = err.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      check();
      for (const w of waiting.splice(0)) w.reject(new Error(`migsim ended before printing ${w.pattern}; stderr:\n${err}`));
      resolve({ code, signal });
    });
  });
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ pattern, resolve, reject });
        check();
        if (closed && waiting.some((w) => w.pattern === pattern)) {
          waiting.splice(waiting.findIndex((w) => w.pattern === pattern), 1);
          reject(new Error(`migsim ended before printing ${pattern}; stderr:\n${err}`));
        }
      }),
  };
}
