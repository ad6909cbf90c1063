import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The distinct values of the `operation` label of one metric in a /metrics page. */
function operationLabels(page: string, metric: string): Set<string> {
  const values = new Set<string>();
  for (const line of page.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const match = /operation="([^"]*)"/.exec(line);
    if (match) values.add(match[1]!);
  }
  return values;
}

describe('/metrics operation labels', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());

  it('keeps at most METRICS_MAX_OPERATION_NAMES names (100) and counts every other one as other', async () => {
    // An anonymous operation is named by its document's hash, and takes a place like a name.
    const anonymous = '{ __typename }';
    expectData(await stack.execute(anonymous));
    const names = Array.from({ length: 300 }, (_, i) => `Probe${i}`);
    // A few at a time: the bound must hold however requests interleave, and 300 in series is slow.
    for (let i = 0; i < names.length; i += 25) {
      await Promise.all(
        names
          .slice(i, i + 25)
          .map(async (name) =>
            expectData(await stack.execute(`query ${name} { __typename }`, undefined)),
          ),
      );
    }
    expectData(await stack.execute(anonymous));

    const page = await (await fetch(`${stack.url}/metrics`)).text();
    for (const metric of ['graphql_operations_total', 'graphql_operation_duration_seconds_count']) {
      const labels = operationLabels(page, metric);
      expect(labels.size).toBeLessThanOrEqual(100 + 1);
      expect(labels.has('other')).toBe(true);
      expect(labels.has(`anonymous:${sha256(anonymous).slice(0, 8)}`)).toBe(true);
      expect(labels.has('Probe0')).toBe(true);
      expect(labels.has('Probe299')).toBe(false);
    }
    // The names past the bound are counted, not dropped.
    const other = page
      .split('\n')
      .find((line) => line.startsWith('graphql_operations_total{operation="other",outcome="ok"}'));
    expect(Number(other?.split(' ')[1])).toBeGreaterThanOrEqual(200);
  });
});
