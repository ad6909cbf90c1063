/**
 * write: provision a Flex user (v4), update it (v2), fetch it (v2), deprovision it (v4).
 * Each step needs the one before it (the new user's SID), so the floor is four calls in four
 * waves. GraphQL contenders make four GraphQL requests; the SDK and Mesh clients do the same
 * four steps in order.
 */
import { flexFromRecord, flexFromSdk, pick } from './shape.js';
import { FLEX_API, type Scenario } from './types.js';

const PROVISION = /* GraphQL */ `
  mutation Provision($input: ProvisionFlexUserInput!) {
    provisionFlexUser(input: $input) {
      userErrors {
        code
        message
      }
      flexUser {
        sid
        username
        fullName
        email
        roles
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateFlexUserInput!) {
    updateFlexUser(input: $input) {
      userErrors {
        code
        message
      }
      flexUser {
        sid
        email
        locale
        version
      }
    }
  }
`;

const FETCH = /* GraphQL */ `
  query Fetch($sid: FlexUserSid!) {
    flexUser(sid: $sid) {
      sid
      username
      email
      locale
      version
    }
  }
`;

const DEPROVISION = /* GraphQL */ `
  mutation Deprovision($input: DeprovisionFlexUserInput!) {
    deprovisionFlexUser(input: $input) {
      userErrors {
        code
        message
      }
    }
  }
`;

type Row = Record<string, unknown>;

const PROVISIONED = ['sid', 'username', 'fullName', 'email', 'roles'];
const UPDATED = ['sid', 'email', 'locale', 'version'];
const FETCHED = ['sid', 'username', 'email', 'locale', 'version'];

function provisionedSid(previous: Record<string, unknown>): string {
  const data = previous.provision as { provisionFlexUser?: { flexUser?: { sid?: string } | null } };
  const sid = data?.provisionFlexUser?.flexUser?.sid;
  if (!sid) throw new Error('provisionFlexUser returned no flexUser.sid');
  return sid;
}

function answer(provisioned: Row | null, updated: Row | null, fetched: Row | null) {
  return {
    provision: { provisionFlexUser: { userErrors: [], flexUser: pick(provisioned, PROVISIONED) } },
    update: { updateFlexUser: { userErrors: [], flexUser: pick(updated, UPDATED) } },
    fetch: { flexUser: pick(fetched, FETCHED) },
    deprovision: { deprovisionFlexUser: { userErrors: [] } },
  };
}

const v4 = (instance: string, action: 'Provision' | 'Deprovision') =>
  `/v4/Instances/${instance}/Users/${action}`;

