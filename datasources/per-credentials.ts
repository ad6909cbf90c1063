import type { Credentials } from './http.js';

/**
 * `derive` memoised on the credentials object: a tenant's credentials come from the config (or a
 * verified token naming it), so every request after the first reuses what its first derived (an
 * HMAC of the secret, the Basic header). An entry is used only while the object still holds the
 * pair it was derived from, so a changed secret never gets the old one's value; it lives as long
 * as the object does, and no one who lacks the object can reach it.
 */
export function perCredentials<T>(derive: (credentials: Credentials) => T) {
  const derived = new WeakMap<Credentials, { username: string; password: string; value: T }>();
  return (credentials: Credentials): T => {
    const { username, password } = credentials;
    const known = derived.get(credentials);
    if (known?.username === username && known.password === password) return known.value;
    const value = derive(credentials);
    derived.set(credentials, { username, password, value });
    return value;
  };
}
