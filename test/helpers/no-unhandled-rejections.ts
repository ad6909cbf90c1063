import { afterEach, expect } from 'vitest';

/**
 * Every test must leave no unhandled promise rejection behind. The gateway runs in the test's own
 * process, and a rejection nobody handles there is one that would end a real gateway process
 * (Node's default), so it fails the test that caused it.
 */
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason);
});

afterEach(async () => {
  // Rejections are reported after the microtask queue drains: give late ones a turn to arrive.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const found = unhandled
    .splice(0)
    .map((reason) =>
      reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
    );
  expect(found, 'unhandled promise rejections').toEqual([]);
});
