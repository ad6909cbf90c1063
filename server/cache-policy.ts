import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * The response cache policy of an operation from the schema's `@cacheControl` hints alone, with the
 * rules of Apollo Server's cache-control plugin (@apollo/server plugin/cacheControl, v5), which
 * applies them field by field while resolving; this reads them once per document instead:
 *
 * - a field's policy is its return type's hint (composite types), replaced by the field's own hint;
 * - a field with no maxAge that is a root field, or returns a composite type without
 *   `inheritMaxAge`, gets the default maxAge 0;
 * - the operation's policy is the lowest maxAge of its fields, PRIVATE if any field is PRIVATE;
 * - introspection fields (`__typename`, `__schema`, `__type` and the fields under them) count for
 *   nothing: Apollo never sees them resolve.
 *
 * Where the two differ, this one is the more cautious (never longer-lived, never less private),
 * because Apollo counts only the fields that resolved and this counts every field the document
 * could resolve: the fields under a parent that turns out null or an empty list, fields that
 * `@skip`/`@include` leave out, and under an abstract type the fragments of every possible type
 * (Apollo: only those of the object's runtime type).
 *
 * The one hint that depends on the request is federation's: @apollo/subgraph's `_entities`
 * resolver restricts its field by the hint of each representation's `__typename`, so those fields
 * are kept apart (`entities`) for requestCachePolicy to finish with the request's variables, and
 * their selections are read per entity type: a router's fetch has fragments for several types,
 * and only those of the representations' types resolve.
 */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

interface CacheAnnotation extends CacheHint {
  inheritMaxAge?: true;
}

export interface OperationCachePolicy {
  /** What the schema it was computed for: a cached policy is only good for that one. */
  schema: GraphQLSchema;
  /** Every field but the `_entities` ones. */
  hint: CacheHint;
  /** The `_entities` fields. */
  entities: EntitiesPolicy[];
}

interface EntitiesPolicy {
  /** The field's own hint, before the representations' and the default. */
  hint: CacheHint;
  representations: ValueNode | undefined;
  /** The policy of the selection under each entity type. */
  selections: Map<GraphQLObjectType, CacheHint>;
}

/** Apollo's default for a root field or a composite field with no maxAge. */
const DEFAULT_MAX_AGE = 0;

/** Apollo's CachePolicy.restrict: the lower maxAge; PRIVATE once any hint says PRIVATE. */
export function restrict(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) {
    policy.maxAge = hint.maxAge;
  }
  if (hint.scope !== undefined && policy.scope !== 'PRIVATE') policy.scope = hint.scope;
}

function replace(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined) policy.scope = hint.scope;
}

/** The `@cacheControl` of a list of directives, read as Apollo reads it. */
function annotationOf(
  directives: readonly ConstDirectiveNode[] | undefined,
): CacheAnnotation | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const maxAge = argument('maxAge');
  const scope = argument('scope');
  const inheritMaxAge = argument('inheritMaxAge');
  const scopeName = scope?.kind === Kind.ENUM ? scope.value : undefined;
  const hint: CacheAnnotation = {
    scope: scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined,
  };
  if (inheritMaxAge?.kind === Kind.BOOLEAN && inheritMaxAge.value) hint.inheritMaxAge = true;
  else if (maxAge?.kind === Kind.INT) hint.maxAge = parseInt(maxAge.value, 10);
  return hint;
}

/** A type's hint: on its definition, else on the first of its extensions that has one. */
function typeAnnotation(type: GraphQLCompositeType): CacheAnnotation {
  for (const node of [type.astNode, ...type.extensionASTNodes]) {
    const hint = annotationOf(node?.directives);
    if (hint) return hint;
  }
  return {};
}

/** A field's policy before the default maxAge, and whether the default applies to it. */
function fieldPolicy(
  field: GraphQLField<unknown, unknown>,
  root: boolean,
): { hint: CacheHint; takesDefault: boolean } {
  const hint: CacheHint = {};
  let inheritMaxAge = false;
  const target = getNamedType(field.type);
  const composite = isCompositeType(target);
  if (composite) {
    const annotation = typeAnnotation(target);
    replace(hint, annotation);
    inheritMaxAge = annotation.inheritMaxAge === true;
  }
  const annotation = annotationOf(field.astNode?.directives) ?? {};
  if (annotation.inheritMaxAge && hint.maxAge === undefined) {
    inheritMaxAge = true;
    if (annotation.scope) hint.scope = annotation.scope;
  } else {
    replace(hint, annotation);
  }
  return {
    hint,
    takesDefault: hint.maxAge === undefined && ((composite && !inheritMaxAge) || root),
  };
}

