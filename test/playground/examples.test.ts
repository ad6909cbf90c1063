import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundExamples } from '../../server/playground/examples.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** The embedded demo's seed size (emulator/index.ts), which the examples are written for. */
const DEMO_SEED = 300;

describe('playground examples', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seedUsers: DEMO_SEED });
  });
  afterAll(() => stack.close());

  it.each(playgroundExamples.map((example) => [example.operationName, example] as const))(
    '%s runs without errors against the demo seed and finds something',
    async (_name, example) => {
      const result = await stack.execute<Record<string, unknown>>(
        example.query,
        example.variables,
        { operationName: example.operationName },
      );
      expect(result.errors).toBeUndefined();
      const json = JSON.stringify(result.data);
      expect(json).not.toMatch(/"userErrors":\[\{/);
      // An offboarding names what each step acts on in `target`, a reconciliation its export.
      expect(json).toMatch(/"(sid|identity|target|ndjson)":"/);
    },
  );
});
