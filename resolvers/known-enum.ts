/**
 * Twilio's enum value as this schema's enum, or null for a value the schema does not know yet
 * (Twilio adds values); the field beside it that carries Twilio's own value keeps it.
 */
export function knownEnum<T>(table: Record<string, T>, value: string | null | undefined): T | null {
  return value != null && Object.hasOwn(table, value) ? (table[value] as T) : null;
}
