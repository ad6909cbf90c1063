import type { DeprovisionFlexUserPayloadResolvers } from '../generated/resolvers-types.js';

export const DeprovisionFlexUserPayload: DeprovisionFlexUserPayloadResolvers = {
  userErrors: (result) => result.userErrors,
  // Twilio answers 204 with no body: the deactivated record is read (v4) only if asked for.
  flexUser: (result, _args, { loaders }) =>
    result.flexUserKey ? loaders.flexUserV4.load(result.flexUserKey) : null,
};
