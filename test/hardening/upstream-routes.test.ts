/**
 * Nothing reaches Twilio that the gateway did not mean to send. For thousands of generated hostile
 * identities, global ids, SIDs and cursors, every request the emulator logs must be one of the
 * operations the GraphQL fields asked for (its route read from Twilio's vendored specs), with
 * parameters that are exactly the values the client gave, and nothing else may be called.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, LoggedRequest } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { fromGlobalId } from '../../resolvers/global-id.js';
import { anyText, forgedCursor, forgedGlobalId, sidLike } from '../helpers/hostile.js';
import { matchRequest, type RouteRef } from '../helpers/routes.js';
import { startStack, type Stack } from '../helpers/stack.js';

const ROUTES = {
  conversationsFetch: { spec: 'twilio_conversations_v1.json', operationId: 'FetchUser' },
  conversationsUpdate: { spec: 'twilio_conversations_v1.json', operationId: 'UpdateUser' },
  conversationsList: { spec: 'twilio_conversations_v1.json', operationId: 'ListUser' },
  userConversationsList: {
    spec: 'twilio_conversations_v1.json',
    operationId: 'ListUserConversation',
  },
  chatFetch: { spec: 'twilio_chat_v2.json', operationId: 'FetchUser' },
  chatUpdate: { spec: 'twilio_chat_v2.json', operationId: 'UpdateUser' },
  chatFetchService: { spec: 'twilio_chat_v2.json', operationId: 'FetchService' },
  flexFetch: { spec: 'twilio_flex_v2.json', operationId: 'FetchFlexUser' },
  flexFetchV4: { spec: 'flex-users-api', operationId: 'FetchFlexUserV4' },
  flexByUsername: { spec: 'flex-users-api', operationId: 'FetchFlexUserByUsername' },
  workerFetch: { spec: 'twilio_taskrouter_v1.json', operationId: 'FetchWorker' },
  workerList: { spec: 'twilio_taskrouter_v1.json', operationId: 'ListWorker' },
  chatUserChannels: { spec: 'twilio_chat_v2.json', operationId: 'ListUserChannel' },
  chatUserBindings: { spec: 'twilio_chat_v2.json', operationId: 'ListUserBinding' },
} satisfies Record<string, RouteRef>;

let cases = 0;
let calls = 0;
/** Requests checked by the current test: each test must have made some, or it proved nothing. */
let checked = 0;

