import { request } from 'undici';

export interface Reachability {
  ready: boolean;
  upstreams: Record<'flex' | 'conversations' | 'chat', 'up' | 'down'>;
}

/**
 * Whether each Twilio host answers HTTP at all (any status counts: reachability, not credentials).
 * No credentials are sent: a probe must not spend a tenant's rate limit or leak a token.
 */
export async function checkReachability(
  baseUrls: Record<'flex' | 'conversations' | 'chat', string>,
  timeoutMs = 2000,
): Promise<Reachability> {
  const probe = async (url: string) => {
    try {
      const response = await request(url, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body.dump();
      return 'up' as const;
    } catch {
      return 'down' as const;
    }
  };
  const [flex, conversations, chat] = await Promise.all([
    probe(baseUrls.flex),
    probe(baseUrls.conversations),
    probe(baseUrls.chat),
  ]);
  const upstreams = { flex, conversations, chat };
  return { ready: Object.values(upstreams).every((state) => state === 'up'), upstreams };
}
