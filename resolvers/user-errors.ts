import { InvalidUpstreamInput, TwilioError } from '../datasources/errors.js';
import type { UserError, UserErrorCode } from '../generated/resolvers-types.js';

export const userError = (
  field: string[] | null,
  message: string,
  code: UserErrorCode,
): UserError => ({
  field,
  message,
  code,
});

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Twilio's Provision limits each string to 1..256 characters (Flex Users API page). */
const MAX_TEXT = 256;

export function checkText(
  name: string,
  value: string | null | undefined,
  required: boolean,
): UserError[] {
  if (value === null || value === undefined) {
    return required ? [userError(['input', name], `${name} is required`, 'REQUIRED')] : [];
  }
  if (value.trim() === '')
    return [userError(['input', name], `${name} must not be empty`, 'REQUIRED')];
  if (value.length > MAX_TEXT) {
    return [
      userError(['input', name], `${name} must be at most ${MAX_TEXT} characters`, 'INVALID'),
    ];
  }
  return [];
}

export function checkEmail(value: string | null | undefined, required: boolean): UserError[] {
  const problems = checkText('email', value, required);
  if (problems.length > 0 || value === null || value === undefined) return problems;
  return EMAIL.test(value)
    ? []
    : [
        userError(
          ['input', 'email'],
          `Expected an email address, got ${JSON.stringify(value)}`,
          'INVALID',
        ),
      ];
}

/** Attributes must be a JSON object: Twilio stores a string, and other JSON values confuse clients. */
export function checkAttributes(name: string, value: unknown): UserError[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'object' && !Array.isArray(value)
    ? []
    : [userError(['input', name], `${name} must be a JSON object`, 'INVALID')];
}

export function checkSomethingToChange(
  input: Record<string, unknown>,
  fields: string[],
): UserError[] {
  return fields.some((field) => input[field] !== null && input[field] !== undefined)
    ? []
    : [
        userError(
          ['input'],
          `Give at least one of ${fields.join(', ')} to change`,
          'NOTHING_TO_CHANGE',
        ),
      ];
}

export function checkExactlyOne(input: Record<string, unknown>, fields: string[]): UserError[] {
  const given = fields.filter((field) => input[field] !== null && input[field] !== undefined);
  return given.length === 1
    ? []
    : [userError(['input'], `Give exactly one of ${fields.join(', ')}`, 'INVALID')];
}

/**
 * Twilio's answers that are about the change itself become userErrors; transport and account
 * failures (401, 429, 5xx, timeouts) are rethrown as top-level errors. A 404 is said in the
 * caller's words (`notFound`): Twilio's message names its own internal path.
 */
export function userErrorsFromTwilio(
  error: unknown,
  field: string[] | null,
  notFound: { field: string[] | null; message: string },
): UserError[] {
  // A value refused before any call (an identity that cannot go into a URL): the input's fault.
  if (error instanceof InvalidUpstreamInput) return [userError(field, error.message, 'INVALID')];
  if (!(error instanceof TwilioError)) throw error;
  switch (error.twilio.status) {
    case 400:
      return [userError(field, error.message, 'REJECTED_BY_TWILIO')];
    case 404:
      return [userError(notFound.field, notFound.message, 'NOT_FOUND')];
    case 409:
      return [userError(field, error.message, 'CONFLICT')];
    default:
      throw error;
  }
}
