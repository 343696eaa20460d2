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
 * beside the file and linked into place, so two processes starting at once end up with the same key.
 */
export function readOrCreateKey(file: string): Buffer {
  const existing = readKey(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(draft, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
  return parse(fs.readFileSync(file, 'utf8'), file);
}
