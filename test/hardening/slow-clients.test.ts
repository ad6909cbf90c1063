import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/** What a dribbling client saw: everything the server wrote, and how much it had left to send. */
interface Outcome {
  response: string;
  unsentBytes: number;
}

/**
 * Opens a raw connection, writes `head` at once, then one byte of `rest` every `everyMs` until the
 * server closes the connection or `rest` is all sent. A server that never cuts it off makes the
 * test run out of time rather than pass.
 */
function dribble(url: string, head: string, rest: string, everyMs: number): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let response = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent >= rest.length) return;
        socket.write(rest[sent]!);
        sent += 1;
      }, everyMs);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (response += chunk));
    // The server may reset the connection right after its answer; what it wrote is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ response, unsentBytes: rest.length - sent });
    });
  });
}

describe('slow clients', () => {
  let stack: Stack;

  beforeAll(async () => {
    // Low enough that a test sees the cut; HTTP_HEADERS_TIMEOUT_MS follows it down.
    stack = await startStack({ seedUsers: 20, env: { HTTP_REQUEST_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => stack.close());

  it('cuts off a client that sends its body one byte at a time, with 408 in GraphQL shape', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200) } });
    const { host } = new URL(stack.url);
    const head = [
      'POST /graphql HTTP/1.1',
      `Host: ${host}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      '',
    ].join('\r\n');
    const outcome = await dribble(stack.url, head, body, 300);

    expect(outcome.unsentBytes).toBeGreaterThan(0);
    const [statusAndHeaders = '', json = ''] = outcome.response.split('\r\n\r\n');
    expect(statusAndHeaders.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(JSON.parse(json)).toEqual({
      errors: [
        {
          message: 'The request was not received in time',
          extensions: { code: 'REQUEST_TIMEOUT' },
        },
      ],
    });
  });

  it('cuts off a client that sends its headers one byte at a time', async () => {
    const { host } = new URL(stack.url);
    const headers = `GET /health HTTP/1.1\r\nHost: ${host}\r\nX-Slow: ${'y'.repeat(200)}\r\n\r\n`;
    const outcome = await dribble(stack.url, '', headers, 300);

    expect(outcome.unsentBytes).toBeGreaterThan(0);
    expect(outcome.response).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('still answers a client that sends its request in time', async () => {
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
  });
});
