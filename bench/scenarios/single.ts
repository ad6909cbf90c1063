/**
 * single: one Conversations user fetched by SID, 13 fields (the 12 of the record and
 * `__typename`): the smallest read that still goes to Twilio, so the figure is mostly the
 * contender's fixed cost per request plus one upstream call.
 * Floor: that user, one call in one wave.
 *
 * Hive Gateway answers it alone, from its composed schema (`conversations_FetchUser`, whose `Sid`
 * is a plain String in Twilio's spec: it takes an identity too): the mesh contender gets
 * `hiveSteps` posted straight to its GraphQL endpoint, with no client code of its own in between.
 */
import { conversationsFromRecord, conversationsFromSdk, meshField, orNullOn404 } from './shape.js';
import type { Scenario } from './types.js';

type Row = Record<string, unknown>;

const QUERY = /* GraphQL */ `
  query Single($sid: UserSid!) {
    conversationsUser(sid: $sid) {
      __typename
      sid
      accountSid
      chatServiceSid
      roleSid
      identity
      friendlyName
      attributes
      isOnline
      isNotifiable
      dateCreated
      dateUpdated
      url
    }
  }
`;

const MESH_FIELDS =
  '__typename sid account_sid chat_service_sid role_sid identity friendly_name attributes is_online is_notifiable date_created date_updated url';

const HIVE_QUERY = `query Single($sid: String!) { conversations_FetchUser(Sid: $sid) { ${MESH_FIELDS} } }`;

/** The record without `__typename`, whose value is each schema's own name for the type. */
function withoutTypename(user: unknown): Row | null {
  if (!user || typeof user !== 'object') return null;
  const { __typename: _ignored, ...rest } = user as Row;
  return rest;
}

export const single: Scenario = {
  name: 'single',
  title: 'one Conversations user by SID, 13 fields',
  input: (fixture, i) => {
    const person = fixture.people[i % fixture.people.length];
    if (!person) throw new Error('The fixture has no people');
    return { sid: person.userSid };
  },
  steps: [{ name: 'single', query: QUERY, variables: (input) => input }],
  hiveSteps: [{ name: 'single', query: HIVE_QUERY, variables: (input) => input }],
  floor: (_fixture, input) => ({
    calls: 1,
    waves: 1,
    resources: [`conversations user ${String(input.sid)}`],
  }),
  sdk: async (client, _account, input) => ({
    conversationsUser: conversationsFromSdk(
      await orNullOn404(client.conversations.v1.users(String(input.sid)).fetch()),
    ),
  }),
  mesh: async (client, _account, input) =>
    (await client.graphql(HIVE_QUERY, { sid: input.sid })).data,
  normalize: (result) => {
    const data = result as Row | null;
    if (!data) return data;
    // Hive's answer is the Twilio record, in snake_case.
    const hive = meshField<Row>(data, 'conversations_FetchUser');
    if (hive) return { conversationsUser: withoutTypename(conversationsFromRecord(hive)) };
    return { conversationsUser: withoutTypename(data.conversationsUser) };
  },
};
