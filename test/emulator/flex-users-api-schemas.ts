/**
 * JSON Schemas for the Flex Users API (public beta) responses, written from the shapes on Twilio's
 * "Flex Users API" documentation page: these endpoints are in no OpenAPI spec. Objects are exact
 * (every documented field, no other).
 */

const sid = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$` });
const nullableSid = (prefix: string) => ({
  type: ['string', 'null'],
  pattern: `^${prefix}[0-9a-fA-F]{32}$`,
});
const date = { type: 'string', format: 'date-time', pattern: 'Z$' };
const roles = {
  type: 'array',
  minItems: 1,
  items: { enum: ['agent', 'supervisor', 'admin'] },
};

function exact(properties: Record<string, unknown>) {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const common = {
  account_sid: sid('AC'),
  created_date: date,
  deactivated: { type: 'boolean' },
  deactivated_date: { anyOf: [date, { type: 'null' }] },
  email: { type: 'string' },
  flex_team_sid: sid('QO'),
  flex_user_sid: sid('FU'),
  full_name: { type: 'string' },
  instance_sid: sid('GO'),
  locale: { type: ['string', 'null'] },
  roles,
  updated_date: date,
  username: { type: 'string' },
  version: { type: 'integer', minimum: 0 },
};

/** "Get Flex user by Flex user SID" and the items of "List Flex Users": flat, no url, no user_sid. */
export const flexUserV4Schema = exact({
  ...common,
  worker_sid: nullableSid('WK'),
  workspace_sid: nullableSid('WS'),
});

/** "Get Flex user by username" items omit worker_sid. */
export const flexUserByUsernameSchema = exact({ ...common, workspace_sid: nullableSid('WS') });

/** "Provision a Flex user": the worker is nested. */
export const provisionedFlexUserSchema = exact({
  ...common,
  worker: exact({ worker_sid: nullableSid('WK'), workspace_sid: nullableSid('WS') }),
});

const pageUrl = { type: 'string', format: 'uri' };

export const listFlexUsersSchema = exact({
  users: { type: 'array', items: flexUserV4Schema },
  meta: exact({
    first_page_url: pageUrl,
    key: { const: 'users' },
    next_page_url: { anyOf: [pageUrl, { type: 'null' }] },
    page: { type: 'integer', minimum: 0 },
    page_size: { type: 'integer', minimum: 1, maximum: 1000 },
    previous_page_url: { anyOf: [pageUrl, { type: 'null' }] },
    url: pageUrl,
  }),
});

export const flexUsersByUsernameSchema = exact({
  account_sid: sid('AC'),
  instance_sid: sid('GO'),
  users: { type: 'array', maxItems: 1, items: flexUserByUsernameSchema },
  meta: exact({
    direct_token: { const: true },
    list_key: { const: 'users' },
    next_token: { type: 'null' },
    page_size: { type: 'integer', minimum: 1 },
    previous_token: { type: 'null' },
  }),
});
