import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readPage, readPageRequest } from '../pages.js';
import { param, requiredParam, sidParam } from '../params.js';
import { accountOf, baseUrlOf, formOf, jsonOf, pathParam, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import { SID_PATTERNS } from '../sids.js';
import type { AccountState, ProvisionInput } from '../store.js';
import type { FlexUserRecord } from '../records.js';
import { invalidParameter, missingParameter, notFound } from '../twilio-errors.js';
import { flexUserByUsername, flexUserV2, flexUserV4, provisionedFlexUser } from '../views/flex.js';
import { flexConfiguration } from '../views/flex-configuration.js';
import type { World } from '../world.js';

const FLEX_ROLES = new Set(['agent', 'supervisor', 'admin']);

/**
 * The instance must be the account's own. Flex path SIDs are strict (^GO…/^FU…, as in
 * twilio_flex_v2.json): a value that does not match is a resource that cannot exist, so 404.
 */
function instanceOf(request: FastifyRequest): AccountState {
  const account = accountOf(request);
  const sid = pathParam(request, 'InstanceSid');
  if (!SID_PATTERNS.flexInstance.test(sid) || sid !== account.record.flexInstanceSid) {
    throw notFound(request.twilioPath);
  }
  return account;
}

function flexUserOf(request: FastifyRequest): FlexUserRecord {
  const account = instanceOf(request);
  const sid = pathParam(request, 'FlexUserSid');
  const user = SID_PATTERNS.flexUser.test(sid) ? account.flexUsersBySid.get(sid) : undefined;
  if (user === undefined) throw notFound(request.twilioPath);
  return user;
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) throw missingParameter(name, 'post body');
  if (typeof value !== 'string' || value.length < 1 || value.length > 256) {
    throw invalidParameter(name, 'must be a string of 1 to 256 characters');
  }
  return value;
}

/** The documented Provision body: username, email, full_name, roles and worker, all required. */
function provisionInput(body: unknown): ProvisionInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw missingParameter('username', 'post body');
  }
  const fields = body as Record<string, unknown>;
  const username = requiredString(fields, 'username');
  const email = requiredString(fields, 'email');
  const fullName = requiredString(fields, 'full_name');
  const roles = fields.roles;
  if (roles === undefined || roles === null) throw missingParameter('roles', 'post body');
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    !roles.every((role) => typeof role === 'string' && FLEX_ROLES.has(role))
  ) {
    throw invalidParameter('roles', 'must be a non-empty array of agent, supervisor, admin');
  }
  const worker = fields.worker;
  if (worker === undefined || worker === null) throw missingParameter('worker', 'post body');
  if (typeof worker !== 'object' || Array.isArray(worker)) {
    throw invalidParameter('worker', 'must be an object');
  }
  const attributes = (worker as Record<string, unknown>).attributes;
  if (
    attributes !== undefined &&
    (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))
  ) {
    throw invalidParameter('worker.attributes', 'must be an object');
  }
  return {
    username,
    email,
    fullName,
    roles: [...new Set(roles as string[])],
    workerAttributes: (attributes ?? {}) as Record<string, unknown>,
  };
}

export function registerFlexRoutes(app: FastifyInstance, world: World): void {
  // Flex v1 Configuration: the account's Flex instance, chat service and TaskRouter workspace.
  resource(app, '/v1/Configuration', {
    GET: (request, reply) => {
      void reply.send(flexConfiguration(accountOf(request), baseUrlOf(request)));
    },
  });

  // Flex Users API (beta): list with the standard meta; PageSize up to 1000.
  resource(app, '/v1/Instances/:InstanceSid/Users', {
    GET: (request, reply) => {
      const account = instanceOf(request);
      const page = readPage(
        account.flexUsers,
        readPageRequest(queryOf(request), 1000),
        `${baseUrlOf(request)}${request.twilioPath}`,
        'users',
      );
      void reply.send({ users: page.items.map(flexUserV4), meta: page.meta });
    },
  });

  resource(app, '/v2/Instances/:InstanceSid/Users/:FlexUserSid', {
    GET: (request, reply) => {
      void reply.send(flexUserV2(flexUserOf(request), baseUrlOf(request)));
    },
    POST: (request, reply) => {
      const user = flexUserOf(request);
      const form = formOf(request);
      const updated = world.store.updateFlexUser(user, {
        email: param(form, 'Email'),
        userSid: sidParam(form, 'UserSid', SID_PATTERNS.user),
        locale: param(form, 'Locale'),
      });
      void reply.send(flexUserV2(updated, baseUrlOf(request)));
    },
  });

  resource(app, '/v4/Instances/:InstanceSid/Users/Provision', {
    POST: (request, reply) => {
      const account = instanceOf(request);
      const { user } = world.store.provisionFlexUser(account, provisionInput(jsonOf(request)));
      // 201 for a new and for an existing user alike: that is what clients see in practice.
      void reply.code(201).send(provisionedFlexUser(user));
    },
  });

  resource(app, '/v4/Instances/:InstanceSid/Users/Deprovision', {
    POST: (request, reply) => {
      const account = instanceOf(request);
      const body = jsonOf(request);
      const sid =
        body !== null && typeof body === 'object'
          ? (body as Record<string, unknown>).flex_user_sid
          : undefined;
      if (sid === undefined || sid === null || sid === '') {
        throw missingParameter('flex_user_sid', 'post body');
      }
      if (typeof sid !== 'string') throw invalidParameter('flex_user_sid', 'must be a string');
      const user = SID_PATTERNS.flexUser.test(sid) ? account.flexUsersBySid.get(sid) : undefined;
      if (user === undefined) {
        throw notFound(`/v4/Instances/${account.record.flexInstanceSid}/Users/${sid}`);
      }
      world.store.deprovisionFlexUser(account, user);
      void reply.code(204).send();
    },
  });

  // The by-username lookup answers with token meta and 0 or 1 users, never 404.
  resource(app, '/v4/Instances/:InstanceSid/Users', {
    GET: (request, reply) => {
      const account = instanceOf(request);
      const query = queryOf(request);
      const username = requiredParam(query, 'Username', 'query string');
      const { size } = readPageRequest(query, 1000);
      const user = account.flexUsersByUsername.get(username);
      void reply.send({
        account_sid: account.record.sid,
        instance_sid: account.record.flexInstanceSid,
        users: user === undefined ? [] : [flexUserByUsername(user)],
        meta: {
          direct_token: true,
          list_key: 'users',
          next_token: null,
          page_size: size,
          previous_token: null,
        },
      });
    },
  });

  resource(app, '/v4/Instances/:InstanceSid/Users/:FlexUserSid', {
    GET: (request, reply) => {
      void reply.send(flexUserV4(flexUserOf(request)));
    },
  });
}
