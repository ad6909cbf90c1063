import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededPerson } from '../../emulator/index.js';
import { loadConfig } from '../../server/config.js';
import { createTracing, NO_TRACING } from '../../server/tracing.js';
import { expectData } from '../helpers/graphql.js';
import { LogLines } from '../helpers/log-lines.js';
import {
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '../helpers/otlp-receiver.js';
import { startStack, type Stack } from '../helpers/stack.js';

const PROFILE = /* GraphQL */ `
  query Profile($i: String!) {
    user(identity: $i) {
      flexUser {
        email
      }
      conversationsUser {
        sid
      }
      chatUsers {
        sid
      }
    }
  }
`;
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const SERVER = 2;
const CLIENT = 3;

/** Sends the profile query as a traced caller would, and closes the stack so its spans flush. */
async function profileThenClose(
  stack: Stack,
  person: SeededPerson,
  headers: Record<string, string> = {},
): Promise<string[]> {
  await stack.emulator.clearRequests();
  expectData(await stack.execute(PROFILE, { i: person.identity }, { headers }));
  const upstream = await stack.emulator.requestLines();
  await stack.close();
  return upstream;
}

describe('tracing, with an OTLP endpoint configured', () => {
  let receiver: OtlpReceiver;
  const logs = new LogLines();
  let person: SeededPerson;
  let upstream: string[];
  let spans: ReceivedSpan[];
  let operation: ReceivedSpan;
  let anonymous: ReceivedSpan;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const stack = await startStack({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'gateway-under-test',
        LOG_LEVEL: 'debug',
      },
      logDestination: logs,
    });
    person = await stack.emulator.person({ flex: true, conversations: true, deactivated: false });
    const refused = await stack.execute(`query ($s: FlexUserSid!) { flexUser(sid: $s) { sid } }`, {
      s: 'FX12',
    });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    upstream = await profileThenClose(stack, person, {
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
    });
    spans = receiver.spans.filter((span) => span.traceId === CALLER_TRACE);
    anonymous = receiver.spans.find((span) => span.traceId !== CALLER_TRACE)!;
    operation = spans.find((span) => span.kind === SERVER)!;
  });
  afterAll(() => receiver.close());

  const ancestors = (span: ReceivedSpan): string[] => {
    const parent = spans.find((s) => s.spanId === span.parentSpanId);
    return parent ? [parent.spanId, ...ancestors(parent)] : [span.parentSpanId];
  };

  it("makes one operation span, a child of the caller's traceparent, named after the operation", () => {
    expect(spans.filter((span) => span.kind === SERVER)).toHaveLength(1);
    expect(operation).toMatchObject({
      traceId: CALLER_TRACE,
      parentSpanId: CALLER_SPAN,
      name: 'query Profile',
      serviceName: 'gateway-under-test',
      attributes: {
        'graphql.operation.name': 'Profile',
        'graphql.operation.type': 'query',
        'graphql.outcome': 'ok',
      },
    });
  });

  it('names an anonymous operation by its root fields, and records its error codes', () => {
    expect(receiver.spans.filter((span) => span.traceId === anonymous.traceId)).toEqual([
      anonymous,
    ]);
    expect(anonymous).toMatchObject({
      name: 'query {flexUser}',
      parentSpanId: '',
      attributes: {
        'graphql.operation.type': 'query',
        'graphql.outcome': 'error',
        'graphql.error.codes': ['BAD_USER_INPUT'],
      },
      status: { code: 2, message: 'BAD_USER_INPUT' },
    });
    expect(anonymous.attributes).not.toHaveProperty('graphql.operation.name');
  });

  it('makes one span per Twilio call, under the operation, naming the operation and not the path', () => {
    const calls = spans.filter((span) => span.kind === CLIENT);
    expect(calls).toHaveLength(upstream.length);
    expect(calls.map((span) => span.attributes['twilio.operation']).sort()).toEqual(
      [
        'flex.fetchFlexUserByUsername',
        'conversations.fetchUser',
        ...person.chatServiceSids.map(() => 'chat.fetchUser'),
      ].sort(),
    );
    for (const call of calls) {
      expect(ancestors(call)).toContain(operation.spanId);
      expect(call.attributes).toMatchObject({
        'http.request.method': 'GET',
        'http.response.status_code': 200,
      });
    }
    // Twilio's paths carry identities and SIDs: neither reaches the exported spans.
    expect(JSON.stringify(spans)).not.toContain(person.identity);
    expect(JSON.stringify(spans)).not.toContain(person.flexUserSid);
  });

  it('makes one span per loader wave, with its size, holding the calls it sent', () => {
    const waves = spans.filter((span) => span.name.startsWith('dataloader '));
    expect(
      waves
        .map((span) => [
          span.attributes['dataloader.name'],
          span.attributes['dataloader.batch_size'],
        ])
        .sort(),
    ).toEqual(
      [
        ['chatUser', person.chatServiceSids.length],
        ['conversationsUser', 1],
        ['flexUserByUsername', 1],
      ].sort(),
    );
    for (const wave of waves) {
      expect(wave.parentSpanId).toBe(operation.spanId);
      const sent = spans.filter((span) => span.parentSpanId === wave.spanId);
      expect(sent).toHaveLength(wave.attributes['dataloader.batch_size'] as number);
    }
  });

  it('puts the trace and span ids on the log lines of the operation and of its Twilio calls', () => {
    const lines = logs.lines.filter((line) => line.trace_id === CALLER_TRACE);
    expect(lines.map((line) => line.msg).sort()).toEqual(
      [...upstream.map(() => 'twilio call'), 'graphql operation'].sort(),
    );
    expect(lines.find((line) => line.msg === 'graphql operation')).toMatchObject({
      operation: 'Profile',
      span_id: operation.spanId,
      trace_flags: '01',
    });
  });
});

