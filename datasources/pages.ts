import type { Page, TwilioPage } from './records.js';

/**
 * Reads a Twilio page. The next page is identified by the PageToken in `meta.next_page_url`
 * (Page is "simply for client state", says Twilio), so that token is all a cursor needs.
 */
export function toPage<K extends string, T>(body: TwilioPage<K, T>, key: K): Page<T> {
  const next = body.meta.next_page_url;
  return {
    items: body[key] ?? [],
    nextPageToken: next === null ? null : new URL(next).searchParams.get('PageToken'),
  };
}
