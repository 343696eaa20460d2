import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain, type ChainedEntry } from '../../db/auditChain.ts';

/** Five entries chained as the writer chains them. */
function chain(): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= 5; seq++) {
    const entry = { seq, at: `2025-12-0${seq}T09:00:00.000Z`, user_id: 'u1', user_login: 'hr', action: 'POST /units', target: seq % 2 ? null : JSON.stringify({ id: `t${seq}` }), details: JSON.stringify({ name: `Unit ${seq}` }) };
    previous = entryHash(previous, entry);
    entries.push({ ...entry, hash: previous });
  }
  return entries;
}

describe('audit chain', () => {
  it('accepts an intact chain and an empty log', () => {
    expect(verifyChain(chain())).toEqual({ ok: true, count: 5 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('hashes every field, so that no two serialisations collide', () => {
    const entry = chain()[1]!;
    const base = entryHash(GENESIS_HASH, entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ seq: 3 }, { at: 'x' }, { user_id: null }, { user_login: 'hr2' }, { action: 'DELETE /units/:id' }, { target: null }, { details: '{}' }]) {
      expect(entryHash(GENESIS_HASH, { ...entry, ...change })).not.toBe(base);
    }
    expect(entryHash('1'.repeat(64), entry)).not.toBe(base);
    // Moving text from one field to the next changes the hash: the fields are not simply joined.
    expect(entryHash(GENESIS_HASH, { ...entry, user_login: 'h', action: `r${entry.action}` })).not.toBe(entryHash(GENESIS_HASH, { ...entry, user_login: 'hr', action: entry.action }));
  });

  it('finds an edited entry, and an entry whose hash was recomputed alone', () => {
    const tampered = chain();
    tampered[2] = { ...tampered[2]!, details: JSON.stringify({ name: 'Other' }) };
    expect(verifyChain(tampered)).toEqual({ ok: false, count: 5, seq: 3, reason: 'edited' });
    // Rehashing the edited entry moves the break to the next one, which chained from the old hash.
    tampered[2] = { ...tampered[2], hash: entryHash(tampered[1]!.hash!, tampered[2]) };
    expect(verifyChain(tampered)).toMatchObject({ ok: false, seq: 4, reason: 'edited' });
  });

  it('finds a deleted entry, the first one too', () => {
    const entries = chain();
    expect(verifyChain(entries.filter((e) => e.seq !== 3))).toEqual({ ok: false, count: 4, seq: 4, reason: 'deleted' });
    expect(verifyChain(entries.slice(1))).toEqual({ ok: false, count: 4, seq: 2, reason: 'deleted' });
  });

  it('finds a swapped pair', () => {
    const entries = chain();
    const swapped = [entries[0]!, { ...entries[2]!, seq: 2 }, { ...entries[1]!, seq: 3 }, entries[3]!, entries[4]!];
    expect(verifyChain(swapped)).toEqual({ ok: false, count: 5, seq: 2, reason: 'reordered' });
  });

  it('finds an entry that lost its hash', () => {
    const entries = chain();
    entries[4] = { ...entries[4]!, hash: null };
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 5, reason: 'edited' });
  });
});
