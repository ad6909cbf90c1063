/**
 * Contender: a naive Apollo Server 5 with the gateway's own SDL (read from schema/*.graphql at
 * run time) whose resolvers call `got` directly (naive-http.ts; naive-apollo-undici.ts is the same
 * with undici): no DataLoader, no per-request cache, no concurrency limit. Every resolver that needs a Twilio record fetches it, so a person reached
 * through two paths is fetched twice. Resolvers exist only for the fields the workloads use;
 * the records are mapped to the schema's camelCase once, and default resolvers do the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { fullPictureShape } from '../scenarios/full-picture.js';
import { chatFromRecord, conversationsFromRecord, flexFromRecord } from '../scenarios/shape.js';
import type { BenchAccount } from '../scenarios/types.js';
import { gotHttp, type NaiveHttp, type Row } from './naive-http.js';
import type { ContenderModule } from './types.js';

function loadSdl(): string {
  const dir = new URL('../../schema/', import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, dir), 'utf8'))
    .join('\n');
}

function createResolvers(http: NaiveHttp, account: BenchAccount) {
  const enc = encodeURIComponent;
  const { orNull } = http;
  const instance = (sid?: string | null) => sid ?? account.flexInstanceSid;

  const flexByUsername = async (username: string, instanceSid?: string | null) => {
    const body = await http.get<{ users?: Row[] }>(`v4/Instances/${instance(instanceSid)}/Users`, {
      Username: username,
    });
    return flexFromRecord(body.users?.[0]);
  };
  const conversationsUser = async (sidOrIdentity: string) =>
    conversationsFromRecord(await orNull(`v1/Users/${enc(sidOrIdentity)}`));
  const chatUser = async (service: string, sidOrIdentity: string) =>
    chatFromRecord(await orNull(`v2/Services/${service}/Users/${enc(sidOrIdentity)}`));
  const payload = (flexUser: Row | null) => ({ userErrors: [], flexUser });
  /** A first page of a Twilio list as a connection (nodes and hasNextPage: what the workloads read). */
  const connection = async (path: string, items: string, first: number, shape: (r: Row) => Row) => {
    const body = await http.get<Row & { meta?: { next_page_url?: string | null } }>(path, {
      PageSize: first,
    });
    const { nodes, pageInfo } = fullPictureShape.page(
      ((body[items] as Row[] | undefined) ?? []).map(shape),
      body.meta?.next_page_url,
    );
    return { nodes, edges: nodes.map((node, i) => ({ node, cursor: String(i) })), pageInfo };
  };

  return {
    Node: { __resolveType: () => null },
    Query: {
      user: (_: unknown, args: { identity?: string }) =>
        args.identity ? { identity: args.identity } : null,
      users: (_: unknown, args: { identities: string[] }) =>
        args.identities.map((identity) => ({ identity })),
      flexUsers: async (_: unknown, args: { instanceSid?: string; first?: number }) => {
        const body = await http.get<{ users?: Row[]; meta?: { next_page_url?: string | null } }>(
          `v1/Instances/${instance(args.instanceSid)}/Users`,
          { PageSize: args.first ?? 50 },
        );
        const nodes = (body.users ?? []).map((user) => flexFromRecord(user));
        return {
          nodes,
          edges: nodes.map((node, i) => ({ node, cursor: String(i) })),
          pageInfo: { hasNextPage: Boolean(body.meta?.next_page_url), hasPreviousPage: false },
        };
      },
      flexUserByUsername: (_: unknown, args: { instanceSid?: string; username: string }) =>
        flexByUsername(args.username, args.instanceSid),
      flexUser: async (_: unknown, args: { instanceSid?: string; sid: string }) =>
        flexFromRecord(
          await orNull(`v2/Instances/${instance(args.instanceSid)}/Users/${args.sid}`),
        ),
      conversationsUser: (_: unknown, args: { sid?: string; identity?: string }) =>
        conversationsUser(args.sid ?? args.identity ?? ''),
      chatUser: (_: unknown, args: { serviceSid?: string; sid?: string; identity?: string }) =>
        chatUser(args.serviceSid ?? account.defaultChatServiceSid, args.sid ?? args.identity ?? ''),
    },
    User: {
      flexUser: (user: Row, args: { instanceSid?: string }) =>
        flexByUsername(String(user.identity), args.instanceSid),
      conversationsUser: (user: Row) => conversationsUser(String(user.identity)),
      chatUsers: async (user: Row) =>
        (
          await Promise.all(
            account.chatServiceSids.map((service) => chatUser(service, String(user.identity))),
          )
        ).filter((chat) => chat !== null),
      chatUser: (user: Row, args: { serviceSid: string }) =>
        chatUser(args.serviceSid, String(user.identity)),
    },
    FlexUser: {
      // Naively by SID: the by-username read has no worker_sid, so the Flex user is fetched
      // again (v2) for it first, then the worker.
      worker: async (flex: Row) => {
        if (flex.deactivated === true) return null;
        const full =
          typeof flex.workerSid === 'string'
            ? flex
            : flexFromRecord(
                await orNull(
                  `v2/Instances/${instance(String(flex.instanceSid))}/Users/${String(flex.sid)}`,
                ),
              );
        if (typeof full?.workerSid !== 'string' || typeof full.workspaceSid !== 'string')
          return null;
        return fullPictureShape.worker(
          await orNull(`v1/Workspaces/${full.workspaceSid}/Workers/${full.workerSid}`),
        );
      },
      conversationsUser: (flex: Row) => conversationsUser(String(flex.userSid ?? flex.username)),
      chatUser: (flex: Row, args: { serviceSid?: string }) =>
        chatUser(args.serviceSid ?? account.defaultChatServiceSid, String(flex.username)),
    },
    ConversationsUser: {
      conversations: (user: Row, args: { first?: number }) =>
        connection(
          `v1/Users/${String(user.sid)}/Conversations`,
          'conversations',
          args.first ?? 50,
          fullPictureShape.conversation,
        ),
      flexUser: (user: Row) => flexByUsername(String(user.identity)),
      chatUser: (user: Row) =>
        chatUser(
          typeof user.chatServiceSid === 'string'
            ? user.chatServiceSid
            : account.defaultChatServiceSid,
          String(user.sid),
        ),
    },
    ChatUser: {
      channels: (user: Row, args: { first?: number }) =>
        connection(
          `v2/Services/${String(user.serviceSid)}/Users/${String(user.sid)}/Channels`,
          'channels',
          args.first ?? 50,
          fullPictureShape.channel,
        ),
      flexUser: (user: Row) => flexByUsername(String(user.identity)),
      conversationsUser: (user: Row) => conversationsUser(String(user.identity)),
    },
    Mutation: {
      provisionFlexUser: async (
        _: unknown,
        { input }: { input: Row & { roles: string[]; instanceSid?: string } },
      ) => {
        const body = await http.post(
          `v4/Instances/${instance(input.instanceSid)}/Users/Provision`,
          {
            json: {
              username: input.username,
              email: input.email,
              full_name: input.fullName,
              roles: input.roles.map((role) => role.toLowerCase()),
              worker: input.workerAttributes ? { attributes: input.workerAttributes } : {},
            },
          },
        );
        return payload(flexFromRecord(body));
      },
      updateFlexUser: async (_: unknown, { input }: { input: Row & { instanceSid?: string } }) => {
        const form: Record<string, string> = {};
        if (typeof input.email === 'string') form.Email = input.email;
        if (typeof input.userSid === 'string') form.UserSid = input.userSid;
        if (typeof input.locale === 'string') form.Locale = input.locale;
        const body = await http.post(
          `v2/Instances/${instance(input.instanceSid)}/Users/${String(input.sid)}`,
          { form },
        );
        return payload(flexFromRecord(body));
      },
      deprovisionFlexUser: async (
        _: unknown,
        { input }: { input: Row & { instanceSid?: string } },
      ) => {
        await http.post(`v4/Instances/${instance(input.instanceSid)}/Users/Deprovision`, {
          json: { flex_user_sid: input.sid },
        });
        return payload(null);
      },
    },
  };
}

/** A naive Apollo contender over one HTTP client (naive-http.ts). */
export function naiveApollo(
  name: string,
  client: string,
  createHttp: (emulatorUrl: string, account: BenchAccount) => NaiveHttp,
): ContenderModule {
  return {
    name,
    kind: 'graphql',
    describe: `Apollo Server 5 with the gateway's SDL, resolvers calling ${client} per field: no DataLoader, no dedupe`,
    packages: ['@apollo/server', client, 'graphql'],
    start: async (emulatorUrl, account) => {
      const server = new ApolloServer({
        typeDefs: loadSdl(),
        resolvers: createResolvers(createHttp(emulatorUrl, account), account),
        stopOnTerminationSignals: false,
      });
      const { url } = await startStandaloneServer(server, {
        listen: { port: 0, host: '127.0.0.1' },
      });
      const origin = new URL(url).origin;
      return { url: origin, path: '/', close: () => server.stop() };
    },
  };
}

export const contender = naiveApollo('naive-apollo', 'got', gotHttp);