describe('tracing, when off', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('is the no-op unless an endpoint or TRACING=otlp is configured', async () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(await createTracing(loadConfig({}).tracing)).toBe(NO_TRACING);
    expect(
      NO_TRACING.startOperation({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }),
    ).toBeNull();
    expect(loadConfig({ TRACING: 'otlp' }).tracing).toEqual({
      serviceName: 'identity-gateway',
      tracesUrl: 'http://localhost:4318/v1/traces',
    });
  });

  it("reads OTel's endpoint variables, and refuses a protocol it does not export", () => {
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
        OTEL_SERVICE_NAME: 'idgw',
      }).tracing,
    ).toEqual({ serviceName: 'idgw', tracesUrl: 'http://collector:4318/v1/traces' });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom' }).tracing,
    ).toEqual({ serviceName: 'identity-gateway', tracesUrl: 'http://collector:4318/custom' });
    expect(() =>
      loadConfig({ TRACING: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' }),
    ).toThrow('OTEL_EXPORTER_OTLP_PROTOCOL must be http/json');
    expect(() => loadConfig({ TRACING: 'jaeger' })).toThrow('TRACING must be one of otlp, off');
  });

  it.each<Record<string, string>>([{ TRACING: 'off' }, { OTEL_SDK_DISABLED: 'true' }])(
    'exports nothing and logs no trace ids with %o, even with an endpoint set',
    async (off) => {
      const logs = new LogLines();
      const stack = await startStack({
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, LOG_LEVEL: 'debug', ...off },
        logDestination: logs,
      });
      const person = await stack.emulator.person({ conversations: true });
      const upstream = await profileThenClose(stack, person, {
        traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
      });
      expect(upstream.length).toBeGreaterThan(0);
      expect(receiver.exports).toBe(0);
      expect(logs.lines.find((line) => line.msg === 'graphql operation')).not.toHaveProperty(
        'trace_id',
      );
    },
  );
});
