import type { FastifyInstance } from 'fastify';
import { readPage, readPageRequest } from '../pages.js';
import type { Params } from '../params.js';
import { baseUrlOf, pathParam, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import { SeqList } from '../seq-list.js';
import type { BindingRecord } from '../channels.js';
import { invalidParameter, notFound } from '../twilio-errors.js';
import { userBinding, userChannel } from '../views/chat-channels.js';
import { serviceOf, userOf } from './chat-users.js';

/** A user's channels and bindings: PageSize up to 50 (twilio_chat_v2.json). */
const MAX_PAGE = 50;
const BINDING_TYPES = new Set(['gcm', 'apn', 'fcm']);

/** The `BindingType` filter: repeatable, each one of gcm, apn, fcm; empty means every type. */
function bindingTypes(query: Params): Set<string> {
  const raw = query.BindingType;
  const types = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  for (const type of types) {
    if (!BINDING_TYPES.has(type)) {
      throw invalidParameter('BindingType', 'must be one of gcm, apn, fcm');
    }
  }
  return new Set(types);
}

/**
 * Programmable Chat v2: a user's channels (read from their memberships) and push bindings. The
 * user segment is a US SID or an identity, as for the user itself; the route's parameter is
 * named `Sid` like the user route's, which Fastify needs at the same position.
 */
export function registerChatChannelRoutes(app: FastifyInstance): void {
  resource(app, '/v2/Services/:ServiceSid/Users/:Sid/Channels', {
    GET: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const user = userOf(request, service);
      const base = baseUrlOf(request);
      const page = readPage(
        service.channels.membershipsOf(user.sid),
        readPageRequest(queryOf(request), MAX_PAGE),
        `${base}/v2/Services/${service.record.sid}/Users/${user.sid}/Channels`,
        'channels',
      );
      void reply.send({
        channels: page.items.map((m) => userChannel(service.channels, user, m, base)),
        meta: page.meta,
      });
    },
  });

  // DeleteMember: the channel by SID or unique name, the member by MB… SID or identity.
  resource(app, '/v2/Services/:ServiceSid/Channels/:ChannelSid/Members/:Sid', {
    DELETE: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const channel = service.channels.channelOf(pathParam(request, 'ChannelSid'));
      const key = pathParam(request, 'Sid');
      const user = key.startsWith('MB') ? undefined : service.findUser(key);
      const member = channel && service.channels.memberOf(channel.sid, user ? user.sid : key);
      if (!member || (user === undefined && !key.startsWith('MB'))) {
        throw notFound(request.twilioPath);
      }
      service.channels.removeMembership(member);
      const owner = service.usersBySid.get(member.userSid);
      if (owner && member.status === 'joined') owner.joinedChannelsCount -= 1;
      void reply.code(204).send();
    },
  });

  resource(app, '/v2/Services/:ServiceSid/Users/:Sid/Bindings', {
    GET: (request, reply) => {
      const service = serviceOf(request, 'ServiceSid');
      const user = userOf(request, service);
      const query = queryOf(request);
      const types = bindingTypes(query);
      let list = service.channels.bindingsOf(user.sid);
      if (types.size > 0) {
        const filtered = new SeqList<BindingRecord>();
        for (const b of list.values()) if (types.has(b.bindingType)) filtered.push(b);
        list = filtered;
      }
      const base = baseUrlOf(request);
      const page = readPage(
        list,
        readPageRequest(query, MAX_PAGE),
        `${base}/v2/Services/${service.record.sid}/Users/${user.sid}/Bindings`,
        'bindings',
      );
      void reply.send({
        bindings: page.items.map((b) => userBinding(b, base)),
        meta: page.meta,
      });
    },
  });
}
