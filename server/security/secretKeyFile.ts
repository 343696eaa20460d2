import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEY_BYTES = 32;

function parse(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} must hold ${KEY_BYTES} random bytes in base64 (e.g. openssl rand -base64 ${KEY_BYTES}).`);
  return key;
}

/** The key in `file`, or null when there is none. */
export function readKey(file: string): Buffer | null {
  try {
    return parse(fs.readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The key in `file`, made there on first use: 32 random bytes in base64, readable by the owner only. Written
 * beside the file, synced, and linked into place (the folder synced too), so two processes starting at once end
 * up with the same key, and a key that was used survives a power cut as the database does.
 */
export function readOrCreateKey(file: string): Buffer {
  const existing = readKey(file);
  if (existing) return existing;
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(draft, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
  syncFolder(dir);
  return parse(fs.readFileSync(file, 'utf8'), file);
}

/** Makes a folder's entries (a file linked in or unlinked) durable. */
export function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
