import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardFromSlurm } from '../../sim/experiment/shardSpec.js';

describe('shards', () => {
  it('reads k/N and refuses anything else', () => {
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/--shard expects k\/N/);
  });

  it('takes the shard of a Slurm array task, counting from the array minimum', () => {
    expect(shardFromSlurm({})).toBeUndefined();
    expect(shardFromSlurm({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ k: 1, n: 4 });
    expect(shardFromSlurm({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ k: 3, n: 4 });
    expect(() => shardFromSlurm({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(/give --shard k\/N/);
  });

  it('deals every job to exactly one shard, round-robin', () => {
    const n = 3;
    for (let index = 0; index < 20; index++) {
      const owners = [1, 2, 3].filter((k) => inShard(index, { k, n }));
      expect(owners).toEqual([(index % n) + 1]);
    }
  });
});
