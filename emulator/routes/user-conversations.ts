import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConversationRecord } from '../conversation-records.js';
import { readPage, readPageRequest } from '../pages.js';
import { accountOf, baseUrlOf, pathParam, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import type { ServiceState } from '../store.js';
import { notFound } from '../twilio-errors.js';
import {
  conversationView,
  participantView,
  userConversationView,
} from '../views/user-conversations.js';
import { serviceOf, userOf } from './chat-users.js';

/** PageSize maxima: conversations and participants 100, a user's conversations 50 (the spec). */
const CONVERSATIONS_MAX_PAGE = 100;
const PARTICIPANTS_MAX_PAGE = 100;
const USER_CONVERSATIONS_MAX_PAGE = 50;

function conversationOf(request: FastifyRequest, service: ServiceState): ConversationRecord {
  const conversation = service.conversations.find(pathParam(request, 'Sid'));
  if (conversation === undefined) throw notFound(request.twilioPath);
  return conversation;
}

/**
 * The conversations, participants and user-conversation routes of one form: `/v1` (the account's
 * default service) or `/v1/Services/:ChatServiceSid`. Read-only: the seed fills them.
 */
function registerScope(
  app: FastifyInstance,
  prefix: string,
  serviceFor: (request: FastifyRequest) => ServiceState,
): void {
  const scopeUrl = (request: FastifyRequest, service: ServiceState) =>
    prefix === '/v1'
      ? `${baseUrlOf(request)}/v1`
      : `${baseUrlOf(request)}/v1/Services/${service.record.sid}`;

  resource(app, `${prefix}/Conversations`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      const scope = scopeUrl(request, service);
      const page = readPage(
        service.conversations.list,
        readPageRequest(queryOf(request), CONVERSATIONS_MAX_PAGE),
        `${scope}/Conversations`,
        'conversations',
      );
      void reply.send({
        conversations: page.items.map((conversation) => conversationView(conversation, scope)),
        meta: page.meta,
      });
    },
  });
  resource(app, `${prefix}/Conversations/:Sid`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      void reply.send(
        conversationView(conversationOf(request, service), scopeUrl(request, service)),
      );
    },
  });
  resource(app, `${prefix}/Conversations/:Sid/Participants`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      const conversation = conversationOf(request, service);
      const scope = scopeUrl(request, service);
      const page = readPage(
        conversation.participants,
        readPageRequest(queryOf(request), PARTICIPANTS_MAX_PAGE),
        `${scope}/Conversations/${conversation.sid}/Participants`,
        'participants',
      );
      void reply.send({
        participants: page.items.map((p) =>
          participantView(conversation, p, scope, prefix !== '/v1'),
        ),
        meta: page.meta,
      });
    },
  });
  resource(app, `${prefix}/Conversations/:Sid/Participants/:ParticipantSid`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      const conversation = conversationOf(request, service);
      const participant = service.conversations.findParticipant(
        conversation,
        pathParam(request, 'ParticipantSid'),
      );
      if (participant === undefined) throw notFound(request.twilioPath);
      void reply.send(
        participantView(conversation, participant, scopeUrl(request, service), prefix !== '/v1'),
      );
    },
  });

  // `{UserSid}` takes a US SID or the identity, as the user routes do.
  resource(app, `${prefix}/Users/:Sid/Conversations`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      const user = userOf(request, service);
      const scope = scopeUrl(request, service);
      const page = readPage(
        service.conversations.participationsOf(user.identity),
        readPageRequest(queryOf(request), USER_CONVERSATIONS_MAX_PAGE),
        `${scope}/Users/${user.sid}/Conversations`,
        'conversations',
      );
      void reply.send({
        conversations: page.items.map((participant) => {
          const conversation = service.conversations.bySidOnly(participant.conversationSid);
          return userConversationView(user, conversation as ConversationRecord, participant, scope);
        }),
        meta: page.meta,
      });
    },
  });
  resource(app, `${prefix}/Users/:Sid/Conversations/:ConversationSid`, {
    GET: (request, reply) => {
      const service = serviceFor(request);
      const user = userOf(request, service);
      const conversation = service.conversations.find(pathParam(request, 'ConversationSid'));
      const participant = conversation?.participants
        .values()
        .find((p) => p.identity === user.identity);
      if (conversation === undefined || participant === undefined) {
        throw notFound(request.twilioPath);
      }
      void reply.send(
        userConversationView(user, conversation, participant, scopeUrl(request, service)),
      );
    },
  });
}

export function registerUserConversationsRoutes(app: FastifyInstance): void {
  registerScope(app, '/v1', (request) => accountOf(request).defaultService);
  registerScope(app, '/v1/Services/:ChatServiceSid', (request) =>
    serviceOf(request, 'ChatServiceSid'),
  );
}
