import { describe, expect, it } from 'vitest';
import { FairLimiter, type Release } from '../../datasources/fair-limiter.js';
import { RequestEnd } from '../../datasources/request-end.js';

/** Lets queued grants run (they are promise continuations). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FairLimiter', () => {
  it('never lets one key hold more than its cap, nor all keys more than the total', async () => {
    const limiter = new FairLimiter(2, 3);
    const granted: string[] = [];
    const releases: Release[] = [];
    for (const key of ['a', 'a', 'a', 'b', 'b', 'c']) {
      void limiter.acquire(key).then((release) => {
        granted.push(key);
        releases.push(release);
      });
    }
    await settle();
    expect(granted).toEqual(['a', 'a', 'b']);
    expect([limiter.held('a'), limiter.held('b'), limiter.held('c')]).toEqual([2, 1, 0]);
  });

  it('gives a freed slot to the waiting key that holds the fewest', async () => {
    const limiter = new FairLimiter(10, 4);
    const order: string[] = [];
    const held: Release[] = [];
    // Key a takes every slot and queues 20 more; b and c arrive later with two calls each.
    const take = (key: string) =>
      void limiter.acquire(key).then((release) => {
        order.push(key);
        held.push(release);
      });
    for (let i = 0; i < 24; i += 1) take('a');
    await settle();
    take('b');
    take('b');
    take('c');
    take('c');
    await settle();
    expect(order).toEqual(['a', 'a', 'a', 'a']);
    // Free one slot at a time, as calls finish.
    for (let i = 0; i < 4; i += 1) {
      held.shift()?.();
      await settle();
    }
    // b and c (holding none) were served before a's queue went on; then nobody holds two more
    // than another while all three wait.
    expect(order.slice(4, 6).sort()).toEqual(['b', 'c']);
    const holdings = ['a', 'b', 'c'].map((key) => limiter.held(key));
    expect(Math.max(...holdings) - Math.min(...holdings)).toBeLessThanOrEqual(1);
  });

  // A request's end (RequestEnd) and a job's AbortController both stop a waiter.
  const ends = {
    AbortController: () => {
      const controller = new AbortController();
      return { signal: controller.signal, end: (reason: Error) => controller.abort(reason) };
    },
    RequestEnd: () => {
      const end = new RequestEnd();
      return { signal: end, end: (reason: Error) => end.end(reason) };
    },
  };

  it.each(Object.keys(ends) as (keyof typeof ends)[])(
    'drops a waiter whose %s ends or whose wait times out, and serves the next',
    async (kind) => {
      const limiter = new FairLimiter(1, 1);
      const first = await limiter.acquire('a');
      const abort = ends[kind]();
      const aborted = limiter.acquire('a', abort.signal);
      const timedOut = limiter.acquire('a', undefined, 10);
      const third = limiter.acquire('a');
      abort.end(new Error('request ended'));
      await expect(aborted).rejects.toThrow('request ended');
      await expect(timedOut).rejects.toThrow(/timed out/);
      first();
      first(); // a second release is harmless
      const release = await third;
      expect(limiter.held('a')).toBe(1);
      release();
      expect(limiter.held('a')).toBe(0);
      // An ended signal refuses at once, and a listener added after the end never runs.
      await expect(limiter.acquire('a', abort.signal)).rejects.toThrow('aborted');
      expect(limiter.held('a')).toBe(0);
    },
  );

  it("runs each of a RequestEnd's listeners once, as an AbortSignal does, not those removed before their turn", () => {
    const end = new RequestEnd();
    const ran: string[] = [];
    const second = () => ran.push('second');
    end.addEventListener('abort', () => {
      ran.push('first');
      end.removeEventListener('abort', second);
    });
    end.addEventListener('abort', second);
    const removed = () => ran.push('removed');
    end.addEventListener('abort', removed);
    end.removeEventListener('abort', removed);
    end.end('the request ended');
    end.end('again');
    end.addEventListener('abort', () => ran.push('late'));
    expect(ran).toEqual(['first']);
    expect([end.aborted, end.reason]).toEqual([true, 'the request ended']);
  });

  it('holds a key to a lowered cap from its next grant on, and grants up to a raised one at once', async () => {
    const limiter = new FairLimiter(4, 10);
    const releases: Release[] = [];
    for (let i = 0; i < 6; i += 1) void limiter.acquire('a').then((r) => releases.push(r));
    await settle();
    expect(limiter.held('a')).toBe(4);
    // The local share while Redis fails: what is held stays held, nothing new above 2.
    limiter.setPerKey(2);
    releases.shift()!();
    releases.shift()!();
    await settle();
    expect(limiter.held('a')).toBe(2);
    releases.shift()!();
    await settle();
    expect(limiter.held('a')).toBe(2);
    // Redis back: the waiting call gets its slot without waiting for a release.
    limiter.setPerKey(4);
    await settle();
    expect(limiter.held('a')).toBe(3);
    expect(releases).toHaveLength(3);
  });
});
