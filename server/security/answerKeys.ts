import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readKey, readOrCreateKey, syncFolder } from './secretKeyFile.ts';

const KEY_FILE = /^([0-9a-f-]{36})\.key$/;

/** How long a key read and checked stays in memory: reading its file at every submission costs a busy day dearly. */
const KEY_MEMORY_MS = 1000;

/**
 * Each open campaign's answer key, one file per campaign in a folder outside the database (ANSWER_KEY_DIR):
 * answers are sealed under it while the campaign is open, so that a copy of the database, its WAL, a replica, a
 * WAL archive or a backup pairs an invitation only with ciphertext. Closing opens the boxes and then destroys
 * the key, after which the ciphertexts left in any copy never open again.
 *
 * A key checked against its campaign is kept in memory for a second (KEY_MEMORY_MS): a submission on a busy day
 * then costs no file read, and a key destroyed by another server of the database, or lost, is gone for this one
 * within that second too. Several servers on one PostgreSQL database share the folder. The campaign row keeps the
 * key's check value (`checkOf`), so that a server whose folder holds another key — or none — finds out before
 * sealing anything.
 */
export class AnswerKeys {
  readonly #checked = new Map<string, { key: Buffer; check: string; until: number }>();

  /** `clock` in milliseconds (tests move it past KEY_MEMORY_MS). */
  constructor(
    readonly dir: string,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The campaign's key, made unless it has one: when the campaign opens. */
  create(campaignId: string): Buffer {
    return readOrCreateKey(this.#fileOf(campaignId));
  }

  /** The campaign's key, or null when its file is missing (lost, or destroyed at closing) or damaged. */
  keyOf(campaignId: string): Buffer | null {
    const file = this.#fileOf(campaignId);
    try {
      return readKey(file);
    } catch (error) {
      console.error(`The answer key of campaign ${campaignId} cannot be read: ${(error as Error).message}`);
      return null;
    }
  }

  /** The campaign's key when the folder holds the one whose check value the campaign keeps (`checkOf`), else null. */
  keyMatching(campaignId: string, check: string | null): Buffer | null {
    if (check === null) return null;
    const now = this.clock();
    const known = this.#checked.get(campaignId);
    if (known && known.check === check && known.until > now) return known.key;
    const key = this.keyOf(campaignId);
    if (!key || checkOf(key) !== check) {
      this.#checked.delete(campaignId);
      return null;
    }
    this.#checked.set(campaignId, { key, check, until: now + KEY_MEMORY_MS });
    return key;
  }

  /**
   * Destroys the campaign's key: the file is overwritten and synced before it is unlinked, and the folder synced,
   * so that the key is gone from the disk as far as the file system lets a program make sure. A key already gone
   * (destroyed by another server) is no error.
   */
  destroy(campaignId: string): void {
    this.#checked.delete(campaignId);
    const file = this.#fileOf(campaignId);
    try {
      const fd = fs.openSync(file, 'r+');
      try {
        fs.writeSync(fd, randomBytes(fs.fstatSync(fd).size), 0, undefined, 0);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    syncFolder(this.dir);
  }

  /** The campaigns that have a key file. */
  known(): string[] {
    try {
      return fs.readdirSync(this.dir).flatMap((name) => KEY_FILE.exec(name)?.[1] ?? []);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  #fileOf(campaignId: string): string {
    // Campaign ids are the product's own UUIDs; anything else must never become a path.
    if (!/^[0-9a-f-]{36}$/.test(campaignId)) throw new Error(`not a campaign id: ${campaignId}`);
    return path.join(this.dir, `${campaignId}.key`);
  }
}

/**
 * A key's check value, kept with its campaign: SHA-256 of a label and the key. It tells whether a key file holds
 * the campaign's key, and — being a hash of 256 random bits — nothing that would help find the key.
 */
export function checkOf(key: Buffer): string {
  return createHash('sha256').update('bagalau360 answer key check\0').update(key).digest('base64url');
}
