import type { Job } from './runJob.js';

/**
 * A fault injected on purpose, for the tests of failed runs and dying
 * workers: `MIGSIM_TEST_FAULT=throw:OPTION:REPLICATE` makes that job throw,
 * `exit:OPTION:REPLICATE` makes its worker thread exit without an error.
 * Unset, it does nothing.
 */
export function testFault(job: Job): 'throw' | 'exit' | undefined {
  const spec = process.env.MIGSIM_TEST_FAULT;
  if (!spec) return undefined;
  for (const part of spec.split(',')) {
    const [kind, option, replicate] = part.split(':');
    if ((kind === 'throw' || kind === 'exit') && Number(option) === job.option && Number(replicate) === job.replicate) return kind;
  }
  return undefined;
}
