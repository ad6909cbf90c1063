import { describe, expect, it } from 'vitest';
import { Breaker, type Outcome } from '../../datasources/breaker.js';

function breakerAt() {
  let now = 1_000_000;
  const breaker = new Breaker({ now: () => now });
  const call = (outcome: Outcome) => {
    const admission = breaker.admit();
    if (admission === null) return 'refused';
    admission.settle(outcome);
    return 'sent';
  };
  return { breaker, call, advance: (ms: number) => (now += ms) };
}

describe('Breaker', () => {
  it('opens when half of at least ten calls in the window failed', () => {
    const { breaker, call } = breakerAt();
    for (let i = 0; i < 5; i += 1) call('success');
    for (let i = 0; i < 4; i += 1) call('failure');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('open');
    expect(call('success')).toBe('refused');
  });

  it('is not moved by calls that say nothing about the host', () => {
    const { breaker, call } = breakerAt();
    for (let i = 0; i < 100; i += 1) call('ignore');
    for (let i = 0; i < 9; i += 1) call('failure');
    // Nine failures are under the volume threshold: the ignored calls were not counted at all.
    expect(breaker.state).toBe('closed');
  });

  it('forgets failures older than the window', () => {
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 9; i += 1) call('failure');
    advance(11_000);
    call('failure');
    expect(breaker.state).toBe('closed');
  });

  it('lets one probe through after the reset time; an ignored probe leaves it half open', () => {
    const { breaker, call, advance } = breakerAt();
    for (let i = 0; i < 10; i += 1) call('failure');
    advance(5_000);
    expect(breaker.state).toBe('halfOpen');
    const probe = breaker.admit();
    expect(probe).not.toBeNull();
    expect(breaker.admit()).toBeNull(); // one probe at a time
    probe?.settle('ignore');
    expect(breaker.state).toBe('halfOpen');
    expect(call('failure')).toBe('sent');
    expect(breaker.state).toBe('open');
    advance(5_000);
    expect(call('success')).toBe('sent');
    expect(breaker.state).toBe('closed');
  });
});
