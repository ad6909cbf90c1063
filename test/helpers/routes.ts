import type { LoggedRequest } from '../../emulator/index.js';
import { findOperation, type OperationRef } from './openapi.js';

/**
 * The Flex Users API (public beta) operations, which are in no vendored spec: named after their
 * sections of Twilio's "Flex Users API" page, as the gateway's datasource functions are.
 */
export type FlexUsersApiOperationId =
  | 'ListFlexUsers'
  | 'FetchFlexUserV4'
  | 'FetchFlexUserByUsername'
  | 'ProvisionFlexUser'
  | 'DeprovisionFlexUser';

/** An operation of a vendored spec, or of the Flex Users API page. */
export type RouteRef =
  OperationRef | { spec: 'flex-users-api'; operationId: FlexUsersApiOperationId };

/** What a path parameter's decoded value must satisfy (the spec's `schema`). */
export interface PathParameter {
  name: string;
  pattern: RegExp | null;
  minLength: number | null;
  maxLength: number | null;
}

export interface QueryParameter {
  name: string;
  required: boolean;
}

/** A literal path segment, or one whole path parameter. */
export type Segment = { literal: string } | { parameter: PathParameter };

/** An operation as the matcher reads it. */
export interface Route {
  ref: RouteRef;
  method: string;
  /** The spec's path template, e.g. /v2/Services/{ServiceSid}/Users/{Sid}. */
  template: string;
  segments: Segment[];
  query: QueryParameter[];
}

/** Path parameters by name, percent-decoded. */
export type RouteParams = Record<string, string>;

export interface RouteMatch {
  route: RouteRef;
  params: RouteParams;
}

interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { pattern?: string; minLength?: number; maxLength?: number };
}

/** findOperation's type leaves `parameters` out; the specs list them on each operation. */
function specParameters(operation: object): SpecParameter[] {
  const parameters = 'parameters' in operation ? operation.parameters : undefined;
  return Array.isArray(parameters) ? (parameters as SpecParameter[]) : [];
}

function pathParameter({ name, schema = {} }: SpecParameter): PathParameter {
  return {
    name,
    pattern: schema.pattern === undefined ? null : new RegExp(schema.pattern),
    minLength: schema.minLength ?? null,
    maxLength: schema.maxLength ?? null,
  };
}

const optional = (name: string): QueryParameter => ({ name, required: false });

/**
 * The Flex Users API page documents the v1 list's PageSize and PageToken; its example `meta`
 * URLs also carry Page (`?PageSize=50&Page=0`), which a client following `next_page_url` sends.
 * The by-username lookup documents one query parameter, Username (required); the others none.
 */
const FLEX_USERS_API: Record<
  FlexUsersApiOperationId,
  { method: string; template: string; query: QueryParameter[] }
> = {
  ListFlexUsers: {
    method: 'GET',
    template: '/v1/Instances/{InstanceSid}/Users',
    query: [optional('PageSize'), optional('Page'), optional('PageToken')],
  },
  FetchFlexUserV4: {
    method: 'GET',
    template: '/v4/Instances/{InstanceSid}/Users/{FlexUserSid}',
    query: [],
  },
  FetchFlexUserByUsername: {
    method: 'GET',
    template: '/v4/Instances/{InstanceSid}/Users',
    query: [{ name: 'Username', required: true }],
  },
  ProvisionFlexUser: {
    method: 'POST',
    template: '/v4/Instances/{InstanceSid}/Users/Provision',
    query: [],
  },
  DeprovisionFlexUser: {
    method: 'POST',
    template: '/v4/Instances/{InstanceSid}/Users/Deprovision',
    query: [],
  },
};

/**
 * The page gives InstanceSid and FlexUserSid no pattern ("a 34-character string"): they are the
 * parameters of the same names in twilio_flex_v2.json's FetchFlexUser (^GO…, ^FU…).
 */
function flexUsersApiParameters(): Map<string, PathParameter> {
  const { operation } = findOperation({
    spec: 'twilio_flex_v2.json',
    operationId: 'FetchFlexUser',
  });
  return new Map(
    specParameters(operation)
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => [parameter.name, pathParameter(parameter)]),
  );
}

function segmentsOf(template: string, parameters: Map<string, PathParameter>): Segment[] {
  return template.split('/').map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      // A parameter sharing its segment (Twilio's 2010 API has {Sid}.json) needs another matcher.
      if (part.includes('{')) throw new Error(`${template}: ${part} is not one whole parameter`);
      return { literal: part };
    }
    const parameter = parameters.get(name);
    if (parameter === undefined) throw new Error(`${template} declares no parameter ${name}`);
    return { parameter };
  });
}

