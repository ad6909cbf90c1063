// Usage: tsx examples/typed-client/main.ts [graphql-url] [identity]
// Prints the first page of the Flex roster and one person's profile, every value typed.
import { createGatewayClient, type GatewayError } from './client.js';
import { personProfileQuery, rosterPageQuery } from './operations.js';

const [url = 'http://127.0.0.1:4000/graphql', identity] = process.argv.slice(2);
const client = createGatewayClient({ url });
const errors: GatewayError[] = [];

const roster = await client.execute(rosterPageQuery, { first: 5 });
errors.push(...roster.errors);
for (const { node } of roster.data?.flexUsers?.edges ?? []) {
  const roles = node.roles?.join(', ') ?? 'no roles';
  console.log(`${node.username ?? node.sid} (${roles}): ${node.chatUsers?.length ?? 0} chat users`);
}

const who = identity ?? roster.data?.flexUsers?.edges[0]?.node.username;
if (who) {
  const profile = await client.execute(personProfileQuery, { identity: who });
  errors.push(...profile.errors);
  console.log(JSON.stringify(profile.data?.user, null, 2));
}

for (const error of errors) console.error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
process.exitCode = errors.length > 0 ? 1 : 0;
