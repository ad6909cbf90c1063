import { AsyncLocalStorage } from 'node:async_hooks';
import type { OperationTrace } from '../datasources/tracing-hooks.js';
import type { TracingConfig } from './config.js';
import { startOperationTrace, type WaveScope } from './operation-trace.js';

/** The gateway's tracing: one tracer provider per gateway, never the process-wide global one. */
export interface Tracing {
  /** The request's operation span; null when tracing is off. */
  startOperation(headers: Record<string, string | string[] | undefined>): OperationTrace | null;
  /** Exports what is still buffered, then stops; called when the gateway closes. */
  shutdown(): Promise<void>;
}

/** Tracing off: no OpenTelemetry SDK module is loaded, and no span object is made. */
export const NO_TRACING: Tracing = {
  startOperation: () => null,
  shutdown: () => Promise.resolve(),
};

/**
 * Loads the SDK only when tracing is configured. The imports are dynamic so that esbuild, which
 * hoists a bundle's static imports of external packages to its top, cannot load them when off.
 * Spans are made by hand rather than by OpenTelemetry's instrumentation packages: those patch
 * modules through loader hooks (`--import` of an ESM hook), which the bundle and tsx bypass
 * silently, and they would install a global tracer provider that two gateways in one process share.
 */
export async function createTracing(config: TracingConfig | null): Promise<Tracing> {
  if (config === null) return NO_TRACING;
  const [{ BatchSpanProcessor, TracerProvider }, { OTLPTraceExporter }, resources, core] =
    await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/core'),
    ]);
  const provider = new TracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': config.serviceName }),
    // OTLP/HTTP with JSON bodies; headers, timeout and TLS follow OTel's OTEL_EXPORTER_OTLP_*
    // variables, which the exporter reads itself.
    spanProcessors: [
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.tracesUrl }) }),
    ],
  });
  const tracer = provider.getTracer('identity-gateway');
  const propagator = new core.W3CTraceContextPropagator();
  const waves = new AsyncLocalStorage<WaveScope>();
  return {
    startOperation: (headers) => startOperationTrace(tracer, propagator, waves, headers),
    shutdown: () => provider.shutdown(),
  };
}
