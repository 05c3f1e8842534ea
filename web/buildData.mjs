// Data the page bundles from the repository at build time: the shipped
// scenarios and bases, and the model's rule summaries.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The YAML files of a folder, sorted by name: their name without `.yaml`, and their text. */
export function yamlFiles(folder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: basename(name, '.yaml'), text: readFileSync(join(folder, name), 'utf8') }));
}

/**
 * The "Summary of rule:" doc comments of sim/model/rules/*.ts and
 * sim/model/decisions/*.ts under `root`,
 * with the file and the name of the function each one documents, so the
 * page explains the mechanisms in the model's own words.
 */
export function ruleSummaries(root) {
  const summaries = [];
  for (const part of ['rules', 'decisions']) {
    const folder = join(root, 'sim', 'model', part);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts')).sort()) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?function\s+(\w+)/g)) {
        const body = match[1]
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n');
        const at = body.indexOf('Summary of rule:');
        if (at < 0) continue;
        summaries.push({ file: `sim/model/${part}/${file}`, fn: match[2], text: body.slice(at + 'Summary of rule:'.length).trim() });
      }
    }
  }
  return summaries;
}
