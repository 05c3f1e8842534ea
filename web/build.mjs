// Builds the teaching page into web/dist/: a static site with every script
// bundled (no CDN), relative URLs only, and the model in a separate worker
// bundle. Run with `npm run build:web`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { ruleSummaries, yamlFiles } from './buildData.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(webDir);
const out = join(webDir, 'dist');

/**
 * Serves `virtual:scenarios`, `virtual:rules` and `virtual:exercises` from
 * the repository's files, and `virtual:worker-source` as the worker bundle's
 * text (for pages opened from disk, which must start the worker from a Blob).
 */
function virtualData(workerSource) {
  return {
    name: 'virtual-data',
    setup(build) {
      build.onResolve({ filter: /^virtual:(scenarios|rules|exercises|worker-source)$/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
        const data = {
          'virtual:scenarios': () => ({ scenarios: yamlFiles(join(root, 'scenarios')), bases: yamlFiles(join(root, 'scenarios', 'bases')) }),
          'virtual:rules': () => ({ summaries: ruleSummaries(root) }),
          'virtual:exercises': () => ({ files: yamlFiles(join(webDir, 'exercises')) }),
          'virtual:worker-source': () => workerSource,
        }[args.path]();
        return { contents: `export default ${JSON.stringify(data)};`, loader: 'js' };
      });
    },
  };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
};
const worker = await esbuild.build({
  ...common,
  entryPoints: [join(webDir, 'src', 'worker.ts')],
  outfile: join(out, 'worker.js'),
  plugins: [virtualData('')],
  write: false,
});
for (const file of worker.outputFiles) writeFileSync(file.path, file.contents);
const workerText = worker.outputFiles.find((file) => file.path.endsWith('worker.js')).text;
await esbuild.build({ ...common, entryPoints: [join(webDir, 'src', 'main.ts')], outfile: join(out, 'app.js'), plugins: [virtualData(workerText)] });

for (const file of readdirSync(join(webDir, 'static'))) copyFileSync(join(webDir, 'static', file), join(out, file));

stdout.write(`built ${join('web', 'dist')}/\n`);
