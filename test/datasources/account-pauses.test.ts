import { describe, expect, it } from 'vitest';
import { AccountPauses, MAX_PAUSE_MS } from '../../datasources/account-pauses.js';

describe('AccountPauses', () => {
  it('pauses one account until the time asked, and no other', () => {
    const pauses = new AccountPauses();
    expect(pauses.pause('AC1', 2000, 1000)).toBe(true);
    expect(pauses.remaining('AC1', 1500)).toBe(1500);
    expect(pauses.remaining('AC2', 1500)).toBe(0);
    expect(pauses.remaining('AC1', 3000)).toBe(0);
  });

  it('never cuts a longer pause short, and caps one Retry-After', () => {
    const pauses = new AccountPauses();
    pauses.pause('AC1', 5000, 0);
    expect(pauses.pause('AC1', 1000, 0)).toBe(false);
    expect(pauses.remaining('AC1', 2000)).toBe(3000);
    pauses.pause('AC2', 24 * 3600_000, 0);
    expect(pauses.remaining('AC2', 0)).toBe(MAX_PAUSE_MS);
  });
});
