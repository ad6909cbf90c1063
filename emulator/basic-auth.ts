import type { AccountState, Store } from './store.js';

/**
 * The account a Basic `Authorization` header's credentials belong to (AccountSid:AuthToken or an
 * API key and its secret); undefined for any other header or none. Cheap enough to run on every
 * request before fault rules, which may name an account.
 */
export function accountOfAuthorization(
  store: Store,
  header: string | undefined,
): AccountState | undefined {
  // The scheme name is case-insensitive (RFC 9110 §11.1).
  if (header === undefined || header.length <= 6 || header.slice(0, 6).toLowerCase() !== 'basic ') {
    return undefined;
  }
  return store.authenticate(Buffer.from(header.slice(6), 'base64').toString());
}
