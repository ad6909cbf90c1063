import type { FastifyInstance } from 'fastify';
import { readPage, readPageRequest } from '../pages.js';
import { accountOf, baseUrlOf, formOf, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import { chatService, chatUser } from '../views/chat.js';
import type { World } from '../world.js';
import { createUserInput, serviceOf, updateUserChanges, userOf } from './chat-users.js';

/** Chat v2 lists allow PageSize up to 100 (twilio_chat_v2.json). */
const MAX_PAGE = 100;

/** Programmable Chat v2: the users of a service are the same records Conversations serves. */
export function registerChatRoutes(app: FastifyInstance, world: World): void {
  resource(app, '/v2/Services', {
    GET: (request, reply) => {
      const base = baseUrlOf(request);
      const page = readPage(
        accountOf(request).services,
        readPageRequest(queryOf(request), MAX_PAGE),
        `${base}/v2/Services`,
        'services',
      );
      void reply.send({
        services: page.items.map((service) => chatService(service, base)),
        meta: page.meta,
      });
    },
  });
  resource(app, '/v2/Services/:ServiceSid', {
    GET: (request, reply) => {
      void reply.send(chatService(serviceOf(request, 'ServiceSid').record, baseUrlOf(request)));
    },
  });

  resource(app, '/v2/Services/:ServiceSid/Users', {
    GET: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const base = baseUrlOf(request);
      const page = readPage(
        service.users,
        readPageRequest(queryOf(request), MAX_PAGE),
        `${base}/v2/Services/${service.record.sid}/Users`,
        'users',
      );
      void reply.send({
        users: page.items.map((user) => chatUser(user, base, false)),
        meta: page.meta,
      });
    },
    POST: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const user = world.store.createChatUser(service, createUserInput(formOf(request)));
      void reply
        .code(201)
        .send(chatUser(user, baseUrlOf(request), service.record.reachabilityEnabled));
    },
  });
  resource(app, '/v2/Services/:ServiceSid/Users/:Sid', {
    GET: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      void reply.send(
        chatUser(userOf(request, service), baseUrlOf(request), service.record.reachabilityEnabled),
      );
    },
    POST: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const user = world.store.updateChatUser(
        userOf(request, service),
        updateUserChanges(formOf(request)),
      );
      void reply.send(chatUser(user, baseUrlOf(request), service.record.reachabilityEnabled));
    },
    DELETE: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      world.store.deleteChatUser(service, userOf(request, service));
      void reply.code(204).send();
    },
  });
}
