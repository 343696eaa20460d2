import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readKey, readOrCreateKey, syncFolder } from './secretKeyFile.ts';

const KEY_FILE = /^([0-9a-f-]{36})\.key$/;

/**
 * Each open campaign's answer key, one file per campaign in a folder outside the database (ANSWER_KEY_DIR):
 * answers are sealed under it while the campaign is open, so that a copy of the database, its WAL, a replica, a
 * WAL archive or a backup pairs an invitation only with ciphertext. Closing opens the boxes and then destroys
 * the key, after which the ciphertexts left in any copy never open again.
 *
 * A key is read from its file each time it is needed (a few microseconds beside a submission's fsync) and kept
 * in no cache: a key destroyed by any server of the database, or lost, is gone for every server at once. Several
 * servers on one PostgreSQL database share the folder. The campaign row keeps the key's check value
 * (`checkOf`), so that a server whose folder holds another key — or none — finds out before sealing anything.
 */
export class AnswerKeys {
  constructor(readonly dir: string) {}

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
    const key = this.keyOf(campaignId);
    return key && check !== null && checkOf(key) === check ? key : null;
  }

  /**
   * Destroys the campaign's key: the file is overwritten and synced before it is unlinked, and the folder synced,
   * so that the key is gone from the disk as far as the file system lets a program make sure. A key already gone
   * (destroyed by another server) is no error.
   */
  destroy(campaignId: string): void {
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
