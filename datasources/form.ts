/**
 * A Twilio form body with only the fields that change: Twilio treats a field sent empty as
 * "set to empty", so an absent value must stay absent.
 */
export function twilioForm(fields: Record<string, string | undefined>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form[key] = value;
  return form;
}