describe('every upstream request is one the gateway meant to send', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 30 });
    account = stack.emulator.accounts[0] as EmulatorAccount;
  });
  afterAll(async () => {
    console.log(`upstream routes: ${cases} generated values, ${calls} upstream requests checked`);
    await stack.close();
  });

  /**
   * Sends one operation and checks each request it caused against the allowed routes; `check`
   * then says whether the request's parameters are ones the operation meant.
   */
  async function sendAndCheck(
    query: string,
    variables: Record<string, unknown>,
    allowed: RouteRef[],
    check: (request: LoggedRequest, params: Record<string, string>, route: RouteRef) => boolean,
  ) {
    await stack.emulator.clearRequests();
    const result = await stack.execute(query, variables);
    expect(result.status, JSON.stringify(result.errors)).toBeLessThan(500);
    for (const error of result.errors ?? []) {
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
    const requests = await stack.emulator.requests();
    calls += requests.length;
    checked += requests.length;
    for (const request of requests) {
      const line = `${request.method} ${request.path}?${request.query}`;
      const match = matchRequest(request, allowed);
      expect(match, `not an allowed route: ${line}`).not.toBeNull();
      expect(check(request, match!.params, match!.route), `not what was asked: ${line}`).toBe(true);
    }
  }

  const query = (request: LoggedRequest) => new URLSearchParams(request.query);

  beforeEach(() => {
    checked = 0;
  });
  afterEach(() => {
    expect(checked, 'requests this test checked').toBeGreaterThan(0);
  });

  /** The identities asked for, and Flex's other form of each (escapes are on by default). */
  const withFlexForms = (ids: string[]) =>
    new Set(ids.flatMap((id) => [id, alternateIdentity(id) ?? []].flat()));

  it('sends any identity only as itself or its other Flex form, to the person reads that asked for it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 40, maxLength: 40 }), async (ids) => {
        cases += ids.length;
        const sent = withFlexForms(ids);
        await sendAndCheck(
          `query ($ids: [String!]!) {
            users(identities: $ids) { flexUser { sid } conversationsUser { sid } chatUsers { sid } }
          }`,
          { ids },
          [ROUTES.flexByUsername, ROUTES.conversationsFetch, ROUTES.chatFetch],
          (request, params, route) => {
            if (route === ROUTES.flexByUsername) {
              return (
                params.InstanceSid === account.flexInstanceSid &&
                sent.has(query(request).get('Username') as string)
              );
            }
            if (route === ROUTES.chatFetch) {
              return account.chatServiceSids.includes(params.ServiceSid!) && sent.has(params.Sid!);
            }
            return sent.has(params.Sid!);
          },
        );
      }),
      { numRuns: 40 },
    );
  });

  it('lists a person’s conversations only by the user SID an identity resolved to', async () => {
    // A real person too, so that some list is read at all.
    const real = (await stack.emulator.person({ conversations: true })).identity;
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 20, maxLength: 20 }), async (hostile) => {
        cases += hostile.length;
        const ids = [...hostile, real];
        const sent = withFlexForms(ids);
        await sendAndCheck(
          `query ($ids: [String!]!) {
            users(identities: $ids) { conversations(first: 2) { nodes { conversationSid } } }
          }`,
          { ids },
          [ROUTES.conversationsFetch, ROUTES.userConversationsList],
          (request, params, route) =>
            route === ROUTES.userConversationsList
              ? /^US[0-9a-f]{32}$/.test(params.UserSid!) && request.query === 'PageSize=2'
              : sent.has(params.Sid!),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('fetches a forged global id only as the type and keys it names, or not at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(forgedGlobalId, { minLength: 100, maxLength: 100 }),
        async (ids) => {
          cases += ids.length;
          const targets = ids.map(fromGlobalId);
          const named = (type: string, keys: Record<string, string | undefined>) =>
            targets.some(
              (t) =>
                t?.type === type &&
                Object.entries(keys).every(([k, v]) => (t as Record<string, string>)[k] === v),
            );
          await sendAndCheck(
            `query ($ids: [ID!]!) {
            nodes(ids: $ids) {
              id ... on FlexUser { fullName } ... on ChatUser { identity } ... on Worker { friendlyName }
            }
          }`,
            { ids },
            [
              ROUTES.flexFetch,
              ROUTES.flexFetchV4,
              ROUTES.conversationsFetch,
              ROUTES.chatFetch,
              ROUTES.workerFetch,
            ],
            (_request, params, route) => {
              if (route === ROUTES.conversationsFetch)
                return named('ConversationsUser', { sid: params.Sid });
              if (route === ROUTES.workerFetch)
                return named('Worker', { workspaceSid: params.WorkspaceSid, sid: params.Sid });
              if (route === ROUTES.chatFetch)
                return named('ChatUser', { serviceSid: params.ServiceSid, sid: params.Sid });
              return named('FlexUser', {
                instanceSid: params.InstanceSid,
                sid: params.FlexUserSid,
              });
            },
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sends a person SID only when it is one, to the reads by SID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(sidLike('US'), sidLike('FU')), { minLength: 20, maxLength: 20 }),
        async (sids) => {
          cases += sids.length;
          // One operation per SID: a malformed one refuses the whole operation (HTTP 400).
          for (const sid of sids) {
            await sendAndCheck(
              `query ($sid: PersonSid!) { user(sid: $sid) { identity } }`,
              { sid },
              [ROUTES.conversationsFetch, ROUTES.chatFetch, ROUTES.flexFetch],
              (_request, params) => params.Sid === sid || params.FlexUserSid === sid,
            );
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('updates only the user an identity names, and sends nothing for one it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 10, maxLength: 10 }), async (ids) => {
        cases += ids.length * 2;
        const sent = new Set(ids);
        const fields = ids
          .map(
            (_, i) => `
              c${i}: updateConversationsUser(input: { identity: $i${i}, friendlyName: "x" }) { userErrors { code } }
              h${i}: updateChatUser(input: { identity: $i${i}, friendlyName: "x" }) { userErrors { code } }`,
          )
          .join('');
        const declared = ids.map((_, i) => `$i${i}: String!`).join(', ');
        await sendAndCheck(
          `mutation (${declared}) { ${fields} }`,
          Object.fromEntries(ids.map((id, i) => [`i${i}`, id])),
          // An update Twilio answers 404 asks for the chat service, to say which input was wrong.
          [ROUTES.conversationsUpdate, ROUTES.chatUpdate, ROUTES.chatFetchService],
          (request, params, route) =>
            request.query === '' &&
            (route === ROUTES.chatFetchService
              ? params.Sid === account.chatServiceSids[0]
              : sent.has(params.Sid!) &&
                (route === ROUTES.conversationsUpdate ||
                  params.ServiceSid === account.chatServiceSids[0])),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('sends a forged cursor page token only as the PageToken of the list read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(forgedCursor, { minLength: 20, maxLength: 20 }),
        async (cursors) => {
          cases += cursors.length;
          const tokens = new Set<string | null>(
            cursors.map((c) => (JSON.parse(Buffer.from(c, 'base64url').toString()) as [string])[0]),
          );
          const fields = cursors
            .map((_, i) => `l${i}: conversationsUsers(first: 2, after: $c${i}) { nodes { sid } }`)
            .join(' ');
          const declared = cursors.map((_, i) => `$c${i}: String`).join(', ');
          await sendAndCheck(
            `query (${declared}) { ${fields} }`,
            Object.fromEntries(cursors.map((c, i) => [`c${i}`, c])),
            [ROUTES.conversationsList],
            (request) => {
              const params = query(request);
              const token = params.get('PageToken');
              return /^[0-9]+$/.test(params.get('PageSize') ?? '') && tokens.has(token);
            },
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('sends any worker friendly name only as itself, as the FriendlyName of the worker list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 20, maxLength: 20 }), async (names) => {
        cases += names.length;
        const sent = new Set(names);
        const fields = names
          .map(
            (_, i) =>
              `w${i}: workers(workspaceSid: $ws, friendlyName: $n${i}, first: 2) { nodes { sid } }`,
          )
          .join(' ');
        const declared = names.map((_, i) => `$n${i}: String`).join(', ');
        // Every query has one name Twilio can be asked for, so that each run makes a call.
        await sendAndCheck(
          `query (${declared}, $plain: String, $ws: WorkspaceSid) { ${fields} plain: workers(workspaceSid: $ws, friendlyName: $plain, first: 1) { nodes { sid } } }`,
          {
            ...Object.fromEntries(names.map((name, i) => [`n${i}`, name])),
            plain: 'overflow-bot',
            ws: account.workspaceSid,
          },
          [ROUTES.workerList],
          (request, params) =>
            params.WorkspaceSid === account.workspaceSid &&
            [...query(request).keys()].every((key) => ['FriendlyName', 'PageSize'].includes(key)) &&
            (sent.has(query(request).get('FriendlyName')!) ||
              query(request).get('FriendlyName') === 'overflow-bot'),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('reads a person’s worker, channels and bindings only by the SIDs Twilio returned', async () => {
    const people = await stack.emulator.people({ flex: true, limit: 10 });
    await sendAndCheck(
      `query ($ids: [String!]!) {
        users(identities: $ids) {
          flexUser { worker { sid attributes } }
          chatUsers { channels(first: 3) { nodes { channelSid } } bindings(first: 3) { nodes { sid } } }
        }
      }`,
      { ids: people.map((person) => person.identity) },
      [
        ROUTES.flexByUsername,
        ROUTES.conversationsFetch,
        ROUTES.chatFetch,
        ROUTES.workerList,
        ROUTES.workerFetch,
        ROUTES.chatUserChannels,
        ROUTES.chatUserBindings,
      ],
      (request, params, route) => {
        if (route === ROUTES.chatUserChannels || route === ROUTES.chatUserBindings) {
          return (
            account.chatServiceSids.includes(params.ServiceSid!) &&
            /^US[0-9a-f]{32}$/.test(params.UserSid!)
          );
        }
        if (route === ROUTES.workerList || route === ROUTES.workerFetch) {
          return params.WorkspaceSid === account.workspaceSid;
        }
        return true;
      },
    );
  });
});
