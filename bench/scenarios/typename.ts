/**
 * typename: `{ __typename }`, which every GraphQL server answers without any upstream call: what
 * the contender costs per request before it does any work (HTTP, parsing, validation, the
 * request pipeline, serialising the answer). Only for GraphQL servers: the Twilio SDK has no
 * request of its own to make, so it does not run it; Hive Gateway gets it on its GraphQL endpoint.
 */
import type { Scenario } from './types.js';

const QUERY = '{ __typename }';

export const typename: Scenario = {
  name: 'typename',
  title: '`{ __typename }`: the fixed cost of a GraphQL request, no upstream call',
  skip: ['twilio-sdk'],
  input: () => ({}),
  steps: [{ name: 'typename', query: QUERY, variables: () => ({}) }],
  hiveSteps: [{ name: 'typename', query: QUERY, variables: () => ({}) }],
  floor: () => ({ calls: 0, waves: 0, resources: [] }),
  sdk: () => Promise.reject(new Error('typename is for GraphQL servers only')),
  mesh: async (client) => (await client.graphql(QUERY)).data,
};
