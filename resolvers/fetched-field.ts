/**
 * A field of an upstream record: from the record in hand when its read carried the key, else from
 * the fuller record `loadFull` fetches (another API version, or a fetch instead of a list read).
 * A key present with null is Twilio's answer and is kept; only an absent key causes a fetch.
 */
export async function fetchedField<R extends object, K extends keyof R>(
  record: R,
  key: K,
  loadFull: () => Promise<R | null>,
): Promise<NonNullable<R[K]> | null> {
  if (key in record) return record[key] ?? null;
  return (await loadFull())?.[key] ?? null;
}
