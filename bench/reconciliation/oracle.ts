/**
 * The job's findings checked against the emulator's oracle (GET /__emulator/expected-findings:
 * a deliberately simple hold-everything classification of the emulator's state, which never
 * imports the gateway's classifier), per kind: found, expected, missing, extra.
 */

export interface FindingKey {
  kind: string;
  identity: string | null;
  flexUserSid: string | null;
  otherSid: string | null;
  serviceSid: string | null;
}

export interface KindCheck {
  kind: string;
  /** What the job's `findingsByKind` says. */
  reported: number;
  /** Findings of this kind in the NDJSON export. */
  exported: number;
  expected: number;
  /** In the oracle, not in the export. */
  missing: number;
  /** In the export, not in the oracle (a duplicate line counts too). */
  extra: number;
  /** A few of each, to see what went wrong. */
  examples: { missing: FindingKey[]; extra: FindingKey[] };
}

export interface Oracle {
  findings: FindingKey[];
  byKind: Record<string, number>;
}

export async function fetchOracle(
  emulatorUrl: string,
  accountSid: string,
  chatServiceSids: string[],
): Promise<Oracle> {
  const query = new URLSearchParams({ accountSid, chatServiceSids: chatServiceSids.join(',') });
  const response = await fetch(`${emulatorUrl}/__emulator/expected-findings?${query}`);
  if (!response.ok) {
    throw new Error(`GET /__emulator/expected-findings: HTTP ${response.status} (merge seed?)`);
  }
  return (await response.json()) as Oracle;
}

const keyOf = (f: FindingKey) =>
  [f.kind, f.identity, f.flexUserSid, f.otherSid, f.serviceSid].map((v) => v ?? '').join('|');

export function checkFindings(
  exported: FindingKey[],
  reported: { kind: string; count: number }[],
  oracle: Oracle,
): KindCheck[] {
  const kinds = [
    ...new Set([
      ...Object.keys(oracle.byKind),
      ...reported.map((r) => r.kind),
      ...exported.map((f) => f.kind),
    ]),
  ].sort();
  const expected = new Map(oracle.findings.map((f) => [keyOf(f), f]));
  const seen = new Set<string>();
  const extra: FindingKey[] = [];
  for (const finding of exported) {
    const key = keyOf(finding);
    if (!expected.has(key) || seen.has(key)) extra.push(finding);
    seen.add(key);
  }
  const missing = oracle.findings.filter((f) => !seen.has(keyOf(f)));
  return kinds.map((kind) => {
    const ofKind = (list: FindingKey[]) => list.filter((f) => f.kind === kind);
    return {
      kind,
      reported: reported.find((r) => r.kind === kind)?.count ?? 0,
      exported: ofKind(exported).length,
      expected: oracle.byKind[kind] ?? ofKind(oracle.findings).length,
      missing: ofKind(missing).length,
      extra: ofKind(extra).length,
      examples: { missing: ofKind(missing).slice(0, 3), extra: ofKind(extra).slice(0, 3) },
    };
  });
}
