import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarios } from '../../sim/scenario/listScenarios.js';
import { tempFolder } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/model.js';

describe('list with a broken file among good ones', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    temp = tempFolder('list');
    copyFileSync(join(REPO_ROOT, 'scenarios', 'quota-cut.yaml'), join(temp.dir, 'a-good.yaml'));
    writeFileSync(join(temp.dir, 'b-broken.yaml'), 'name: [unclosed\n\u001b[31m');
    writeFileSync(join(temp.dir, 'c-aliases.yaml'), `x: &a 1\ny: [${Array.from({ length: 200 }, () => '*a').join(', ')}]\n`);
    copyFileSync(join(REPO_ROOT, 'scenarios', 'permit-tying.yaml'), join(temp.dir, 'd-good.yaml'));
  });
  afterAll(() => temp?.remove());

  it('shows every good file and one INVALID entry, with its first problem, for each bad one', () => {
    const { text, invalid } = listScenarios(temp.dir);
    expect(invalid).toBe(2);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/a-good\.yaml +Quota cut in Kazakhstan$/);
    expect(lines[2]).toMatch(/b-broken\.yaml +INVALID$/);
    expect(lines[3]).toMatch(/^ +\S*b-broken\.yaml:\d+:\d+: /);
    expect(lines[4]).toMatch(/c-aliases\.yaml +INVALID$/);
    expect(lines[6]).toMatch(/d-good\.yaml +\S/);
    expect(text).not.toContain('\u001b');
  });
});
