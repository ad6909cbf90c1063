import type { NodeResolvers } from '../generated/resolvers-types.js';

/** Each parent model has a key no other has, so the type follows from the object itself. */
export const Node: NodeResolvers = {
  __resolveType: (parent) => {
    if ('kind' in parent) return parent.kind;
    if ('flex_user_sid' in parent) return 'FlexUser';
    // Flex users have a workspace_sid too, hence after them.
    if ('workspace_sid' in parent) return 'Worker';
    if ('service_sid' in parent) return 'ChatUser';
    if ('sid' in parent) return 'ConversationsUser';
    return 'User';
  },
};
