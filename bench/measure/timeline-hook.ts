/**
 * Per-request timeline of a gateway process, from Node's and undici's diagnostics channels (no
 * change to the gateway's code): when a request arrived, when each upstream call was created,
 * written to its socket, answered (headers) and finished (body), and when the response left.
 * Loaded by ab-host.ts; with TIMELINE_FILE set, one JSON line per request is appended there.
 * Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now()).
 */
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface TimelineCall {
  path: string;
  create: number;
  sent?: number;
  headers?: number;
  done?: number;
}

export interface TimelineEntry {
  in: number;
  out?: number;
  calls: TimelineCall[];
  /** New upstream connections opened while the request was in flight. */
  connects?: number;
}

interface Message {
  request: IncomingMessage & { path: string };
  response: ServerResponse;
}

const file = process.env.TIMELINE_FILE;
const now = () => performance.timeOrigin + performance.now();

/** The requests in flight, by their response. The latency runs send one at a time. */
const open = new Map<ServerResponse, TimelineEntry>();
/** undici's request object → its call record. */
const calls = new WeakMap<object, TimelineCall>();

const on = (channel: string, listener: (message: Message) => void) =>
  subscribe(channel, (message) => listener(message as Message));

/** The call record of an undici request, stamped with `field`. */
const stamp = (field: 'sent' | 'headers' | 'done') => (message: Message) => {
  const call = calls.get(message.request);
  if (call) call[field] = now();
};

if (file) {
  on('http.server.request.start', ({ request, response }) => {
    if (request.url === '/health' || request.url?.startsWith('/metrics')) return;
    open.set(response, { in: now(), calls: [] });
  });
  on('http.server.response.finish', ({ response }) => {
    const entry = open.get(response);
    if (!entry) return;
    open.delete(response);
    entry.out = now();
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  });
  on('undici:request:create', ({ request }) => {
    const call = { path: request.path, create: now() };
    calls.set(request, call);
    // One request in flight at a time: the call is its.
    for (const entry of open.values()) entry.calls.push(call);
  });
  on('undici:client:connected', () => {
    for (const entry of open.values()) entry.connects = (entry.connects ?? 0) + 1;
  });
  on('undici:client:sendHeaders', stamp('sent'));
  on('undici:request:headers', stamp('headers'));
  on('undici:request:trailers', stamp('done'));
}

/**
 * With MEMORY_FILE set: process.memoryUsage() sampled every 100 ms, the largest value of each
 * field (MiB) written there once a second, so the driver can say what a peak RSS is made of.
 */
const memoryFile = process.env.MEMORY_FILE;
if (memoryFile) {
  const peak: Record<string, number> = {};
  setInterval(() => {
    for (const [key, value] of Object.entries(process.memoryUsage())) {
      peak[key] = Math.max(peak[key] ?? 0, Math.round(value / 2 ** 20));
    }
  }, 100).unref();
  setInterval(() => writeFileSync(memoryFile, JSON.stringify(peak)), 1000).unref();
}
