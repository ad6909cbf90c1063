import type { Context } from './context.js';
import { alternateIdentity } from './flex-identity.js';

/**
 * A record looked up by a person's identity: the exact form, and with Flex identity escapes on,
 * the other Flex form too. Both loads start before anything is awaited, so the loader sends them
 * in the same wave. The exact form wins when both exist; its failure is the answer's failure
 * even when the other form was found, since the exact record may be the one that exists.
 */
export async function loadByIdentity<R>(
  ctx: Context,
  identity: string,
  load: (identity: string) => Promise<R | null>,
): Promise<R | null> {
  const other = ctx.defaults.flexIdentityEscapes ? alternateIdentity(identity) : null;
  if (other === null) return load(identity);
  // Settled together: a rejection of the one not awaited first would be unhandled.
  const [exact, alternate] = await Promise.allSettled([load(identity), load(other)]);
  if (exact.status === 'rejected') throw exact.reason as Error;
  if (exact.value !== null) return exact.value;
  if (alternate.status === 'rejected') throw alternate.reason as Error;
  return alternate.value;
}
