/**
 * Writes docs/schema.md from the SDL's descriptions (`npm run docs`), or with `--check` fails when
 * the file is stale or anything in the schema lacks a description.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';
import { loadTypeDefs } from '../server/schema.js';

const OUTPUT = new URL('./schema.md', import.meta.url);

const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (text: string | null | undefined) => oneLine(text).replace(/\|/g, '\\|');

export function missingDescriptions(): string[] {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const missing: string[] = [];
  for (const type of userTypes(schema.getTypeMap())) {
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()) as (
        GraphQLField<unknown, unknown> | GraphQLInputField
      )[]) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of ('args' in field ? field.args : []) as GraphQLArgument[]) {
          if (!arg.description && arg.name !== 'input')
            missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

/** Scalars the Federation directives take (schema/federation.graphql), not values of the graph. */
const FEDERATION_SCALARS = new Set(['FieldSet', 'link__Import']);

function userTypes(map: Record<string, GraphQLNamedType>): GraphQLNamedType[] {
  return Object.values(map)
    .filter(
      (type) =>
        !type.name.startsWith('__') &&
        !FEDERATION_SCALARS.has(type.name) &&
        !(isScalarType(type) && isSpecifiedScalarType(type)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The `fields` of a type's `@key`s, on its definition or its extensions (federation.graphql). */
function entityKeys(type: GraphQLNamedType): string[] {
  const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
  return nodes.flatMap((node) =>
    (node?.directives ?? [])
      .filter((directive) => directive.name.value === 'key')
      .flatMap((directive) =>
        (directive.arguments ?? [])
          .filter((argument) => argument.name.value === 'fields')
          .map((argument) => (argument.value.kind === Kind.STRING ? argument.value.value : '')),
      ),
  );
}

export function renderReference(): string {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const lines = [
    '# Schema reference',
    '',
    'Generated from the SDL in `schema/` by `npm run docs`; do not edit by hand.',
    '',
  ];
  const section = (title: string, types: GraphQLNamedType[]) => {
    if (types.length === 0) return;
    lines.push(`## ${title}`, '');
    for (const type of types) {
      lines.push(`### ${type.name}`, '', oneLine(type.description), '');
      const keys = entityKeys(type);
      if (keys.length > 0) {
        const listed = keys.map((key) => `\`${key}\``).join(', ');
        lines.push(`Federation entity, key ${listed} (see [federation.md](federation.md)).`, '');
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        lines.push('| field | type | description |', '| --- | --- | --- |');
        for (const field of Object.values(type.getFields()) as (
          GraphQLField<unknown, unknown> | GraphQLInputField
        )[]) {
          const args =
            'args' in field && field.args.length > 0
              ? `(${field.args.map((a) => `${a.name}: ${a.type.toString()}`).join(', ')})`
              : '';
          lines.push(
            `| \`${field.name}${args}\` | \`${field.type.toString()}\` | ${cell(field.description)} |`,
          );
        }
        lines.push('');
      }
      if (isEnumType(type)) {
        lines.push('| value | description |', '| --- | --- |');
        for (const value of type.getValues())
          lines.push(`| \`${value.name}\` | ${cell(value.description)} |`);
        lines.push('');
      }
    }
  };
  const types = userTypes(schema.getTypeMap());
  const roots = ['Query', 'Mutation'];
  section(
    'Operations',
    types.filter((t) => roots.includes(t.name)),
  );
  section(
    'Objects and interfaces',
    types.filter((t) => (isObjectType(t) || isInterfaceType(t)) && !roots.includes(t.name)),
  );
  section('Inputs', types.filter(isInputObjectType));
  section('Enums', types.filter(isEnumType));
  section('Scalars', types.filter(isScalarType));
  return `${lines.join('\n').trimEnd()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = missingDescriptions();
  if (missing.length > 0) {
    console.error(`Add a description to: ${missing.join(', ')}`);
    process.exit(1);
  }
  const rendered = renderReference();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== rendered) {
      console.error('docs/schema.md is stale: run npm run docs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, rendered);
  }
}
