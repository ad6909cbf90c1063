// GraphQL Code Generator's client preset over the gateway's schema: the operations in
// operations.ts become typed documents in generated/. Run from the repository root (the paths
// below are relative to it): `graphql-codegen --config examples/typed-client/codegen.ts`.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Every custom scalar reaches the client as JSON text or a JSON value. */
const scalars = {
  DateTime: 'string',
  JSON: 'unknown',
  AccountSid: 'string',
  FlexInstanceSid: 'string',
  FlexUserSid: 'string',
  UserSid: 'string',
  PersonSid: 'string',
  ChatServiceSid: 'string',
  RoleSid: 'string',
  WorkerSid: 'string',
  WorkspaceSid: 'string',
  FlexTeamSid: 'string',
  ConversationSid: 'string',
  ParticipantSid: 'string',
  ActivitySid: 'string',
  ChatChannelSid: 'string',
  // Federation's own (schema/federation.graphql); no operation uses them.
  FieldSet: 'string',
  link__Import: 'string',
};

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['examples/typed-client/operations.ts'],
  // The repository compiles as NodeNext: relative imports in generated code need their `.js`.
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/typed-client/generated/': {
      preset: 'client',
      // The operations use no fragments; masking would only add a file.
      presetConfig: { fragmentMasking: false },
      config: {
        scalars,
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        // Only the types the operations use, not the whole schema.
        onlyOperationTypes: true,
        // A selected field is always in the result (maybe null), so it is not optional.
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};

// graphql-codegen reads the config from the default export.
export default config;
