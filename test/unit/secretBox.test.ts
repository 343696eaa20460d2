import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../server/security/secretBox.ts';
import { readOrCreateKey } from '../../server/security/secretKeyFile.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('sealed second-factor secrets', () => {
  const key = randomBytes(32);
  const box = new SecretBox(() => key);

  it('open again with the same key and account, and never show the secret in the stored value', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'account-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'account-1')).not.toBe(sealed);
    expect(box.open(sealed, 'account-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('do not open on another account, with another key, or once altered', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'account-1');
    expect(() => box.open(sealed, 'account-2')).toThrow(/does not open with this key/);
    expect(() => new SecretBox(() => randomBytes(32)).open(sealed, 'account-1')).toThrow(/does not open/);
    const [v, iv, data, tag] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([v, iv, flipped.toString('base64url'), tag].join('.'), 'account-1')).toThrow(/does not open/);
    expect(() => box.open('JBSWY3DPEHPK3PXP', 'account-1')).toThrow(/does not open/);
  });
});

describe('the key file', () => {
  it('is made on first use, readable by its owner only, and read back unchanged after', () => {
    const file = path.join(tempDir(), 'sub', 'totp.key');
    const key = readOrCreateKey(file);
    expect(key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateKey(file).equals(key)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['totp.key']);
    // A box reads it when first needed: sealing under one opens under another made from the same file.
    const sealed = SecretBox.fromKeyFile(file).seal('secret', 'a');
    expect(SecretBox.fromKeyFile(file).open(sealed, 'a')).toBe('secret');
  });

  it('refuses a file that does not hold a 32-byte key, rather than replacing it', () => {
    const file = path.join(tempDir(), 'totp.key');
    fs.writeFileSync(file, 'too short');
    expect(() => readOrCreateKey(file)).toThrow(/32 random bytes in base64/);
    expect(fs.readFileSync(file, 'utf8')).toBe('too short');
  });
});
