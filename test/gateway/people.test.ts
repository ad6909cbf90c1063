import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const SEARCH_MAX_PAGES = 2;

interface FlexListItem {
  flex_user_sid: string;
  username: string;
  email: string;
  full_name: string;
  roles: string[];
  deactivated: boolean;
}

interface SearchView {
  people: {
    nodes: { identity: string; flexUser: { sid: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    scannedPages: number;
    scannedUsers: number;
    scanLimitReached: boolean;
  };
}

const SEARCH = /* GraphQL */ `
  query ($filter: PeopleFilter, $first: Int, $after: String) {
    people(filter: $filter, first: $first, after: $after) {
      nodes {
        identity
        flexUser {
          sid
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      scannedPages
      scannedUsers
      scanLimitReached
    }
  }
`;

describe('Query.people', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  /** The instance's Flex users in list order, read from the emulator's own API. */
  let everyone: FlexListItem[];
  const listLine = (token?: string) =>
    `GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=1000${token ? `&PageToken=${token}` : ''}`;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 3000,
      // Each search's own list reads are counted here; people-cache.test.ts tests the cache.
      env: { SEARCH_MAX_PAGES: String(SEARCH_MAX_PAGES), CACHE_TTL_SECONDS: '0' },
    });
    account = stack.emulator.accounts[0]!;
    everyone = [];
    let url: string | null =
      `${stack.emulator.url}/v1/Instances/${account.flexInstanceSid}/Users?PageSize=1000`;
    while (url) {
      const response = await fetch(url, {
        headers: { authorization: basicAuth(account.accountSid, account.authToken) },
      });
      const body = (await response.json()) as {
        users: FlexListItem[];
        meta: { next_page_url: string | null };
      };
      everyone.push(...body.users);
      url = body.meta.next_page_url;
    }
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const search = async (variables: Record<string, unknown>) =>
    expectData(await stack.execute<SearchView>(SEARCH, variables)).people;

  it('has a seed big enough to need more pages than one search may read', () => {
    expect(everyone.length).toBeGreaterThan(SEARCH_MAX_PAGES * 1000);
  });

  it('finds a person by email, without regard to case, stopping at the page that has them', async () => {
    const target = everyone[1500]!;
    const found = await search({ filter: { email: target.email.toUpperCase() }, first: 1 });
    expect(found.nodes).toEqual([
      { identity: target.username, flexUser: { sid: target.flex_user_sid } },
    ]);
    expect(found.scannedPages).toBe(2);
    expect(found.scannedUsers).toBe(1501);
    const lines = await stack.emulator.requestLines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(listLine());
    expect(lines[1]).toMatch(
      /^GET \/v1\/Instances\/GO[0-9a-f]{32}\/Users\?PageSize=1000&PageToken=/,
    );
  });

  it('filters by name, role and deactivation together, a page of results at a time', async () => {
    const expected = everyone
      .filter(
        (u) =>
          u.full_name.toLowerCase().includes('an') &&
          u.roles.includes('supervisor') &&
          u.deactivated,
      )
      .map((u) => u.username);
    expect(expected.length).toBeGreaterThan(10);
    const filter = { nameContains: 'AN', role: 'SUPERVISOR', deactivated: true };
    const found: string[] = [];
    let after: string | null = null;
    let scannedPages = 0;
    let scannedUsers = 0;
    // Pages of 5; one comes back short when its scan reached SEARCH_MAX_PAGES.
    for (let hasNextPage = true; hasNextPage;) {
      const page = await search({ filter, first: 5, after });
      found.push(...page.nodes.map((n) => n.identity));
      scannedPages += page.scannedPages;
      scannedUsers += page.scannedUsers;
      ({ hasNextPage, endCursor: after } = page.pageInfo);
    }
    expect(found).toEqual(expected);
    // Every user examined once, and each list page read once per page of results that needed it.
    expect(scannedUsers).toBe(everyone.length);
    expect(scannedPages).toBe((await stack.emulator.requestLines()).length);
  });

  it('stops after SEARCH_MAX_PAGES list pages, and goes on from its endCursor', async () => {
    const filter = { email: 'nobody.at.all@owlbank.example' };
    const first = await search({ filter });
    expect(first).toMatchObject({
      nodes: [],
      scannedPages: SEARCH_MAX_PAGES,
      scannedUsers: SEARCH_MAX_PAGES * 1000,
      scanLimitReached: true,
      pageInfo: { hasNextPage: true },
    });
    await stack.emulator.clearRequests();
    const rest = await search({ filter, after: first.pageInfo.endCursor });
    expect(rest.scannedUsers).toBe(everyone.length - SEARCH_MAX_PAGES * 1000);
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const lines = await stack.emulator.requestLines();
    expect(lines.every((line) => line.includes('PageToken='))).toBe(true);
  });

  it.each([
    [{ filter: { email: 'not-an-email' } }, 'filter.email must be an email address'],
    [{ filter: { nameContains: 'a' } }, 'filter.nameContains must be 2 to 256 characters'],
    [{ filter: { nameContains: 'x'.repeat(257) } }, 'filter.nameContains must be 2 to 256'],
    [{ first: 0 }, 'first must be between 1 and 100'],
    [{ first: 101 }, 'first must be between 1 and 100'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'Invalid cursor'],
  ])('refuses %j before any Twilio call', async (variables, message) => {
    const result = await stack.execute<SearchView>(SEARCH, variables);
    expect(result.errors?.[0]).toMatchObject({
      path: ['people'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(result.errors?.[0]?.message).toContain(message);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('refuses a cursor of another search', async () => {
    const page = await search({ filter: { role: 'AGENT' }, first: 1 });
    await stack.emulator.clearRequests();
    const result = await stack.execute(SEARCH, {
      filter: { role: 'ADMIN' },
      after: page.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.message).toContain('belongs to another search');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('counts the pages a search may read in its cost', async () => {
    const joins = Array.from(
      { length: 30 },
      (_, i) => `j${i}: conversationsUser { user { identity } }`,
    ).join(' ');
    const result = await stack.execute(`{ people(first: 100) { nodes { ${joins} } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    const cost = result.errors?.[0]?.extensions?.cost as number;
    // The list's pages, then 100 people of (nodes 1 + 30 joins of 3: both identity forms, which
    // Flex identity escapes on by default ask for, and the user's field).
    expect(cost).toBe(SEARCH_MAX_PAGES + 100 * (1 + 30 * 3));
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
