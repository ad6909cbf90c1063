import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readPage, readPageRequest } from '../pages.js';
import { accountOf, baseUrlOf, formOf, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import type { ServiceState } from '../store.js';
import { conversationsService, conversationsUser } from '../views/conversations.js';
import type { World } from '../world.js';
import { createUserInput, serviceOf, updateUserChanges, userOf } from './chat-users.js';

/** Conversations lists of users allow PageSize up to 50, of services up to 100 (twilio_conversations_v1.json). */
const USERS_MAX_PAGE = 50;
const SERVICES_MAX_PAGE = 100;

/**
 * `/v1/Users` is the account's default service; `/v1/Services/{ChatServiceSid}/Users` any service.
 * Both serve the same records, each with the `url` of the collection the client addressed.
 */
function userRoutes(world: World, serviceFor: (request: FastifyRequest) => ServiceState) {
  const prefix = (request: FastifyRequest, service: ServiceState) =>
    request.twilioPath.startsWith('/v1/Services/')
      ? `${baseUrlOf(request)}/v1/Services/${service.record.sid}/Users`
      : `${baseUrlOf(request)}/v1/Users`;
  const reachable = (service: ServiceState) => service.record.reachabilityEnabled;

  const collection = {
    GET: (request: FastifyRequest, reply: FastifyReply) => {
      const service = serviceFor(request);
      const url = prefix(request, service);
      const page = readPage(
        service.users,
        readPageRequest(queryOf(request), USERS_MAX_PAGE),
        url,
        'users',
      );
      // Reads always return null presence (the spec's is_online description).
      void reply.send({
        users: page.items.map((user) => conversationsUser(user, url, false)),
        meta: page.meta,
      });
    },
    POST: (request: FastifyRequest, reply: FastifyReply) => {
      const service = serviceFor(request);
      const user = world.store.createChatUser(service, createUserInput(formOf(request)));
      void reply
        .code(201)
        .send(conversationsUser(user, prefix(request, service), reachable(service)));
    },
  };

  const item = {
    GET: (request: FastifyRequest, reply: FastifyReply) => {
      const service = serviceFor(request);
      const user = userOf(request, service);
      void reply.send(conversationsUser(user, prefix(request, service), reachable(service)));
    },
    POST: (request: FastifyRequest, reply: FastifyReply) => {
      const service = serviceFor(request);
      const user = world.store.updateChatUser(
        userOf(request, service),
        updateUserChanges(formOf(request)),
      );
      void reply.send(conversationsUser(user, prefix(request, service), reachable(service)));
    },
    DELETE: (request: FastifyRequest, reply: FastifyReply) => {
      const service = serviceFor(request);
      world.store.deleteChatUser(service, userOf(request, service));
      void reply.code(204).send();
    },
  };
  return { collection, item };
}

export function registerConversationsRoutes(app: FastifyInstance, world: World): void {
  const defaultUsers = userRoutes(world, (request) => accountOf(request).defaultService);
  resource(app, '/v1/Users', defaultUsers.collection);
  resource(app, '/v1/Users/:Sid', defaultUsers.item);

  const serviceUsers = userRoutes(world, (request) => serviceOf(request, 'ChatServiceSid'));
  resource(app, '/v1/Services/:ChatServiceSid/Users', serviceUsers.collection);
  resource(app, '/v1/Services/:ChatServiceSid/Users/:Sid', serviceUsers.item);

  resource(app, '/v1/Services', {
    GET: (request, reply) => {
      const base = baseUrlOf(request);
      const page = readPage(
        accountOf(request).services,
        readPageRequest(queryOf(request), SERVICES_MAX_PAGE),
        `${base}/v1/Services`,
        'services',
      );
      void reply.send({
        services: page.items.map((service) => conversationsService(service, base)),
        meta: page.meta,
      });
    },
  });
  resource(app, '/v1/Services/:ChatServiceSid', {
    GET: (request, reply) => {
      const service = serviceOf(request, 'ChatServiceSid');
      void reply.send(conversationsService(service.record, baseUrlOf(request)));
    },
  });
}
