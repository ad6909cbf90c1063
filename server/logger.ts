import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger };

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
