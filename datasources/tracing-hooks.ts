import type { Product } from './errors.js';

/** How one Twilio call ended, for its span. */
export interface CallOutcome {
  /** Final HTTP status; null when no response arrived (or the call was never sent). */
  status: number | null;
  retries: number;
  /** The `extensions.code` the call failed with; null when it succeeded (a 404 read as null too). */
  errorCode: string | null;
}

/**
 * Where the HTTP layer and the loaders report to tracing. Absent when tracing is off, so the hot
 * path then costs one optional-chaining check per call and per wave.
 */
export interface UpstreamTracer {
  /** A Twilio call starts; the function returned ends its span. */
  startCall: (
    product: Product,
    operation: string,
    method: string,
  ) => (outcome: CallOutcome) => void;
  /** Runs one loader wave inside its span, so the calls the wave sends are its children. */
  wave: <T>(loader: string, size: number, run: () => PromiseLike<T>) => PromiseLike<T>;
}

/** How a GraphQL operation ended: ok, partial (data and errors) or error (no data). */
export type OperationOutcome = 'ok' | 'partial' | 'error';

/** One GraphQL request's span: started by the context function, named and ended by a plugin. */
export interface OperationTrace {
  readonly upstream: UpstreamTracer;
  /** For the request's log lines, named as OpenTelemetry's pino instrumentation names them. */
  readonly logFields: { trace_id: string; span_id: string; trace_flags: string };
  /** Once the document is parsed: the span is named after the operation. */
  name(operation: { name: string | null; type: string; rootFields: string[] }): void;
  /** Error codes only: messages may quote identities (personal data). */
  end(outcome: OperationOutcome, errorCodes: string[]): void;
}
