import type { FastifyInstance, FastifyReply } from 'fastify';
import { expectedFindings } from '../expected-findings.js';
import { listPeople, type PeopleFilter } from '../people.js';
import type { World } from '../world.js';

function booleanFilter(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be true or false`);
}

/**
 * The emulator's own API under /__emulator/ (not Twilio's): no auth, no faults, not logged
 * (app.ts skips these paths).
 */
export function registerControlRoutes(app: FastifyInstance, world: World): void {
  app.get('/__emulator/accounts', (_request, reply) => {
    void reply.send({ accounts: world.accounts() });
  });

  app.get('/__emulator/requests', (_request, reply) => {
    void reply.send({ requests: world.log.list(), dropped: world.log.dropped });
  });
  app.delete('/__emulator/requests', (_request, reply) => {
    world.clearRequests();
    void reply.code(204).send();
  });

  app.get('/__emulator/concurrency', (_request, reply) => {
    void reply.send({ accounts: world.concurrency.report(world.store.accounts.keys()) });
  });

  app.get('/__emulator/faults', (_request, reply) => {
    void reply.send(world.faults.current);
  });
  app.put('/__emulator/faults', (request, reply) => {
    try {
      void reply.send(world.faults.set(request.body ?? {}));
    } catch (error) {
      void reply.code(400).send({ error: (error as Error).message });
    }
  });

  app.post('/__emulator/reset', (_request, reply) => {
    world.reset();
    void reply.code(204).send();
  });

  /** The account named by `?accountSid=` (the first by default), or a 404 sent. */
  const accountFor = (query: Record<string, string | undefined>, reply: FastifyReply) => {
    const accountSid = query.accountSid ?? world.store.accounts.keys().next().value;
    const account = accountSid === undefined ? undefined : world.store.accounts.get(accountSid);
    if (account === undefined) void reply.code(404).send({ error: `no account ${accountSid}` });
    return account;
  };

  app.get('/__emulator/planted-orphans', (request, reply) => {
    const account = accountFor(request.query as Record<string, string | undefined>, reply);
    if (account !== undefined) void reply.send({ planted: account.plantedOrphans });
  });

  /**
   * What a reconciliation scan of the account must find now (expected-findings.ts), for the Chat
   * services of `?chatServiceSids=IS…,IS…` (default: every service but the Conversations one,
   * whose users are the Conversations users; empty for none).
   */
  app.get('/__emulator/expected-findings', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const account = accountFor(query, reply);
    if (account === undefined) return;
    const defaultSid = account.record.defaultChatServiceSid;
    const services =
      query.chatServiceSids === undefined
        ? account.services.values().flatMap(({ sid }) => (sid === defaultSid ? [] : [sid]))
        : query.chatServiceSids.split(',').filter((sid) => sid !== '');
    const unknown = services.find((sid) => !account.servicesBySid.has(sid));
    if (unknown !== undefined) {
      void reply.code(400).send({ error: `no chat service ${unknown} in ${account.record.sid}` });
      return;
    }
    void reply.send(expectedFindings(account, services));
  });

  app.get('/__emulator/people', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const account = accountFor(query, reply);
    if (account === undefined) return;
    let filter: PeopleFilter;
    try {
      const limit = query.limit === undefined ? undefined : Number(query.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new Error('limit must be a non-negative integer');
      }
      filter = {
        flex: booleanFilter(query.flex, 'flex'),
        conversations: booleanFilter(query.conversations, 'conversations'),
        extraChat: booleanFilter(query.extraChat, 'extraChat'),
        deactivated: booleanFilter(query.deactivated, 'deactivated'),
        limit,
      };
    } catch (error) {
      void reply.code(400).send({ error: (error as Error).message });
      return;
    }
    void reply.send({ people: listPeople(account, filter) });
  });
}
