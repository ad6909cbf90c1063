import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = `A local Twilio emulator: Flex (v1, v2, v4), Conversations and Programmable Chat users,
Conversations' conversations, participants and user conversations, with deterministic seeded data
and a control API under /__emulator/.

Usage: npm run emulator [-- options]        (or: tsx emulator/main.ts [options])

Options:
  --seed-users N   people in the first account (default 300; the second gets a tenth, at least 20)
  --seed N         seed of the generator: the same N gives the same data (default 1)
  --host HOST      address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --no-orphans     seed without the reconciliation scan's planted orphans and name drift
  -h, --help       print this and exit

Environment:
  PORT             port to listen on (default 4010; 0 picks a free one)
  EMULATOR_PLANT_ORPHANS=false   the same as --no-orphans

It prints each seeded account's SID, auth token, API key and Flex and Chat SIDs. To run the
gateway against it: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FLEX_API_URL,
TWILIO_CONVERSATIONS_API_URL, TWILIO_CHAT_API_URL, TWILIO_TASKROUTER_API_URL set to its URL (docs/configuration.md).
`;

function readCommandLine() {
  try {
    return parseArgs({
      options: {
        'seed-users': { type: 'string' },
        seed: { type: 'string' },
        host: { type: 'string' },
        'no-orphans': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`emulator: ${(error as Error).message}\nRun with --help for usage.`);
    process.exit(2);
  }
}

const values = readCommandLine();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${text}"`);
    process.exit(2);
  }
  return value;
}

const emulator = await startEmulator({
  port: integer(process.env.PORT, 'PORT') ?? 4010,
  host: values.host ?? '127.0.0.1',
  seedUsers: integer(values['seed-users'], '--seed-users'),
  seed: integer(values.seed, '--seed'),
  plantOrphans: !(values['no-orphans'] === true || process.env.EMULATOR_PLANT_ORPHANS === 'false'),
});

console.log(`Twilio emulator (Flex, Conversations, Chat) listening on ${emulator.url}`);
console.log(
  `Control API: ${emulator.url}/__emulator/accounts | requests | faults | concurrency | people | planted-orphans | expected-findings | reset`,
);
for (const account of emulator.accounts) {
  console.log(`
Account       ${account.accountSid}
  Auth token  ${account.authToken}
  API key     ${account.apiKeySid}  secret ${account.apiKeySecret}
  Flex        instance ${account.flexInstanceSid}  workspace ${account.workspaceSid}  team ${account.flexTeamSid}
  Chat        default service ${account.defaultChatServiceSid}  all: ${account.chatServiceSids.join(', ')}`);
}

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing`);
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
