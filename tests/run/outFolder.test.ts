import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOut, OutRefused } from '../../sim/run/outFolder.js';
import { tempFolder } from '../helpers/cli.js';

describe('checkOut', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('check-out');
  });
  afterAll(() => temp?.remove());

  it('accepts a new folder, even several levels deep, when there is room', () => {
    expect(checkOut({ out: join(temp.dir, 'a', 'b'), scenarioFiles: [], force: false, expectedBytes: 1000 })).toBe('new');
  });

  it('refuses a run whose output would not fit on the disk, with both sizes', () => {
    const check = () => checkOut({ out: join(temp.dir, 'big'), scenarioFiles: [], force: false, expectedBytes: 1e18 });
    expect(check).toThrow(OutRefused);
    expect(check).toThrow(/the run needs about 1000000000000\.0 MB and .* has [\d.]+ MB free/);
  });

  it('refuses anything under /proc, which holds no files', () => {
    expect(() => checkOut({ out: '/proc/self/x', scenarioFiles: [], force: true, expectedBytes: 0 })).toThrow(/under \/proc/);
  });
});
