import type { Rng } from './prng.js';

/** The SID patterns the specs declare; path parameters are checked against them as Twilio does. */
export const SID_PATTERNS = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  flexInstance: /^GO[0-9a-fA-F]{32}$/,
  flexUser: /^FU[0-9a-fA-F]{32}$/,
  user: /^US[0-9a-fA-F]{32}$/,
  chatService: /^IS[0-9a-fA-F]{32}$/,
  role: /^RL[0-9a-fA-F]{32}$/,
  workspace: /^WS[0-9a-fA-F]{32}$/,
  worker: /^WK[0-9a-fA-F]{32}$/,
  activity: /^WA[0-9a-fA-F]{32}$/,
  // Conversations and Chat channels share the prefix.
  conversation: /^CH[0-9a-fA-F]{32}$/,
  channel: /^CH[0-9a-fA-F]{32}$/,
  participant: /^MB[0-9a-fA-F]{32}$/,
} as const;

export type SidPrefix =
  | 'AC'
  | 'SK'
  | 'GO'
  | 'FU'
  | 'US'
  | 'IS'
  | 'RL'
  | 'WK'
  | 'WS'
  | 'QO'
  // TaskRouter activities; conversations and Chat channels, their participants and members,
  // messages, push bindings and push credentials.
  | 'WA'
  | 'CH'
  | 'MB'
  | 'MG'
  | 'BS'
  | 'CR';

/** Twilio's SID shape: a two-letter type prefix and 32 lowercase hex digits. */
export function newSid(prefix: SidPrefix, rng: Rng): string {
  return prefix + rng.hex8() + rng.hex8() + rng.hex8() + rng.hex8();
}
