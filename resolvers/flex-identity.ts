/**
 * The identity forms Flex uses. Flex derives a person's client identity from their email by
 * escaping it: Twilio's support article "How Twilio Flex Uses the TaskRouter Worker contact_uri"
 * shows `client:ann_2Eveal_40arresteddevelopment_2Ecom` for `ann.veal@arresteddevelopment.com`,
 * and community scripts that look up an agent's chat identity escape `.` and `@` the same way.
 *
 * The rule, as this gateway applies it: every ASCII letter and digit stays; every other byte of
 * the identity's UTF-8 form becomes `_` and the byte in two upper-case hex digits. Only `.` → `_2E`
 * and `@` → `_40` are attested by those sources. `_` itself (`_5F`), `-` (`_2D`), `+` (`_2B`) and
 * non-ASCII bytes follow by inference: escaping `_` is what makes the form reversible (otherwise
 * `a_2Eb` could be `a.b` or itself), which the `_XX` scheme needs to mean anything.
 */
export type IdentityForm = 'EXACT' | 'FLEX_ESCAPED' | 'FLEX_UNESCAPED' | 'LINKED';

const ALPHANUMERIC = /^[A-Za-z0-9]$/;
/** What flexEscape produces: letters, digits and `_XX` escapes, at least one escape. */
const ESCAPED = /^(?:[A-Za-z0-9]|_[0-9A-F]{2})*_[0-9A-F]{2}(?:[A-Za-z0-9]|_[0-9A-F]{2})*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The identity in Flex's escaped form (`ann.veal@x.com` → `ann_2Eveal_40x_2Ecom`). */
export function flexEscape(identity: string): string {
  let escaped = '';
  for (const byte of Buffer.from(identity, 'utf8')) {
    const char = String.fromCharCode(byte);
    escaped += ALPHANUMERIC.test(char)
      ? char
      : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/**
 * The identity an escaped form stands for, or null when `identity` is not one flexEscape could
 * have produced (no escape, a stray `_`, lower-case hex, bytes that are not UTF-8).
 */
export function flexUnescape(identity: string): string | null {
  if (!ESCAPED.test(identity)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < identity.length; i++) {
    if (identity[i] === '_') {
      bytes.push(parseInt(identity.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(identity.charCodeAt(i));
    }
  }
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/**
 * The other form to try for an identity, or null when there is none: the unescaped one for an
 * identity that is already in Flex's escaped form, else the escaped one when it differs.
 */
export function alternateIdentity(identity: string): string | null {
  const unescaped = flexUnescape(identity);
  if (unescaped !== null) return unescaped;
  const escaped = flexEscape(identity);
  return escaped === identity ? null : escaped;
}

/**
 * How a product's identity relates to the person's: the same, one of Flex's two forms of it, or
 * neither (a record joined by SID, such as a Flex user's `user_sid`, whose identity differs).
 */
export function identityForm(personIdentity: string, recordIdentity: string): IdentityForm {
  if (recordIdentity === personIdentity) return 'EXACT';
  if (recordIdentity === flexEscape(personIdentity)) return 'FLEX_ESCAPED';
  if (recordIdentity === flexUnescape(personIdentity)) return 'FLEX_UNESCAPED';
  return 'LINKED';
}
