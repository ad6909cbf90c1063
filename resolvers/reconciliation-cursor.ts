import type { FindingPosition } from '../datasources/reconciliation/job-store.js';
import { FINDING_KINDS } from '../datasources/reconciliation/classifier.js';
import { badInput } from './scalars.js';

/** Opaque cursors of the reconciliation connections: base64url of a tagged JSON array. */
const encode = (value: unknown[]) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decode(cursor: string, tag: string, length: number): number[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === length + 1 &&
      value[0] === tag &&
      value.slice(1).every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
    ) {
      return value.slice(1) as number[];
    }
  } catch {
    // refused below
  }
  throw badInput(`Invalid cursor ${JSON.stringify(cursor)}: pass a cursor this API returned`);
}

export const findingCursor = (position: FindingPosition) =>
  encode(['f', position.kind, position.offset]);

export function findingPosition(cursor: string): FindingPosition {
  const [kind, offset] = decode(cursor, 'f', 2) as [number, number];
  if (kind >= FINDING_KINDS.length) throw badInput(`Invalid cursor ${JSON.stringify(cursor)}`);
  return { kind, offset };
}

export const jobCursor = (offset: number) => encode(['j', offset]);
export const jobOffset = (cursor: string) => decode(cursor, 'j', 1)[0]!;
