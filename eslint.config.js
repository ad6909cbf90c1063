import js from '@eslint/js';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

// The bench files that import the bench's own packages (bench/package.json: got, Mesh, the twilio
// SDK, autocannon) are listed once, in tsconfig.json's "exclude", so that `npm run typecheck` and
// `npm run lint` work right after `npm ci`. `npm run bench:check` type-checks and lints all of
// bench/ once `npm run bench:install` has run; .ci/run runs both.
const rootConfig = ts.readConfigFile(`${import.meta.dirname}/tsconfig.json`, ts.sys.readFile);
/** @type {string[]} */
const excluded = rootConfig.config?.exclude ?? [];
const benchOnly = excluded.filter((path) => path.startsWith('bench/') && path.endsWith('.ts'));

export default tseslint.config(
  {
    ignores: [
      'generated/',
      'node_modules/',
      'bench/node_modules/',
      'bench/results/',
      'bench/.bundles/',
      // bench/measure/ab.ts's copies of dist/
      '.ab-*/',
      'server/playground/dist/',
      'dist/',
      'examples/**/generated/',
      'examples/**/node_modules/',
      ...benchOnly,
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Browser code: typed by its own tsconfig (DOM, JSX).
    files: ['server/playground/app.tsx'],
    languageOptions: {
      parserOptions: { projectService: false, project: './server/playground/tsconfig.json' },
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
