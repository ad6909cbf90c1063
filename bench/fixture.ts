/** The people and Flex usernames every workload draws its inputs from (run.ts, cpu-ab.ts). */
import { basicAuthorization, createEmulatorControl } from './measure/upstream.js';
import type { BenchAccount, BenchPerson, Fixture } from './scenarios/types.js';

export async function buildFixture(emulatorUrl: string, account: BenchAccount): Promise<Fixture> {
  const control = createEmulatorControl(emulatorUrl);
  const people: BenchPerson[] = (
    await control.people({
      accountSid: account.accountSid,
      flex: true,
      conversations: true,
      deactivated: false,
      limit: 40,
    })
  )
    .filter((p) => p.flexUserSid && p.userSid && !p.deactivated)
    .slice(0, 20)
    .map((p) => ({
      identity: p.identity,
      flexUserSid: p.flexUserSid!,
      userSid: p.userSid!,
      chatServiceSids: p.chatServiceSids,
    }));
  if (people.length < 2) throw new Error('The emulator seeded fewer than two complete people');
  const response = await fetch(
    `${emulatorUrl}/v1/Instances/${account.flexInstanceSid}/Users?PageSize=50`,
    { headers: { authorization: basicAuthorization(account.accountSid, account.authToken) } },
  );
  if (!response.ok) throw new Error(`Flex v1 list: HTTP ${response.status}`);
  const page = (await response.json()) as { users?: { username?: string }[] };
  const rosterUsernames = [...new Set((page.users ?? []).map((u) => String(u.username)))];
  return {
    account,
    people,
    rosterUsernames,
    runId: Math.random().toString(16).slice(2, 8),
  };
}
