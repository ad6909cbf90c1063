import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const { values } = parseArgs({
  options: {
    'seed-users': { type: 'string' },
    seed: { type: 'string' },
    host: { type: 'string' },
  },
});

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
});

console.log(`Twilio emulator (Flex, Conversations, Chat) listening on ${emulator.url}`);
console.log(
  `Control API: ${emulator.url}/__emulator/accounts | requests | faults | concurrency | people | reset`,
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
