/** How many hex digits of an anonymous document's hash name it: 4 billion names, short lines. */
const SIGNATURE_DIGITS = 8;

/**
 * How logs and /metrics name an operation: its own name, or, for an anonymous one, `anonymous:`
 * and the start of its document's SHA-256 (Apollo's `queryHash`, also the persisted-query hash), so
 * each anonymous query keeps one name across requests, replicas and restarts. `anonymous` alone
 * when the request never got a document.
 */
export function operationName(name: string | null | undefined, queryHash: string | undefined) {
  if (name) return name;
  return queryHash ? `anonymous:${queryHash.slice(0, SIGNATURE_DIGITS)}` : 'anonymous';
}
