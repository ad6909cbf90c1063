import type { Config } from './config.js';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
const MIN_HMAC_SECRET_BYTES = 32;

export interface StartupWarning {
  /** Stable, for alerting on a log field rather than a sentence. */
  warning: 'OPEN_IN_PRODUCTION' | 'SHORT_JWT_SECRET' | 'NO_WAY_IN';
  message: string;
}

/**
 * Settings that start a working gateway but are probably a mistake; each is logged at warn as
 * the gateway starts. None stops it: a demo or a test may mean them.
 */
export function startupWarnings(config: Config): StartupWarning[] {
  const { auth } = config;
  const warnings: StartupWarning[] = [];
  if (auth.open && config.production) {
    warnings.push({
      warning: 'OPEN_IN_PRODUCTION',
      message:
        'AUTH_OPEN=true with NODE_ENV=production: any request without credentials acts as the ' +
        'configured Twilio account. Set AUTH_OPEN=false and give clients tokens (AUTH_JWT_SECRET ' +
        'or AUTH_JWKS_URL)',
    });
  }
  // A key set, when configured, is what tokens are checked against; the secret is then unused.
  const secret = auth.jwt && !auth.jwt.jwksUrl ? auth.jwt.secret : null;
  const secretBytes = secret === null ? 0 : Buffer.byteLength(secret, 'utf8');
  if (secret !== null && secretBytes < MIN_HMAC_SECRET_BYTES) {
    warnings.push({
      warning: 'SHORT_JWT_SECRET',
      message:
        `AUTH_JWT_SECRET is ${secretBytes} bytes: an HS256 secret needs at least ` +
        `${MIN_HMAC_SECRET_BYTES} (RFC 7518 §3.2), or tokens can be forged by guessing it. Use ` +
        'a random one, e.g. from `openssl rand -base64 32`',
    });
  }
  if (!auth.open && !auth.passthrough && !auth.jwt) {
    warnings.push({
      warning: 'NO_WAY_IN',
      message:
        'No request can get in: AUTH_OPEN is not true, AUTH_BASIC_PASSTHROUGH=false, and neither ' +
        'AUTH_JWT_SECRET nor AUTH_JWKS_URL is set, so every request is refused with 401',
    });
  }
  return warnings;
}
