// The reconciliation index's memory per person: 100,000 synthetic Flex users, heap measured
// before and after (with a forced GC each time, so the figure is what stays held), then the
// other three lists classified past it to show they add nothing that stays.
// Run: node --expose-gc --import tsx bench/reconciliation-memory.ts [people]
import { ReconciliationIndex } from '../datasources/reconciliation/classifier.js';
import type { ChatUserRecord } from '../datasources/records.js';

const people = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, '0')}`;
// Identities shaped like the seed's: emails, with one in ten escaped in another product.
const identity = (n: number) => `firstname.lastname${n}@owlbank.example`;

const before = heap();
const index = new ReconciliationIndex();
for (let n = 0; n < people; n++) {
  index.addFlexUser({
    flex_user_sid: sid('FU', n),
    instance_sid: sid('GO', 1),
    username: identity(n),
    full_name: `Firstname Lastname${n}`,
    deactivated: n % 10 === 0,
  });
}
const built = heap();
let findings = 0;
for (let n = 0; n < people; n++) {
  const user = {
    sid: sid('US', n),
    identity: identity(n),
    friendly_name: `Firstname Lastname${n}`,
  };
  findings += index.conversationsUser(user).length;
  findings += index.chatUser({ ...user, service_sid: sid('IS', 1) } as ChatUserRecord).length;
  findings += index.worker({
    sid: sid('WK', n),
    workspace_sid: sid('WS', 1),
    friendly_name: identity(n),
  }).length;
}
for (const _ of index.unmatchedActive()) findings++;
const after = heap();
const perPerson = (bytes: number) => (bytes / people).toFixed(0);
console.log(
  JSON.stringify({
    people,
    indexBytesPerPerson: Number(perPerson(built - before)),
    afterAllListsBytesPerPerson: Number(perPerson(after - before)),
    indexMiB: Number(((built - before) / 2 ** 20).toFixed(1)),
    findings,
    size: index.size,
  }),
);
