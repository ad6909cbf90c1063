/**
 * Offboarding figures: `offboardPerson` (the defaults: deprovision the Flex user, delete the
 * Conversations user and every Chat user) for seeded people one after another, each with the
 * log cleared, so its calls are its own; then a few at once; then one again (idempotent: every
 * step ALREADY_DONE).
 */
import { graphql } from '../measure/graphql.js';
import { countByRoute, emulatorPeak, mostInFlight } from '../measure/routes.js';
import { callsOf, countWaves, type EmulatorControl } from '../measure/upstream.js';

const OFFBOARD = /* GraphQL */ `
  mutation OffboardPerson($input: OffboardPersonInput!) {
    offboardPerson(input: $input) {
      userErrors {
        code
        message
      }
      steps {
        action
        outcome
        error {
          code
        }
      }
      completed
    }
  }
`;

interface Payload {
  userErrors: unknown[];
  steps: { action: string; outcome: string }[];
  completed: boolean;
}

export interface OffboardRun {
  identity: string;
  ms: number;
  calls: number;
  byRoute: Record<string, number>;
  /** Sequential round trips (upstream.ts groupWaves): what the latency is paid for. */
  waves: number;
  /** Step outcomes, e.g. {"DEPROVISION_FLEX_USER DONE": 1, "DELETE_CHAT_USER DONE": 2}. */
  steps: Record<string, number>;
  completed: boolean;
}

export interface OffboardingFigures {
  sequential: OffboardRun[];
  atOnce: {
    people: number;
    wallMs: number;
    perPersonMs: number[];
    calls: number;
    mostInFlight: number;
    /** The emulator's own peak (exact). */
    emulatorPeak: number | null;
  };
  again: OffboardRun;
}

async function offboard(graphqlUrl: string, identity: string) {
  const started = performance.now();
  const { offboardPerson } = await graphql<{ offboardPerson: Payload }>(graphqlUrl, OFFBOARD, {
    input: { identity },
  });
  if (offboardPerson.userErrors.length > 0) {
    throw new Error(`offboardPerson(${identity}): ${JSON.stringify(offboardPerson.userErrors)}`);
  }
  return { payload: offboardPerson, ms: performance.now() - started };
}

const stepCounts = (payload: Payload) =>
  payload.steps.reduce<Record<string, number>>((counts, step) => {
    const key = `${step.action} ${step.outcome}`;
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

export async function measureOffboarding(
  graphqlUrl: string,
  emulatorUrl: string,
  control: EmulatorControl,
  accountSid: string,
  sequential: number,
  atOnce: number,
): Promise<OffboardingFigures> {
  const people = (
    await control.people({
      accountSid,
      flex: true,
      conversations: true,
      extraChat: true,
      deactivated: false,
      limit: sequential + atOnce,
    })
  ).map((person) => person.identity);
  if (people.length < sequential + atOnce) {
    throw new Error(`only ${people.length} people to offboard, ${sequential + atOnce} asked`);
  }
  const one = async (identity: string): Promise<OffboardRun> => {
    await control.clearLog();
    const { payload, ms } = await offboard(graphqlUrl, identity);
    const calls = callsOf(await control.log(), accountSid);
    return {
      identity,
      ms,
      calls: calls.length,
      byRoute: countByRoute(calls),
      waves: countWaves(calls),
      steps: stepCounts(payload),
      completed: payload.completed,
    };
  };
  const runs: OffboardRun[] = [];
  for (const identity of people.slice(0, sequential)) runs.push(await one(identity));

  await control.clearLog();
  const started = performance.now();
  const together = await Promise.all(
    people.slice(sequential).map((identity) => offboard(graphqlUrl, identity)),
  );
  const wallMs = performance.now() - started;
  const calls = callsOf(await control.log(), accountSid);
  return {
    sequential: runs,
    atOnce: {
      people: together.length,
      wallMs,
      perPersonMs: together.map((run) => run.ms),
      calls: calls.length,
      mostInFlight: mostInFlight(calls),
      emulatorPeak: await emulatorPeak(emulatorUrl, accountSid),
    },
    again: await one(people[0]!),
  };
}
