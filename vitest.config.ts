import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node (and so `npm start`) loads graphql's CommonJS build for everyone; Vite would give our
    // sources its ESM build while Apollo keeps the CommonJS one: two realms, and `instanceof
    // GraphQLError` fails between them. Tests must resolve as the real process does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/no-unhandled-rejections.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: more workers than that only adds contention between stacks.
    maxWorkers: 2,
  },
});
