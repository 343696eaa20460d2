import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readKey, readOrCreateKey } from './secretKeyFile.ts';

const KEY_FILE = /^([0-9a-f-]{36})\.key$/;

/**
 * Each open campaign's answer key, one file per campaign in a folder outside the database (ANSWER_KEY_DIR):
 * answers are sealed under it while the campaign is open, so that a copy of the database, its WAL, a replica, a
 * WAL archive or a backup pairs an invitation only with ciphertext. Closing opens the boxes and then destroys
 * the key, after which the ciphertexts left in any copy never open again.
 *
 * Keys are read once and kept in memory while their campaign is open; several servers on one PostgreSQL
 * database share the folder.
 */
export class AnswerKeys {
  readonly #cache = new Map<string, Buffer>();

  constructor(readonly dir: string) {}

  /** Makes the campaign's key unless it has one: when the campaign opens. */
  create(campaignId: string): void {
    this.#cache.set(campaignId, readOrCreateKey(this.#fileOf(campaignId)));
  }

  /** The campaign's key, or null when its file is missing (lost, or destroyed at closing). */
  keyOf(campaignId: string): Buffer | null {
    const cached = this.#cache.get(campaignId);
    if (cached) return cached;
    const key = readKey(this.#fileOf(campaignId));
    if (key) this.#cache.set(campaignId, key);
    return key;
  }

  /**
   * Destroys the campaign's key: the file is overwritten and synced before it is unlinked, and the folder synced,
   * so that the key is gone from the disk as far as the file system lets a program make sure.
   */
  destroy(campaignId: string): void {
    this.#cache.delete(campaignId);
    const file = this.#fileOf(campaignId);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      fs.writeSync(fd, randomBytes(fs.fstatSync(fd).size), 0, undefined, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.unlinkSync(file);
    const dir = fs.openSync(this.dir, 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }

  /** The campaigns that have a key file, or a key in this process's memory (its file gone with a close elsewhere). */
  known(): string[] {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return [...new Set([...names.flatMap((name) => KEY_FILE.exec(name)?.[1] ?? []), ...this.#cache.keys()])];
  }

  #fileOf(campaignId: string): string {
    // Campaign ids are the product's own UUIDs; anything else must never become a path.
    if (!/^[0-9a-f-]{36}$/.test(campaignId)) throw new Error(`not a campaign id: ${campaignId}`);
    return path.join(this.dir, `${campaignId}.key`);
  }
}
