import type { FaultSettings } from '../../emulator/index.js';

/** Every fault setting at its documented default, written out so a changed default fails a test. */
export const DEFAULT_FAULTS: Required<FaultSettings> = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatus: 500,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  timeoutRate: 0,
  path: null,
  accountSid: null,
  maxConcurrency: null,
  times: null,
};

/** PUT /__emulator/faults with any body, answering status and body (400s included). */
export async function putFaults(
  baseUrl: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function getFaults(baseUrl: string): Promise<unknown> {
  return (await fetch(`${baseUrl}/__emulator/faults`)).json();
}
