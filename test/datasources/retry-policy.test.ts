import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelay } from '../../datasources/retry-policy.js';

const rule = { retries: 2, maxRetryAfterSeconds: 5 };

describe('retry policy', () => {
  it.each([
    ['1', 1],
    ['0', 0],
    ['2.5', 2.5],
    ['-3', 0],
    ['Tue, 01 Dec 2026 10:00:30 GMT', 30],
    ['Tue, 01 Dec 2026 09:59:00 GMT', 0],
    ['soon', null],
    ['', null],
  ])('reads Retry-After %j as %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse('2026-12-01T10:00:00Z'))).toBe(seconds);
  });

  it.each([
    [429, null, true],
    [503, null, true],
    [413, null, false],
    [413, 1, true],
    [400, null, false],
    [404, null, false],
    [501, null, false],
  ])('status %i with Retry-After %j is retryable: %j', (status, retryAfter, expected) => {
    expect(isRetryableStatus(status, retryAfter)).toBe(expected);
  });

  it('waits what Twilio asks, refuses a longer wait, and backs off otherwise', () => {
    const random = () => 0.5;
    expect(retryDelay(rule, { retryable: true, retryAfterSeconds: 2 }, 0, random)).toBe(2000);
    expect(retryDelay(rule, { retryable: true, retryAfterSeconds: 6 }, 0, random)).toBeNull();
    expect(retryDelay(rule, { retryable: true, retryAfterSeconds: null }, 0, random)).toBe(75);
    expect(retryDelay(rule, { retryable: true, retryAfterSeconds: null }, 1, random)).toBe(125);
    expect(retryDelay(rule, { retryable: true, retryAfterSeconds: null }, 2, random)).toBeNull();
    expect(retryDelay(rule, { retryable: false, retryAfterSeconds: null }, 0, random)).toBeNull();
  });
});
