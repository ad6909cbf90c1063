import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its plugin is the `default` property.
const addFormats = ajvFormats.default;

/** The vendored Twilio specs (vendor/twilio-oai), the only specs tests may read. */
export type SpecFile =
  | 'twilio_flex_v1.json'
  | 'twilio_flex_v2.json'
  | 'twilio_conversations_v1.json'
  | 'twilio_chat_v2.json'
  | 'twilio_taskrouter_v1.json';

type Schema = Record<string, unknown>;

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const specs = new Map<SpecFile, Spec>();

export function loadSpec(file: SpecFile): Spec {
  let spec = specs.get(file);
  if (spec === undefined) {
    const url = new URL(`../../vendor/twilio-oai/${file}`, import.meta.url);
    spec = JSON.parse(readFileSync(url, 'utf8')) as Spec;
    specs.set(file, spec);
  }
  return spec;
}

export function createAjv(): Ajv {
  // strict: false because the specs carry vendor keywords (x-twilio) ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Twilio's `links` objects are declared `format: uri-map`; ajv formats only check strings.
  ajv.addFormat('uri-map', true);
  return ajv;
}

/**
 * OpenAPI 3.0 schema → JSON Schema: `$ref`s inlined and `nullable: true` turned into a `null`
 * type. With `exact`, every object that lists properties must have all of them and no others,
 * so a missing or an invented field fails the contract as a wrong type does.
 */
export function toJsonSchema(schema: Schema, spec: Spec, exact: boolean): Schema {
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (node === null || typeof node !== 'object') return node;
    const source = node as Schema;
    if (typeof source.$ref === 'string') {
      const name = source.$ref.replace('#/components/schemas/', '');
      const target = spec.components.schemas[name];
      if (target === undefined) throw new Error(`Unresolved $ref ${source.$ref}`);
      return convert(target);
    }
    const out: Schema = {};
    for (const [key, value] of Object.entries(source)) {
      if (key === 'nullable' || key === 'example' || key === 'examples') continue;
      out[key] = key === 'properties' ? mapValues(value as Schema, convert) : convert(value);
    }
    if (source.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    }
    if (exact && out.properties !== undefined) {
      out.required = Object.keys(out.properties as Schema);
      out.additionalProperties = false;
    }
    return out;
  };
  return convert(schema) as Schema;
}

function mapValues(object: Schema, fn: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

export interface OperationRef {
  spec: SpecFile;
  operationId: string;
}

/** The operation's path and method in the spec, e.g. FetchUser → GET /v1/Users/{Sid}. */
export function findOperation({ spec: file, operationId }: OperationRef): {
  path: string;
  method: string;
  operation: Operation;
} {
  const spec = loadSpec(file);
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation?.operationId === operationId) {
        return { path, method: method.toUpperCase(), operation };
      }
    }
  }
  throw new Error(`${file} has no operation ${operationId}`);
}

/** A validator for the operation's JSON response with that status (exact objects). */
export function responseValidator(ajv: Ajv, ref: OperationRef, status: number): ValidateFunction {
  const { operation } = findOperation(ref);
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (schema === undefined) {
    throw new Error(`${ref.operationId} declares no JSON response for ${status}`);
  }
  return ajv.compile(toJsonSchema(schema, loadSpec(ref.spec), true));
}

/** The validation errors of `body` (empty when valid), for `expect(...).toEqual([])`. */
export function schemaErrors(validate: ValidateFunction, body: unknown): unknown[] {
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
