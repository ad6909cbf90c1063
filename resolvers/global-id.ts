/** The object kinds a global id can name, with the Twilio keys that find each again. */
export type GlobalIdTarget =
  | { type: 'User'; identity: string }
  | { type: 'FlexUser'; instanceSid: string; sid: string }
  | { type: 'ConversationsUser'; sid: string }
  | { type: 'ChatUser'; serviceSid: string; sid: string };

/** Opaque by contract (clients must not decode it): base64url of the type and its keys. */
export function toGlobalId(target: GlobalIdTarget): string {
  const { type, ...keys } = target;
  return Buffer.from(JSON.stringify([type, ...Object.values(keys)]), 'utf8').toString('base64url');
}

/** The target of an id, or null when the id is not one this gateway made. */
export function fromGlobalId(id: string): GlobalIdTarget | null {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return null;
  const [type, a, b] = parts;
  switch (`${type}/${parts.length - 1}`) {
    case 'User/1':
      return a ? { type: 'User', identity: a } : null;
    case 'ConversationsUser/1':
      return a ? { type: 'ConversationsUser', sid: a } : null;
    case 'FlexUser/2':
      return a && b ? { type: 'FlexUser', instanceSid: a, sid: b } : null;
    case 'ChatUser/2':
      return a && b ? { type: 'ChatUser', serviceSid: a, sid: b } : null;
    default:
      return null;
  }
}
