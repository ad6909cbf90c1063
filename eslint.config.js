import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'generated/',
      'node_modules/',
      'bench/node_modules/',
      'bench/results/',
      'server/playground/dist/',
      'dist/',
      'examples/**/generated/',
      'examples/**/node_modules/',
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
