import type {
  AccountConcurrency,
  EmulatorAccount,
  FaultRules,
  FaultSettings,
  LoggedRequest,
  RunningEmulator,
  SeededPerson,
} from '../../emulator/index.js';

export interface PeopleFilter {
  accountSid?: string;
  flex?: boolean;
  conversations?: boolean;
  extraChat?: boolean;
  deactivated?: boolean;
  limit?: number;
}

/** A typed client for the emulator's control API (/__emulator/). */
export interface EmulatorClient {
  url: string;
  accounts: EmulatorAccount[];
  requests(): Promise<LoggedRequest[]>;
  /** The log as "METHOD /path?query" lines, percent-decoded for reading, in arrival order. */
  requestLines(): Promise<string[]>;
  /** Empties the log and restarts the concurrency peaks from what is in flight now. */
  clearRequests(): Promise<void>;
  /** One settings object for every request, or `{ rules }` of which the first matching applies. */
  setFaults(faults: FaultSettings | FaultRules): Promise<void>;
  /** Every seeded account's requests in flight now and the most at once since clearRequests(). */
  concurrency(): Promise<Record<string, AccountConcurrency>>;
  reset(): Promise<void>;
  people(filter?: PeopleFilter): Promise<SeededPerson[]>;
  /** The first person matching the filter; fails the test when there is none. */
  person(filter?: PeopleFilter): Promise<SeededPerson>;
}

async function control<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__emulator/${path}: HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function requestLine(request: LoggedRequest): string {
  const query = [...new URLSearchParams(request.query)].map(([k, v]) => `${k}=${v}`).join('&');
  return `${request.method} ${decodeURIComponent(request.path)}${query ? `?${query}` : ''}`;
}

export function createEmulatorClient(emulator: RunningEmulator): EmulatorClient {
  const base = emulator.url;
  const requests = async () =>
    (await control<{ requests: LoggedRequest[] }>(base, 'GET', 'requests')).requests;
  const people = async (filter: PeopleFilter = {}) => {
    const query = new URLSearchParams(
      Object.entries(filter).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return (await control<{ people: SeededPerson[] }>(base, 'GET', `people?${query}`)).people;
  };
  return {
    url: base,
    accounts: emulator.accounts,
    requests,
    requestLines: async () => (await requests()).map(requestLine),
    clearRequests: () => control(base, 'DELETE', 'requests'),
    setFaults: async (faults) => {
      await control(base, 'PUT', 'faults', faults);
    },
    concurrency: async () =>
      (await control<{ accounts: Record<string, AccountConcurrency> }>(base, 'GET', 'concurrency'))
        .accounts,
    reset: () => control(base, 'POST', 'reset'),
    people,
    person: async (filter = {}) => {
      const [first] = await people({ ...filter, limit: 1 });
      if (!first) throw new Error(`The seed has no person matching ${JSON.stringify(filter)}`);
      return first;
    },
  };
}
