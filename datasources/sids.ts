/**
 * Twilio's SID shapes, from the path parameter patterns of its specs: a two-letter prefix naming
 * the resource kind, then 32 hexadecimal digits.
 */
export const SID_PREFIXES = {
  account: 'AC',
  apiKey: 'SK',
  flexInstance: 'GO',
  flexUser: 'FU',
  user: 'US',
  chatService: 'IS',
  role: 'RL',
  worker: 'WK',
  workspace: 'WS',
  flexTeam: 'QO',
  conversation: 'CH',
  participant: 'MB',
  activity: 'WA',
  channel: 'CH',
} as const;

export type SidKind = keyof typeof SID_PREFIXES;

/** A pattern matching a SID of any of the given kinds. */
export function sidPattern(...kinds: SidKind[]): RegExp {
  return new RegExp(`^(${kinds.map((kind) => SID_PREFIXES[kind]).join('|')})[0-9a-fA-F]{32}$`);
}

const single = Object.fromEntries(
  (Object.keys(SID_PREFIXES) as SidKind[]).map((kind) => [kind, sidPattern(kind)]),
) as Record<SidKind, RegExp>;

export function isSid(kind: SidKind, value: unknown): value is string {
  return typeof value === 'string' && single[kind].test(value);
}
