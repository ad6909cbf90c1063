import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidUpstreamInput } from '../../datasources/errors.js';
import { paths, textProblem } from '../../datasources/paths.js';
import { isSid } from '../../datasources/sids.js';
import { anyText, sidLike } from '../helpers/hostile.js';

const RUNS = 4000;
let cases = 0;
afterAll(() => console.log(`paths: ${cases} generated values tried`));

/** What a segment may contain once built: unreserved characters and percent escapes, never `.`. */
const SAFE_SEGMENT = /^(?:[A-Za-z0-9\-_~!*'()]|%[0-9A-F]{2})+$/;

/** Builds, or expects the refusal to be InvalidUpstreamInput; returns the target or null. */
function build(make: () => string): string | null {
  cases += 1;
  try {
    return make();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidUpstreamInput);
    return null;
  }
}

describe('upstream targets', () => {
  it('puts any identity into exactly one safe segment that decodes to it, or refuses it', () => {
    fc.assert(
      fc.property(anyText, (identity) => {
        const target = build(() => paths.conversations.fetchUser({ identity }));
        if (target === null) {
          expect(textProblem(identity)).not.toBeNull();
          return;
        }
        const segments = target.split('/');
        expect(segments.slice(0, 2)).toEqual(['v1', 'Users']);
        expect(segments).toHaveLength(3);
        expect(segments[2]).toMatch(SAFE_SEGMENT);
        expect(decodeURIComponent(segments[2]!)).toBe(identity);
      }),
      { numRuns: RUNS },
    );
  });

  it('puts any username into the one query parameter Twilio reads, or refuses it', () => {
    const instance = `GO${'0'.repeat(32)}`;
    fc.assert(
      fc.property(anyText, (username) => {
        const target = build(() => paths.flex.fetchFlexUserByUsername(instance, username));
        if (target === null) {
          expect(textProblem(username)).not.toBeNull();
          return;
        }
        const [path, query, ...rest] = target.split('?');
        expect(rest).toEqual([]);
        expect(path).toBe(`v4/Instances/${instance}/Users`);
        const params = [...new URLSearchParams(query)];
        expect(params).toEqual([['Username', username]]);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts a chat service and user SID only when they match their patterns', () => {
    fc.assert(
      fc.property(sidLike('IS'), sidLike('US'), (serviceSid, sid) => {
        const target = build(() => paths.chat.fetchUser(serviceSid, { sid }));
        const valid = isSid('chatService', serviceSid) && isSid('user', sid);
        expect(target).toBe(valid ? `v2/Services/${serviceSid}/Users/${sid}` : null);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts a Flex instance and Flex user SID only when they match their patterns', () => {
    fc.assert(
      fc.property(sidLike('GO'), sidLike('FU'), (instanceSid, sid) => {
        const target = build(() => paths.flex.fetchFlexUser(instanceSid, sid));
        const valid = isSid('flexInstance', instanceSid) && isSid('flexUser', sid);
        expect(target).toBe(valid ? `v2/Instances/${instanceSid}/Users/${sid}` : null);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['', 'identity must not be empty'],
    ['.', 'identity must not be only dots'],
    ['..', 'identity must not be only dots'],
    ['a\uD800', 'identity must be valid Unicode (it has a lone surrogate)'],
  ])('refuses the identity %j with BAD_USER_INPUT', (identity, message) => {
    expect(() => paths.chat.updateUser(`IS${'a'.repeat(32)}`, { identity })).toThrow(message);
    try {
      paths.chat.updateUser(`IS${'a'.repeat(32)}`, { identity });
    } catch (error) {
      expect((error as InvalidUpstreamInput).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('encodes dots inside an identity so no segment is a path step', () => {
    expect(paths.conversations.fetchUser({ identity: 'a.b@c.example' })).toBe(
      'v1/Users/a%2Eb%40c%2Eexample',
    );
  });
});
