import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger };

/**
 * Lines are gathered up to this many bytes (about 15 operation lines) before one write: one
 * write per line cost about 5% of a single fetch's CPU at `info` (bench/cpu-ab.ts, single).
 */
const LOG_BUFFER_BYTES = 4096;

/**
 * Where the gateway's lines go (stdout, or a file in the bench): asynchronous writes, buffered
 * up to LOG_BUFFER_BYTES or `flushMs`, whichever comes first (`flushMs` 0: a write per line).
 * pino writes what is left when the process exits, on a crash too; a SIGKILL loses at most
 * `flushMs` of lines.
 */
export function createLogDestination(dest: number | string, flushMs: number): DestinationStream {
  return pino.destination({
    dest,
    sync: false,
    ...(flushMs > 0 ? { minLength: LOG_BUFFER_BYTES, periodicFlush: flushMs } : {}),
  });
}

/**
 * Structured JSON logs. Whatever might hold a credential is censored by path, so a careless
 * `log.info({ headers })` cannot leak a token.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'identity-gateway' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'credentials',
          '*.credentials',
          'password',
          '*.password',
          'authToken',
          '*.authToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
