// Lint rules: the recommended sets for JavaScript and typed TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'results/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'All randomness goes through seeded streams (sim/model/random.ts).' }],
    },
  },
  {
    // The model is pure and runs in the browser too: it imports nothing from the layers above it, nor Node.
    files: ['sim/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/run/**', '**/scenario/**', '**/calibrate/**', '**/analysis/**', '**/web/**', '**/cli*'], message: 'sim/model imports nothing from run, scenario, calibrate, analysis or web.' },
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'sim/model uses no Node built-ins (it also runs in the browser).' },
          ],
        },
      ],
    },
  },
);
