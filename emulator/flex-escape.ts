/**
 * Flex's escape (TWILIO.md, "Identity forms Flex uses"): the emulator's own copy of the gateway's
 * rule (docs/twilio-differences.md), so the emulator checks the gateway rather than repeating it.
 * Letters, digits and `_` stay; every other UTF-8 byte becomes `_XX` (`.` → `_2E`, `@` → `_40`).
 */
export function flexEscape(identity: string): string {
  return [...Buffer.from(identity, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
