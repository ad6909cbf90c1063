/**
 * The identity forms Flex uses. Flex derives a person's client identity from their email by
 * escaping it: Twilio's support article "How Twilio Flex Uses the TaskRouter Worker contact_uri"
 * shows `client:ann_2Eveal_40arresteddevelopment_2Ecom` for `ann.veal@arresteddevelopment.com`,
 * and community scripts that look up an agent's chat identity escape `.` and `@` the same way.
 *
 * The rule, as this gateway applies it: ASCII letters, digits and `_` stay; every other byte of
 * the identity's UTF-8 form becomes `_` and the byte in two upper-case hex digits. Only `.` → `_2E`
 * and `@` → `_40` are attested by those sources; `-` (`_2D`), `+` (`_2B`) and non-ASCII bytes
 * follow by inference. `_` is left alone: nothing attests `_5F`, a client identity may hold `_`
 * as it is, and since every join by identity doubles when the escaped form differs, escaping `_`
 * would cost `agent_jsmith` a second lookup (`agent_5Fjsmith`) on every join for a form that
 * practically never exists. The price is that the form is not always reversible: an identity
 * that itself holds `_2E` reads as escaped. Both forms are asked for anyway, the exact one wins,
 * and `identityForm` says which matched, so a misreading costs one lookup and never a wrong match.
 */
export type IdentityForm = 'EXACT' | 'FLEX_ESCAPED' | 'FLEX_UNESCAPED' | 'LINKED';

/** The characters flexEscape leaves as they are, and the only ones it produces besides escapes. */
const KEPT = /^[A-Za-z0-9_]$/;
const ESCAPE_FORM = /^[A-Za-z0-9_]*$/;
const HEX_PAIR = /^[0-9A-F]{2}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The identity in Flex's escaped form (`ann.veal@x.com` → `ann_2Eveal_40x_2Ecom`). */
export function flexEscape(identity: string): string {
  let escaped = '';
  for (const byte of Buffer.from(identity, 'utf8')) {
    const char = String.fromCharCode(byte);
    escaped += KEPT.test(char) ? char : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/**
 * The identity an escaped form stands for, or null when `identity` is not one flexEscape could
 * have produced with at least one escape (a character it escapes, no escape, lower-case hex,
 * bytes that are not UTF-8). An `_` that does not start an escape flexEscape writes (`_js`,
 * `_5F`, `_41`) is a literal `_`, as flexEscape leaves it, so flexEscape of the answer is
 * `identity` again.
 */
export function flexUnescape(identity: string): string | null {
  if (!ESCAPE_FORM.test(identity)) return null;
  const bytes: number[] = [];
  let escapes = 0;
  for (let i = 0; i < identity.length; i++) {
    const hex = identity.slice(i + 1, i + 3);
    const byte = parseInt(hex, 16);
    if (identity[i] === '_' && HEX_PAIR.test(hex) && !KEPT.test(String.fromCharCode(byte))) {
      bytes.push(byte);
      escapes++;
      i += 2;
    } else {
      bytes.push(identity.charCodeAt(i));
    }
  }
  if (escapes === 0) return null;
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
