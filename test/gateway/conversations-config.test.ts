import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

const IS_A = `IS${'a'.repeat(32)}`;
const IS_B = `IS${'b'.repeat(32)}`;

describe('Conversations services and Flex identity forms in the configuration', () => {
  it('reads TWILIO_CONVERSATIONS_SERVICE_SIDS in order, duplicates dropped', () => {
    const config = loadConfig({ TWILIO_CONVERSATIONS_SERVICE_SIDS: ` ${IS_B}, ${IS_A},${IS_B}` });
    expect(config.conversationsServiceSids).toEqual([IS_B, IS_A]);
  });

  it.each([
    [
      'a SID of another kind',
      { TWILIO_CONVERSATIONS_SERVICE_SIDS: `US${'a'.repeat(32)}` },
      /TWILIO_CONVERSATIONS_SERVICE_SIDS must list chat service SIDs/,
    ],
    [
      'more than 10 services',
      {
        TWILIO_CONVERSATIONS_SERVICE_SIDS: Array.from(
          { length: 11 },
          (_, i) => `IS${String(i).padStart(32, '0')}`,
        ).join(','),
      },
      /at most 10/,
    ],
    [
      'a flag that is not true or false',
      { TWILIO_FLEX_IDENTITY_ESCAPES: 'yes' },
      /TWILIO_FLEX_IDENTITY_ESCAPES must be true or false/,
    ],
  ])('refuses %s, naming the variable', (_what, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads a tenant’s conversationsServiceSids and flexIdentityEscapes, with defaults', () => {
    const account = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token' };
    const config = loadConfig({
      TWILIO_TENANTS: JSON.stringify({
        escaped: { ...account, conversationsServiceSids: [IS_A], flexIdentityEscapes: true },
        plain: account,
      }),
    });
    expect(config.tenants.get('escaped')).toMatchObject({
      conversationsServiceSids: [IS_A],
      flexIdentityEscapes: true,
    });
    // On by default, and a tenant that says nothing inherits the global setting.
    expect(config.flexIdentityEscapes).toBe(true);
    expect(config.tenants.get('plain')).toMatchObject({
      conversationsServiceSids: [],
      flexIdentityEscapes: true,
    });
  });

  it('has tenants inherit TWILIO_FLEX_IDENTITY_ESCAPES unless they say otherwise', () => {
    const account = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token' };
    const tenants = JSON.stringify({
      on: { ...account, flexIdentityEscapes: true },
      off: { ...account, flexIdentityEscapes: false },
      plain: account,
    });
    const forms = (global: string | undefined) => {
      const config = loadConfig({ TWILIO_TENANTS: tenants, TWILIO_FLEX_IDENTITY_ESCAPES: global });
      return [
        config.flexIdentityEscapes,
        ...[...config.tenants.values()].map((t) => t.flexIdentityEscapes),
      ];
    };
    expect(forms(undefined)).toEqual([true, true, false, true]);
    expect(forms('true')).toEqual([true, true, false, true]);
    expect(forms('false')).toEqual([false, true, false, false]);
  });

  it.each([
    [{ conversationsServiceSids: 'IS…' }, /conversationsServiceSids must be a list/],
    [
      { conversationsServiceSids: ['nope'] },
      /conversationsServiceSids must list chat service SIDs/,
    ],
    [{ flexIdentityEscapes: 'true' }, /flexIdentityEscapes must be true or false/],
  ])('refuses a tenant with %j', (extra, message) => {
    const tenant = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token', ...extra };
    expect(() => loadConfig({ TWILIO_TENANTS: JSON.stringify({ t: tenant }) })).toThrow(message);
  });
});
