import type { Resolvers } from '../generated/resolvers-types.js';
import { ChatUser } from './ChatUser.js';
import { Conversation } from './Conversation.js';
import { ChatUserBinding } from './ChatUserBinding.js';
import { ChatUserChannel } from './ChatUserChannel.js';
import { ConversationsUser } from './ConversationsUser.js';
import { DeprovisionFlexUserPayload } from './DeprovisionFlexUserPayload.js';
import { FlexUser } from './FlexUser.js';
import { Mutation } from './Mutation.js';
import { Node } from './Node.js';
import { Query } from './Query.js';
import { ReconciliationJob } from './ReconciliationJob.js';
import { scalars } from './scalars.js';
import { User } from './User.js';
import { UserConversation } from './UserConversation.js';

import { Worker } from './Worker.js';

export const resolvers: Resolvers = {
  ChatUser,
  ChatUserBinding,
  ChatUserChannel,
  Conversation,
  ConversationsUser,
  DeprovisionFlexUserPayload,
  FlexUser,
  Mutation,
  Node,
  Query,
  ReconciliationJob,
  User,
  UserConversation,
  Worker,
  ...scalars,
};
