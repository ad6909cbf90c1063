/**
 * The gateway could not start for a reason its operator can fix (the address it was told to
 * listen on), said in one sentence; main.ts logs it as one line and exits 1, as it does for a
 * ConfigError.
 */
export class StartupError extends Error {
  override name = 'StartupError';

  constructor(
    message: string,
    /** Node's error code, e.g. EADDRINUSE. */
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * What a failed `listen` means, in words, by Node's error code; null for anything else (a bug,
 * rethrown as it is).
 */
export function listenError(error: unknown, host: string, port: number): StartupError | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return new StartupError(
        `PORT ${port} on ${host} is already in use (EADDRINUSE): stop what listens on ${where}, or set PORT to a free port`,
        code,
      );
    case 'EACCES':
      return new StartupError(
        `PORT ${port} on ${host} needs privileges this process lacks (EACCES): set PORT to a port above 1023`,
        code,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new StartupError(
        `HOST ${JSON.stringify(host)} does not resolve (${code}): set HOST to an address or name of this machine, e.g. 127.0.0.1, or 0.0.0.0 for every interface`,
        code,
      );
    case 'EADDRNOTAVAIL':
      return new StartupError(
        `HOST ${JSON.stringify(host)} is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses, e.g. 127.0.0.1, or 0.0.0.0 for every interface`,
        code,
      );
    default:
      return null;
  }
}
