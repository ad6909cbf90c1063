import { textProblem } from '../datasources/paths.js';
import type { Page, PageRequest } from '../datasources/records.js';
import { badInput } from './scalars.js';

/** A position in a Twilio list: the PageToken of a page and how many of its items to skip. */
interface Position {
  token: string | null;
  skip: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const encode = (position: Position) =>
  Buffer.from(JSON.stringify([position.token, position.skip]), 'utf8').toString('base64url');

function decode(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      // A token goes to Twilio as PageToken: it must be one paths.ts would send.
      (value[0] === null || (typeof value[0] === 'string' && textProblem(value[0]) === null)) &&
      Number.isInteger(value[1]) &&
      (value[1] as number) >= 0
    ) {
      return { token: value[0] as string | null, skip: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(`Invalid cursor ${JSON.stringify(cursor)}: pass a cursor this API returned`);
}

/**
 * Reads one connection page over Twilio's token pages. Cursors hold Twilio's PageToken, never an
 * offset into the whole list; a cursor in the middle of a page also says how many of that page's
 * items come before it, and the page is read again from its token.
 *
 * @param maxPageSize Twilio's maximum PageSize for this list; `first` above it is refused.
 */
export async function readConnection<T>(
  args: { first: number; after?: string | null },
  maxPageSize: number,
  readPage: (page: PageRequest) => Promise<Page<T>>,
): Promise<Connection<T>> {
  const { first } = args;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput(
      `first must be between 1 and ${maxPageSize} (Twilio's page size limit), got ${first}`,
    );
  }
  const at = args.after ? decode(args.after) : { token: null, skip: 0 };
  const pageSize = Math.min(maxPageSize, at.skip + first);
  const page = await readPage({ pageSize, pageToken: at.token });
  const items = page.items.slice(at.skip, at.skip + first);
  const consumedWholePage = at.skip + items.length >= page.items.length;
  const edges = items.map((node, i) => {
    const isLast = i === items.length - 1;
    const position =
      isLast && consumedWholePage && page.nextPageToken !== null
        ? { token: page.nextPageToken, skip: 0 }
        : { token: at.token, skip: at.skip + i + 1 };
    return { cursor: encode(position), node };
  });
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: page.nextPageToken !== null || !consumedWholePage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
