import { createHash } from 'node:crypto';

/** One audit entry as stored: `target` and `details` are the JSON text the table holds, hashed as written. */
export interface ChainedEntry {
  seq: number;
  at: string;
  user_id: string | null;
  user_login: string;
  action: string;
  target: string | null;
  details: string | null;
  hash: string | null;
}

/** What the first entry chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) over a JSON array of the previous hash and the entry's fields: an unambiguous serialisation. */
export function entryHash(previousHash: string, entry: Omit<ChainedEntry, 'hash'>): string {
  const canonical = JSON.stringify([previousHash, entry.seq, entry.at, entry.user_id, entry.user_login, entry.action, entry.target, entry.details]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainBreak = 'edited' | 'deleted' | 'reordered';

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; seq: number; reason: ChainBreak };

/**
 * Walks the entries in `seq` order and reports the first that does not chain from the one before it. Why it
 * broke is inferred: another entry further on that belongs at this place means the rows were reordered; a gap
 * in `seq` (numbers are given one after another) means rows were deleted; otherwise the entry was edited.
 * Removing the newest entries leaves a valid, shorter chain: compare the count with one noted earlier.
 */
export function verifyChain(entries: readonly ChainedEntry[]): ChainVerdict {
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.hash !== null && entryHash(previousHash, entry) === entry.hash) {
      previousHash = entry.hash;
      previousSeq = entry.seq;
      continue;
    }
    const belongsHere = (other: ChainedEntry) => other.hash !== null && entryHash(previousHash, { ...other, seq: entry.seq }) === other.hash;
    const reason: ChainBreak = entries.slice(i + 1).some(belongsHere) ? 'reordered' : entry.seq > previousSeq + 1 ? 'deleted' : 'edited';
    return { ok: false, count: entries.length, seq: entry.seq, reason };
  }
  return { ok: true, count: entries.length };
}