export const write: Scenario = {
  name: 'write',
  title: 'provision → update → fetch → deprovision a Flex user',
  input: (fixture, i, tag) => {
    const username = `bench-${fixture.runId}-${tag}-${i}`;
    return {
      username,
      email: `${username}@example.com`,
      fullName: `Bench ${tag} ${i}`,
      newEmail: `${username}@example.org`,
      locale: 'fr-FR',
    };
  },
  steps: [
    {
      name: 'provision',
      query: PROVISION,
      variables: (input) => ({
        input: {
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          roles: ['AGENT'],
        },
      }),
    },
    {
      name: 'update',
      query: UPDATE,
      variables: (input, previous) => ({
        input: { sid: provisionedSid(previous), email: input.newEmail, locale: input.locale },
      }),
    },
    {
      name: 'fetch',
      query: FETCH,
      variables: (_input, previous) => ({ sid: provisionedSid(previous) }),
    },
    {
      name: 'deprovision',
      query: DEPROVISION,
      variables: (_input, previous) => ({ input: { sid: provisionedSid(previous) } }),
    },
  ],
  floor: (_fixture, input) => {
    const u = String(input.username);
    const resources = [
      `provision ${u} (v4)`,
      `update ${u} (v2)`,
      `fetch ${u} (v2)`,
      `deprovision ${u} (v4)`,
    ];
    return { calls: 4, waves: 4, resources };
  },

  sdk: async (client, account, input) => {
    // Provision and Deprovision are Flex v4, which the SDK has no resource for.
    const provisioned = await client.request({
      method: 'post',
      uri: `${FLEX_API}${v4(account.flexInstanceSid, 'Provision')}`,
      headers: { 'Content-Type': 'application/json' },
      data: {
        username: input.username,
        email: input.email,
        full_name: input.fullName,
        roles: ['agent'],
        worker: {},
      },
    });
    if (provisioned.statusCode >= 300) throw new Error(`Provision: HTTP ${provisioned.statusCode}`);
    const record = provisioned.body as Row;
    const sid = String(record.flex_user_sid);
    const user = client.flexApi.v2.flexUser(account.flexInstanceSid, sid);
    const updated = await user.update({
      email: String(input.newEmail),
      locale: String(input.locale),
    });
    const fetched = await user.fetch();
    const deprovisioned = await client.request({
      method: 'post',
      uri: `${FLEX_API}${v4(account.flexInstanceSid, 'Deprovision')}`,
      headers: { 'Content-Type': 'application/json' },
      data: { flex_user_sid: sid },
    });
    if (deprovisioned.statusCode >= 300) {
      throw new Error(`Deprovision: HTTP ${deprovisioned.statusCode}`);
    }
    return answer(flexFromRecord(record), flexFromSdk(updated), flexFromSdk(fetched));
  },

  mesh: async (client, account, input) => {
    const instance = account.flexInstanceSid;
    const provisioned = await client.rest<Row>('POST', v4(instance, 'Provision'), {
      json: {
        username: input.username,
        email: input.email,
        full_name: input.fullName,
        roles: ['agent'],
        worker: {},
      },
    });
    if (provisioned.status >= 300) throw new Error(`Provision: HTTP ${provisioned.status}`);
    const sid = String(provisioned.body.flex_user_sid);
    const t = (field: string, arg: string, root: 'Query' | 'Mutation' = 'Mutation') =>
      client.argType(root, field, arg);
    const updated = await client.graphql<{ user: Row | null }>(
      `mutation Update($i: ${t('flex_UpdateFlexUser', 'InstanceSid')}, $s: ${t('flex_UpdateFlexUser', 'FlexUserSid')}, $input: ${t('flex_UpdateFlexUser', 'input')}) {
        user: flex_UpdateFlexUser(InstanceSid: $i, FlexUserSid: $s, input: $input) {
          flex_user_sid email locale version
        }
      }`,
      { i: instance, s: sid, input: { Email: input.newEmail, Locale: input.locale } },
    );
    if (!updated.data?.user) throw new Error(`UpdateFlexUser: ${JSON.stringify(updated.errors)}`);
    const fetched = await client.graphql<{ user: Row | null }>(
      `query Fetch($i: ${t('flex_FetchFlexUser', 'InstanceSid', 'Query')}, $s: ${t('flex_FetchFlexUser', 'FlexUserSid', 'Query')}) {
        user: flex_FetchFlexUser(InstanceSid: $i, FlexUserSid: $s) {
          flex_user_sid username email locale version
        }
      }`,
      { i: instance, s: sid },
    );
    if (!fetched.data?.user) throw new Error(`FetchFlexUser: ${JSON.stringify(fetched.errors)}`);
    const deprovisioned = await client.rest('POST', v4(instance, 'Deprovision'), {
      json: { flex_user_sid: sid },
    });
    if (deprovisioned.status >= 300) throw new Error(`Deprovision: HTTP ${deprovisioned.status}`);
    return answer(
      flexFromRecord(provisioned.body),
      flexFromRecord(updated.data.user),
      flexFromRecord(fetched.data.user),
    );
  },

  normalize: (result) =>
    JSON.parse(
      JSON.stringify(result, (key, value: unknown) =>
        ['sid', 'username', 'email', 'fullName'].includes(key) && typeof value === 'string'
          ? `<${key}>`
          : value,
      ),
    ) as unknown,
};
