import type { FlexApi } from './flex.js';
import type { FlexUserRecord } from './records.js';

/** Twilio's largest Flex v1 list page: the fewer calls a scan makes, the better. */
export const FLEX_SCAN_PAGE_SIZE = 1000;

/** A place in the Flex v1 list: a page's PageToken (null: the first) and how many of it are read. */
export interface ScanPosition {
  token: string | null;
  skip: number;
}

export interface ScanResult {
  /** Each matching user with the position just after it. */
  matches: { record: FlexUserRecord; after: ScanPosition }[];
  /** Where a further scan would start; null once the list's end was reached. */
  next: ScanPosition | null;
  pages: number;
  users: number;
  /** The scan stopped because it read `maxPages` pages, not because it was done. */
  limitReached: boolean;
}

/**
 * Reads the Flex v1 list from `from` until `want` users match, the list ends, or `maxPages` pages
 * were read. Pages are read with `scanFlexUsersPage`, the list read the cross-request cache
 * serves when one is configured (read-cache/cached-apis.ts): a repeated search costs no call.
 */
export async function scanFlexUsers(
  flex: FlexApi,
  instanceSid: string,
  from: ScanPosition,
  options: { want: number; maxPages: number; matches: (record: FlexUserRecord) => boolean },
): Promise<ScanResult> {
  const result: ScanResult = { matches: [], next: from, pages: 0, users: 0, limitReached: false };
  let at = from;
  while (result.pages < options.maxPages) {
    const page = await flex.scanFlexUsersPage(instanceSid, {
      pageSize: FLEX_SCAN_PAGE_SIZE,
      pageToken: at.token,
    });
    result.pages += 1;
    for (let i = at.skip; i < page.items.length; i += 1) {
      const record = page.items[i]!;
      result.users += 1;
      if (!options.matches(record)) continue;
      const after = { token: at.token, skip: i + 1 };
      result.matches.push({ record, after });
      if (result.matches.length === options.want) {
        result.next =
          i + 1 < page.items.length
            ? after
            : page.nextPageToken === null
              ? null
              : { token: page.nextPageToken, skip: 0 };
        return result;
      }
    }
    if (page.nextPageToken === null) {
      result.next = null;
      return result;
    }
    at = { token: page.nextPageToken, skip: 0 };
    result.next = at;
  }
  result.limitReached = true;
  return result;
}
