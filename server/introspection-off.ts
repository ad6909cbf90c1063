import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses `__schema` and `__type` as Apollo's own rule does (same `validationErrorCode`), with a
 * message that names this gateway's setting instead of Apollo's constructor option.
 */
export const introspectionOff: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    context.reportError(
      new GraphQLError(
        'Introspection is off on this gateway (the default when NODE_ENV=production): set GRAPHQL_INTROSPECTION=true to turn it on',
        { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' } },
      ),
    );
  },
});
