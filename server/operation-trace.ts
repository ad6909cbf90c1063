import type { AsyncLocalStorage } from 'node:async_hooks';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as TraceContext,
  type TextMapGetter,
  type TextMapPropagator,
  type Tracer,
} from '@opentelemetry/api';
import type { OperationTrace, UpstreamTracer } from '../datasources/tracing-hooks.js';

/** Which operation's wave a Twilio call was sent from, carried through the wave's async work. */
export interface WaveScope {
  owner: OperationTrace;
  context: TraceContext;
}

type Headers = Record<string, string | string[] | undefined>;

const headerGetter: TextMapGetter<Headers> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/**
 * The operation's span, a child of the caller's `traceparent` when it sent a valid one. Every
 * context is passed explicitly (no global context manager), so two gateways in one process, each
 * with its own tracer, never adopt each other's spans.
 */
export function startOperationTrace(
  tracer: Tracer,
  propagator: TextMapPropagator,
  waves: AsyncLocalStorage<WaveScope>,
  headers: Headers,
): OperationTrace {
  const parent = propagator.extract(ROOT_CONTEXT, headers, headerGetter);
  const span = tracer.startSpan('graphql', { kind: SpanKind.SERVER }, parent);
  const context = trace.setSpan(parent, span);
  const { traceId, spanId, traceFlags } = span.spanContext();

  const upstream: UpstreamTracer = {
    startCall(product, operation, method) {
      const scope = waves.getStore();
      // Twilio's paths hold identities (personal data): the span names the operation instead.
      const call = tracer.startSpan(
        `${method} ${product}.${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'http.request.method': method,
            'twilio.product': product,
            'twilio.operation': `${product}.${operation}`,
          },
        },
        scope?.owner === self ? scope.context : context,
      );
      return ({ status, retries, errorCode }) => {
        if (status !== null) call.setAttribute('http.response.status_code', status);
        if (retries > 0) call.setAttribute('http.request.resend_count', retries);
        if (errorCode !== null) {
          call.setAttribute('error.type', errorCode);
          call.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
        }
        call.end();
      };
    },
    wave(loader, size, run) {
      const wave = tracer.startSpan(
        `dataloader ${loader}`,
        { attributes: { 'dataloader.name': loader, 'dataloader.batch_size': size } },
        context,
      );
      const settled = waves.run({ owner: self, context: trace.setSpan(context, wave) }, run);
      return settled.then(
        (value) => {
          wave.end();
          return value;
        },
        (error: unknown) => {
          wave.setStatus({ code: SpanStatusCode.ERROR });
          wave.end();
          throw error;
        },
      );
    },
  };

  const self: OperationTrace = {
    upstream,
    logFields: {
      trace_id: traceId,
      span_id: spanId,
      trace_flags: traceFlags.toString(16).padStart(2, '0'),
    },
    name({ name, type, rootFields }) {
      // Anonymous operations are named by their root fields: stable, and bounded by the schema.
      span.updateName(name ? `${type} ${name}` : `${type} {${[...rootFields].sort().join(',')}}`);
      span.setAttribute('graphql.operation.type', type);
      if (name) span.setAttribute('graphql.operation.name', name);
    },
    end(outcome, errorCodes) {
      span.setAttribute('graphql.outcome', outcome);
      if (errorCodes.length > 0) {
        span.setAttribute('graphql.error.codes', errorCodes);
        for (const code of errorCodes) span.recordException({ name: code, message: code });
        span.setStatus({ code: SpanStatusCode.ERROR, message: [...new Set(errorCodes)].join(',') });
      }
      span.end();
    },
  };
  return self;
}
