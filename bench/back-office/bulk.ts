/**
 * Bulk figures: `provisionFlexUsers` of `items` new users, once as is and once with a burst of
 * 429s from the emulator (the first `burst` Provision calls refused with Retry-After 1 s): calls,
 * wall time, the most calls in flight at once (from the log's arrival times and durations), and
 * for the burst, how long after the 429s the next call arrived (Retry-After honoured).
 */
import type { FaultSettings } from '../../emulator/types.js';
import { graphql } from '../measure/graphql.js';
import { countByRoute, countByStatus, emulatorPeak, mostInFlight } from '../measure/routes.js';
import { callsOf, type EmulatorControl, type LoggedRequest } from '../measure/upstream.js';

const PROVISION_MANY = /* GraphQL */ `
  mutation ProvisionFlexUsers($input: ProvisionFlexUsersInput!) {
    provisionFlexUsers(input: $input) {
      userErrors {
        code
        message
      }
      succeeded
      failed
    }
  }
`;

export interface BulkRun {
  label: string;
  items: number;
  succeeded: number;
  failed: number;
  wallMs: number;
  calls: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, number>;
  mostInFlight: number;
  /** The emulator's own count of the account's peak concurrency (a cross-check). */
  emulatorPeak: number | null;
  /** With 429s: from the first 429's answer to the next call's arrival, ms. */
  afterFirst429Ms: number | null;
  /** With 429s: the longest pause between two successive arrivals, ms. */
  longestQuietMs: number;
}

const at = (entry: LoggedRequest) => Date.parse(entry.time);

function afterFirst429(calls: LoggedRequest[]): number | null {
  const refused = calls.filter((call) => call.status === 429);
  if (refused.length === 0) return null;
  const answered = Math.min(...refused.map((call) => at(call) + call.durationMs));
  const next = calls.filter((call) => at(call) >= answered).map(at);
  return next.length === 0 ? null : Math.min(...next) - answered;
}

function longestQuiet(calls: LoggedRequest[]): number {
  const times = calls.map(at).sort((a, b) => a - b);
  return times.slice(1).reduce((most, t, i) => Math.max(most, t - times[i]!), 0);
}

export async function measureBulk(
  graphqlUrl: string,
  emulatorUrl: string,
  control: EmulatorControl,
  accountSid: string,
  run: { label: string; tag: string; items: number; faults: FaultSettings },
): Promise<BulkRun> {
  const users = Array.from({ length: run.items }, (_, i) => ({
    username: `bench.bulk.${run.tag}.${i}@owlbank.example`,
    email: `bench.bulk.${run.tag}.${i}@owlbank.example`,
    fullName: `Bench Bulk ${run.tag} ${i}`,
    roles: ['AGENT'],
  }));
  await control.clearLog();
  const faults = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(run.faults),
  });
  if (!faults.ok) throw new Error(`PUT /__emulator/faults: HTTP ${faults.status}`);
  const started = performance.now();
  const { provisionFlexUsers } = await graphql<{
    provisionFlexUsers: { userErrors: unknown[]; succeeded: number; failed: number };
  }>(graphqlUrl, PROVISION_MANY, { input: { users } });
  const wallMs = performance.now() - started;
  if (provisionFlexUsers.userErrors.length > 0 && provisionFlexUsers.succeeded === 0) {
    throw new Error(`provisionFlexUsers: ${JSON.stringify(provisionFlexUsers.userErrors)}`);
  }
  const calls = callsOf(await control.log(), accountSid);
  return {
    label: run.label,
    items: run.items,
    succeeded: provisionFlexUsers.succeeded,
    failed: provisionFlexUsers.failed,
    wallMs,
    calls: calls.length,
    byStatus: countByStatus(calls),
    byRoute: countByRoute(calls),
    mostInFlight: mostInFlight(calls),
    emulatorPeak: await emulatorPeak(emulatorUrl, accountSid),
    afterFirst429Ms: afterFirst429(calls),
    longestQuietMs: longestQuiet(calls),
  };
}
