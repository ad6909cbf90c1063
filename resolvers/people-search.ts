import { createHash } from 'node:crypto';
import { scanFlexUsers, type ScanPosition } from '../datasources/flex-scan.js';
import { textProblem } from '../datasources/paths.js';
import type { FlexUserRecord } from '../datasources/records.js';
import type { PeopleFilter, QueryPeopleArgs } from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { flexInstance, personOfFlexUser } from './joins.js';
import type { Person } from './models.js';
import { badInput } from './scalars.js';
import { EMAIL } from './user-errors.js';

const MAX_FIRST = 100;
const NAME_LENGTH = { min: 2, max: 256 };

/** Every filter is checked before the first call: a bad one costs Twilio nothing. */
function checkFilter(filter: PeopleFilter): void {
  const { email, nameContains } = filter;
  if (email !== null && email !== undefined && (email.length > 256 || !EMAIL.test(email))) {
    throw badInput(`filter.email must be an email address, got ${JSON.stringify(email)}`);
  }
  if (nameContains !== null && nameContains !== undefined) {
    const length = nameContains.trim().length;
    if (length < NAME_LENGTH.min || nameContains.length > NAME_LENGTH.max) {
      throw badInput(
        `filter.nameContains must be ${NAME_LENGTH.min} to ${NAME_LENGTH.max} characters, got ${nameContains.length}`,
      );
    }
  }
}

function matcher(filter: PeopleFilter): (record: FlexUserRecord) => boolean {
  const email = filter.email?.toLowerCase();
  const name = filter.nameContains?.trim().toLowerCase();
  const role = filter.role?.toLowerCase();
  const { deactivated } = filter;
  return (record) =>
    (email === undefined || record.email?.toLowerCase() === email) &&
    (name === undefined || (record.full_name?.toLowerCase().includes(name) ?? false)) &&
    (role === undefined || (record.roles?.includes(role) ?? false)) &&
    (deactivated === null || deactivated === undefined || record.deactivated === deactivated);
}

/** A cursor is only good for the search that made it: the same filter, in the same instance. */
const searchKey = (filter: PeopleFilter, instanceSid: string) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        instanceSid,
        filter.email?.toLowerCase() ?? null,
        filter.nameContains?.trim().toLowerCase() ?? null,
        filter.role ?? null,
        filter.deactivated ?? null,
      ]),
    )
    .digest('base64url')
    .slice(0, 12);

const encode = (at: ScanPosition, key: string) =>
  Buffer.from(JSON.stringify([at.token, at.skip, key]), 'utf8').toString('base64url');

function decode(cursor: string, key: string): ScanPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    Array.isArray(value) &&
    value.length === 3 &&
    (value[0] === null || (typeof value[0] === 'string' && textProblem(value[0]) === null)) &&
    Number.isInteger(value[1]) &&
    (value[1] as number) >= 0
  ) {
    if (value[2] !== key) {
      throw badInput('This cursor belongs to another search: pass the same filter and instance');
    }
    return { token: value[0] as string | null, skip: value[1] as number };
  }
  throw badInput(`Invalid cursor ${JSON.stringify(cursor)}: pass a cursor this API returned`);
}

/** `people`: a bounded scan of the Flex v1 list, filtered here (Twilio has no search). */
export async function searchPeople(args: QueryPeopleArgs, ctx: Context) {
  const filter = args.filter ?? {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badInput(`first must be between 1 and ${MAX_FIRST}, got ${first}`);
  }
  checkFilter(filter);
  const instanceSid = await flexInstance(ctx, args.instanceSid);
  const key = searchKey(filter, instanceSid);
  const from = args.after ? decode(args.after, key) : { token: null, skip: 0 };
  const scan = await scanFlexUsers(ctx.apis.flex, instanceSid, from, {
    want: first,
    maxPages: ctx.backOffice.searchMaxPages,
    matches: matcher(filter),
  });
  const edges: { cursor: string; node: Person }[] = [];
  for (const { record, after } of scan.matches) {
    // The list item carries every v4 key, so later fields of this user need no fetch.
    ctx.loaders.primeFlexUser(record, 'v4');
    const node = personOfFlexUser(record);
    if (node) edges.push({ cursor: encode(after, key), node });
  }
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: scan.next !== null,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: scan.next ? encode(scan.next, key) : (edges.at(-1)?.cursor ?? null),
    },
    scannedPages: scan.pages,
    scannedUsers: scan.users,
    scanLimitReached: scan.limitReached,
  };
}