function withDefault(hint: CacheHint): CacheHint {
  return hint.maxAge === undefined ? { ...hint, maxAge: DEFAULT_MAX_AGE } : hint;
}

/** The static cache policy of `operation` (one of `document`'s) over `schema`. */
export function operationCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationCachePolicy {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const policy: OperationCachePolicy = { schema, hint: {}, entities: [] };
  const entitiesField = schema.getQueryType()?.getFields()._entities;
  // Each selection set is read once per parent type (and rootness) into one policy: policies
  // only restrict, so a second read adds nothing, and a fragment spread many times at many
  // levels stays linear.
  type Seen = Map<SelectionSetNode, Set<string>>;

  const matches = (typeCondition: string | undefined, parent: GraphQLObjectType): boolean => {
    if (typeCondition === undefined || typeCondition === parent.name) return true;
    const condition = schema.getType(typeCondition);
    return (
      condition !== undefined && isAbstractType(condition) && schema.isSubType(condition, parent)
    );
  };

  const visit = (
    selectionSet: SelectionSetNode,
    parent: GraphQLObjectType,
    root: boolean,
    into: CacheHint,
    seen: Seen,
  ) => {
    const key = root ? `${parent.name} root` : parent.name;
    const visited = seen.get(selectionSet) ?? new Set<string>();
    if (visited.has(key)) return;
    visited.add(key);
    seen.set(selectionSet, visited);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (matches(selection.typeCondition?.name.value, parent)) {
          visit(selection.selectionSet, parent, root, into, seen);
        }
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && matches(fragment.typeCondition.name.value, parent)) {
          visit(fragment.selectionSet, parent, root, into, seen);
        }
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const { hint, takesDefault } = fieldPolicy(field, root);
      const target = getNamedType(field.type);
      const types = isObjectType(target)
        ? [target]
        : isAbstractType(target)
          ? schema.getPossibleTypes(target)
          : [];
      if (field === entitiesField) {
        const selections = new Map<GraphQLObjectType, CacheHint>();
        for (const type of types) {
          const selected: CacheHint = {};
          if (selection.selectionSet)
            visit(selection.selectionSet, type, false, selected, new Map());
          selections.set(type, selected);
        }
        const representations = selection.arguments?.find(
          (a) => a.name.value === 'representations',
        )?.value;
        policy.entities.push({ hint, representations, selections });
        continue;
      }
      restrict(into, takesDefault ? withDefault(hint) : hint);
      if (!selection.selectionSet) continue;
      for (const type of types) visit(selection.selectionSet, type, false, into, seen);
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) visit(operation.selectionSet, root, true, policy.hint, new Map());
  return policy;
}

/**
 * The request's policy: the operation's, with each `_entities` field restricted by the hint of
 * each representation's type as @apollo/subgraph's resolver does, then given the default, and
 * the selections of those types. A `__typename` naming no object type fails the field (an
 * answer with errors is not cached anyway), or names an interface: then every type's selection
 * counts.
 */
export function requestCachePolicy(
  policy: OperationCachePolicy,
  variables: Record<string, unknown> | undefined,
): CacheHint {
  if (policy.entities.length === 0) return policy.hint;
  const hint = { ...policy.hint };
  for (const field of policy.entities) {
    const fieldHint = { ...field.hint };
    const value: unknown = field.representations
      ? valueFromASTUntyped(field.representations, variables)
      : [];
    for (const representation of Array.isArray(value) ? value : [value]) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const type = typeof typename === 'string' ? policy.schema.getType(typename) : undefined;
      if (!type || !(isObjectType(type) || isInterfaceType(type))) continue;
      restrict(fieldHint, typeAnnotation(type));
      const selected = isObjectType(type) ? field.selections.get(type) : undefined;
      if (selected) restrict(hint, selected);
      else for (const each of field.selections.values()) restrict(hint, each);
    }
    restrict(hint, withDefault(fieldHint));
  }
  return hint;
}