function buildRoute(ref: RouteRef): Route {
  if (ref.spec === 'flex-users-api') {
    const { method, template, query } = FLEX_USERS_API[ref.operationId];
    return {
      ref,
      method,
      template,
      segments: segmentsOf(template, flexUsersApiParameters()),
      query,
    };
  }
  const { path, method, operation } = findOperation(ref);
  const parameters = specParameters(operation);
  const inPath = new Map(
    parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathParameter(p)]),
  );
  return {
    ref,
    method,
    template: path,
    segments: segmentsOf(path, inPath),
    query: parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, required: p.required === true })),
  };
}

const routes = new Map<string, Route>();

/** The operation's method, template, path parameter rules and query parameters (cached). */
export function routeOf(ref: RouteRef): Route {
  const key = `${ref.spec}#${ref.operationId}`;
  let route = routes.get(key);
  if (route === undefined) {
    route = buildRoute(ref);
    routes.set(key, route);
  }
  return route;
}

// RFC 3986 §3.3 pchar and §3.4 query characters, each either itself or a %XX escape.
const RAW_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;
const RAW_QUERY_PART = /^(?:[A-Za-z0-9\-._~!$'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The decoded text, or null when the escapes are malformed or do not spell UTF-8 (an encoded
 * surrogate, %ED%A0%80, is not UTF-8, so decodeURIComponent throws; the surrogate test keeps the
 * rule true for any input).
 */
function decodeStrictly(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return LONE_SURROGATE.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

function satisfies(parameter: PathParameter, value: string): boolean {
  const length = [...value].length; // JSON Schema counts code points
  if (parameter.minLength !== null && length < parameter.minLength) return false;
  if (parameter.maxLength !== null && length > parameter.maxLength) return false;
  return parameter.pattern === null || parameter.pattern.test(value);
}

/**
 * The decoded path parameters when `request` is this operation's method and path, else null.
 * Literal segments must be exactly the template's (no percent-encoded spelling of them). A
 * parameter is exactly one segment of RFC 3986 path characters, percent-decoded once, which must
 * be UTF-8, must not be empty, `.` or `..` (a path step to any server or proxy that normalises),
 * must not be literal dots only in the raw form, and must satisfy the spec's pattern and lengths.
 */
export function matchPath(
  route: Route,
  request: Pick<LoggedRequest, 'method' | 'path'>,
): RouteParams | null {
  if (request.method !== route.method) return null;
  const raw = request.path.split('/');
  if (raw.length !== route.segments.length) return null;
  const params: RouteParams = {};
  for (const [index, segment] of route.segments.entries()) {
    const part = raw[index] as string;
    if ('literal' in segment) {
      if (part !== segment.literal) return null;
      continue;
    }
    if (!RAW_SEGMENT.test(part) || /^\.+$/.test(part)) return null;
    const value = decodeStrictly(part);
    if (value === null || value === '' || value === '.' || value === '..') return null;
    if (!satisfies(segment.parameter, value)) return null;
    params[segment.parameter.name] = value;
  }
  return params;
}

/** A query name or value as Twilio reads it: `+` is a space, then percent-decoded once. */
function decodeQueryPart(raw: string): string | null {
  return RAW_QUERY_PART.test(raw) ? decodeStrictly(raw.replaceAll('+', ' ')) : null;
}

/**
 * Whether the raw query string uses only parameters the operation declares, every required one
 * among them, each name and value decoding to UTF-8 text. An empty pair (`a=1&&b=2`) is a
 * parameter with an empty name, so it fails. Repeats are allowed (Twilio reads them as arrays).
 */
export function allowedQuery(route: Route, query: string): boolean {
  const seen = new Set<string>();
  if (query !== '') {
    const declared = new Set(route.query.map((parameter) => parameter.name));
    for (const pair of query.split('&')) {
      const equals = pair.indexOf('=');
      const name = decodeQueryPart(equals === -1 ? pair : pair.slice(0, equals));
      const value = decodeQueryPart(equals === -1 ? '' : pair.slice(equals + 1));
      if (name === null || value === null || !declared.has(name)) return false;
      seen.add(name);
    }
  }
  return route.query.every((parameter) => !parameter.required || seen.has(parameter.name));
}

/** matchPath, and null as well when the query is not allowedQuery. */
export function matchRoute(
  route: Route,
  request: Pick<LoggedRequest, 'method' | 'path' | 'query'>,
): RouteParams | null {
  return allowedQuery(route, request.query) ? matchPath(route, request) : null;
}

/**
 * The first of the `allowed` operations the logged request is, with its decoded path
 * parameters; null when it is none of them (a call the caller did not mean to make).
 */
export function matchRequest(
  request: Pick<LoggedRequest, 'method' | 'path' | 'query'>,
  allowed: readonly RouteRef[],
): RouteMatch | null {
  for (const ref of allowed) {
    const params = matchRoute(routeOf(ref), request);
    if (params !== null) return { route: ref, params };
  }
  return null;
}
