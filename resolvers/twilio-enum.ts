/**
 * A Twilio enum value (lower case) as the schema's enum value, or null when it is missing or one
 * this schema does not know yet: Twilio may add values, and an unknown one must not fail the field.
 */
export function twilioEnum<E extends string>(
  value: string | null | undefined,
  known: readonly E[],
): E | null {
  const upper = value?.toUpperCase();
  return known.find((candidate) => candidate === upper) ?? null;
}
