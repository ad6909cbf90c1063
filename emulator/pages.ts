import { param, type Params } from './params.js';
import type { SeqList } from './seq-list.js';
import { invalidParameter } from './twilio-errors.js';

export interface PageRequest {
  size: number;
  page: number;
  token: string | null;
}

/** The standard `meta` of Twilio's paged lists. */
export interface PageMeta {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

const DIGITS = /^\d+$/;
const TOKEN = /^P([AB])([0-9a-z]+)$/;

/**
 * PageSize above the list's maximum is capped, not refused: twilio-node sends `limit` as PageSize
 * uncapped and real lists still answer. Page is "client state"; PageToken carries the position.
 */
export function readPageRequest(query: Params, maxSize: number): PageRequest {
  const sizeText = param(query, 'PageSize');
  const pageText = param(query, 'Page');
  const token = param(query, 'PageToken') ?? null;
  if (sizeText !== undefined && (!DIGITS.test(sizeText) || Number(sizeText) < 1)) {
    throw invalidParameter('PageSize', 'must be a positive integer');
  }
  if (pageText !== undefined && !DIGITS.test(pageText)) {
    throw invalidParameter('Page', 'must be a non-negative integer');
  }
  if (token !== null && !TOKEN.test(token)) throw invalidParameter('PageToken', 'is not valid');
  return {
    size: Math.min(sizeText === undefined ? 50 : Number(sizeText), maxSize),
    page: pageText === undefined ? 0 : Number(pageText),
    token,
  };
}

/**
 * One page of `list` plus its meta. Tokens name a record (PA = after it, PB = before it), so pages
 * stay consistent while records are created or deleted; without a token, Page × PageSize is the offset.
 * `url` is the absolute collection URL without a query string; `filters` are the list's filter
 * parameters, which Twilio repeats in every page URL before PageSize (TaskRouter's examples).
 */
export function readPage<T extends { seq: number }>(
  list: SeqList<T>,
  request: PageRequest,
  url: string,
  key: string,
  filters: Record<string, string> = {},
): { items: T[]; meta: PageMeta } {
  const { size, page, token } = request;
  let items: T[];
  const match = token === null ? null : TOKEN.exec(token);
  if (match) {
    const seq = parseInt(match[2] as string, 36);
    items = match[1] === 'A' ? list.after(seq, size) : list.before(seq, size);
  } else {
    items = list.at(page * size, size);
  }
  const first = items[0];
  const last = items[items.length - 1];
  const filter = Object.entries(filters)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}&`)
    .join('');
  const pageUrl = (n: number, pageToken: string | null) =>
    `${url}?${filter}PageSize=${size}&Page=${n}${pageToken === null ? '' : `&PageToken=${pageToken}`}`;
  return {
    items,
    meta: {
      page,
      page_size: size,
      first_page_url: pageUrl(0, null),
      previous_page_url:
        page > 0 && first !== undefined && list.hasBefore(first.seq)
          ? pageUrl(page - 1, `PB${first.seq.toString(36)}`)
          : null,
      url: pageUrl(page, token),
      next_page_url:
        last !== undefined && list.hasAfter(last.seq)
          ? pageUrl(page + 1, `PA${last.seq.toString(36)}`)
          : null,
      key,
    },
  };
}
