import type { FastifyInstance } from 'fastify';
import type { World } from '../world.js';

/** One user's share of the seeded conversations, as GET /__emulator/conversation-counts lists it. */
export interface ConversationCount {
  identity: string;
  userSid: string;
  chatServiceSid: string;
  conversations: number;
}

/**
 * The emulator's own API (not Twilio's, under /__emulator/ like the others): how many
 * conversations each user of each service takes part in, so tests can pick a user with many.
 */
export function registerConversationControlRoutes(app: FastifyInstance, world: World): void {
  app.get('/__emulator/conversation-counts', (request, reply) => {
    const { accountSid } = request.query as { accountSid?: string };
    const account = world.store.accounts.get(
      accountSid ?? (world.store.accounts.keys().next().value as string),
    );
    if (account === undefined) {
      void reply.code(404).send({ error: `no account ${accountSid}` });
      return;
    }
    const users: ConversationCount[] = [];
    for (const service of account.servicesBySid.values()) {
      for (const user of service.users.values()) {
        users.push({
          identity: user.identity,
          userSid: user.sid,
          chatServiceSid: service.record.sid,
          conversations: service.conversations.participationsOf(user.identity).size,
        });
      }
    }
    void reply.send({ users });
  });
}
