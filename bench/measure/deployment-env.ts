import type { BenchAccount } from '../scenarios/types.js';

/**
 * The environment a deployment in front of this account would set: credentials, the Flex
 * instance and chat services, the API base URLs (the emulator). Nothing else is set, so every
 * limit, the cache and the reconciliation's budget share are at their defaults; `extra` adds
 * what a bench must change (and its report says so).
 */
export function deploymentEnv(emulatorUrl: string, account: BenchAccount): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FLEX_INSTANCE_SID: account.flexInstanceSid,
    TWILIO_CHAT_SERVICE_SIDS: account.chatServiceSids.join(','),
    TWILIO_FLEX_API_URL: emulatorUrl,
    TWILIO_CONVERSATIONS_API_URL: emulatorUrl,
    TWILIO_CHAT_API_URL: emulatorUrl,
    TWILIO_TASKROUTER_API_URL: emulatorUrl,
    // The driver is the only client and authenticates nothing (as in the main bench), and one
    // log line per request would be the logger's cost, not the gateway's.
    AUTH_OPEN: 'true',
    LOG_LEVEL: 'warn',
  };
}
