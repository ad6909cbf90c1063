import fc from 'fast-check';

/** Pieces that broke out of a path segment before, or that a normalising hop would act on. */
export const HOSTILE_PIECES = [
  '.',
  '..',
  '/',
  '?',
  '#',
  '&',
  '=',
  '+',
  '%',
  '%2E',
  '%2e%2e',
  '%2F',
  ' ',
  '\u0000',
  '\r\n',
  '\uD800',
  '\uDFFF',
  '\uD83D\uDE00',
  '../../v1/Instances/GO00000000000000000000000000000000/Users?PageSize=1&',
  `IS${'a'.repeat(32)}?x=`,
  `US${'b'.repeat(32)}`,
];

/** Any string at all: random code units (lone surrogates included) mixed with hostile pieces. */
export const anyText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE_PIECES)), {
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

/** Strings that are almost a SID of the prefix: a real-looking one, the prefix then anything, or anything. */
export const sidLike = (prefix: string) =>
  fc.oneof(
    fc.stringMatching(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`)),
    anyText.map((text) => `${prefix}${text}`),
    anyText,
  );

const encodeId = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

/**
 * A global id as the gateway encodes them (base64url of a JSON array) with forged contents: half
 * of them anything at all, half shaped like a real id of some type with almost-right keys.
 */
export const forgedGlobalId = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('User', 'FlexUser', 'ConversationsUser', 'ChatUser', '__proto__', 'Worker'),
      fc.array(
        fc.oneof(
          sidLike('GO'),
          sidLike('FU'),
          sidLike('US'),
          sidLike('IS'),
          sidLike('WS'),
          sidLike('WK'),
          anyText,
        ),
        { maxLength: 3 },
      ),
    )
    .map(([type, keys]) => encodeId([type, ...keys])),
  fc.oneof(
    anyText.map((identity) => encodeId(['User', identity])),
    sidLike('US').map((sid) => encodeId(['ConversationsUser', sid])),
    fc.tuple(sidLike('GO'), sidLike('FU')).map((keys) => encodeId(['FlexUser', ...keys])),
    fc.tuple(sidLike('IS'), sidLike('US')).map((keys) => encodeId(['ChatUser', ...keys])),
    fc.tuple(sidLike('WS'), sidLike('WK')).map((keys) => encodeId(['Worker', ...keys])),
  ),
);

/** A connection cursor as the gateway encodes them ([PageToken, skip]), with a forged token. */
export const forgedCursor = fc
  .tuple(fc.oneof(anyText, fc.constant(null)), fc.integer({ min: 0, max: 3 }))
  .map((position) => Buffer.from(JSON.stringify(position)).toString('base64url'));
