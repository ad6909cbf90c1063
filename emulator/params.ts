import { invalidParameter, missingParameter } from './twilio-errors.js';

/** Query strings and form bodies as Fastify parses them: repeated keys become arrays. */
export type Params = Record<string, string | string[] | undefined>;

/** The first value of a parameter (clients send one; a repeated key keeps its first). */
export function param(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function requiredParam(
  params: Params,
  name: string,
  where: 'post body' | 'query string',
): string {
  const value = param(params, name);
  if (value === undefined || value === '') throw missingParameter(name, where);
  return value;
}

/** A SID-typed parameter: Twilio rejects values that do not match the spec's pattern with a 400. */
export function sidParam(params: Params, name: string, pattern: RegExp): string | undefined {
  const value = param(params, name);
  if (value !== undefined && !pattern.test(value)) {
    throw invalidParameter(name, `must match ${pattern.source}`);
  }
  return value;
}

/** `Attributes` must hold a JSON object as a string, which Twilio stores verbatim. */
export function attributesParam(params: Params): string | undefined {
  const value = param(params, 'Attributes');
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidParameter('Attributes', 'must be a JSON object string');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter('Attributes', 'must be a JSON object string');
  }
  return value;
}
