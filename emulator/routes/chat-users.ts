import type { FastifyRequest } from 'fastify';
import { attributesParam, param, requiredParam, sidParam, type Params } from '../params.js';
import type { ChatUserRecord } from '../records.js';
import { accountOf, pathParam } from '../request-context.js';
import { SID_PATTERNS } from '../sids.js';
import type { ChatUserChanges, ChatUserInput, ServiceState } from '../store.js';
import { notFound } from '../twilio-errors.js';

// Shared by the Conversations and Chat user routes, which serve the same records.

/** The account's own service named by a path parameter; anything else (bad pattern, other account's) is 404. */
export function serviceOf(request: FastifyRequest, name: string): ServiceState {
  const sid = pathParam(request, name);
  const service = SID_PATTERNS.chatService.test(sid)
    ? accountOf(request).servicesBySid.get(sid)
    : undefined;
  if (service === undefined) throw notFound(request.twilioPath);
  return service;
}

/** `{Sid}` is a US SID or an identity; Fastify has already percent-decoded it. */
export function userOf(request: FastifyRequest, service: ServiceState): ChatUserRecord {
  const user = service.findUser(pathParam(request, 'Sid'));
  if (user === undefined) throw notFound(request.twilioPath);
  return user;
}

export function createUserInput(form: Params): ChatUserInput {
  return {
    identity: requiredParam(form, 'Identity', 'post body'),
    friendlyName: param(form, 'FriendlyName'),
    attributes: attributesParam(form),
    roleSid: sidParam(form, 'RoleSid', SID_PATTERNS.role),
  };
}

export function updateUserChanges(form: Params): ChatUserChanges {
  return {
    friendlyName: param(form, 'FriendlyName'),
    attributes: attributesParam(form),
    roleSid: sidParam(form, 'RoleSid', SID_PATTERNS.role),
  };
}
