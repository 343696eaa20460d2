import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readOrCreateKey } from './secretKeyFile.ts';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Seals short secrets the server must read back — a TOTP secret cannot be hashed — with AES-256-GCM under a key
 * kept outside the database, so a copy of the database alone (a dump, a replica, a stolen backup) opens none.
 * The context, an account's id, is authenticated with each value: a sealed secret copied onto another account
 * does not open there.
 */
export class SecretBox {
  private key: Buffer | null = null;

  constructor(private readonly loadKey: () => Buffer) {}

  /** A box whose key is read from `file` — or made there — when first needed. */
  static fromKeyFile(file: string): SecretBox {
    return new SecretBox(() => readOrCreateKey(file));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.currentKey(), iv).setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, data, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  open(sealed: string, context: string): string {
    const [version, iv, data, tag] = sealed.split('.');
    try {
      if (version !== VERSION || !iv || !data || !tag) throw new Error('not a sealed value');
      const decipher = createDecipheriv(ALGORITHM, this.currentKey(), Buffer.from(iv, 'base64url')).setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new Error('A sealed second-factor secret does not open with this key: the key file was replaced, or the value altered. Remove that account’s second factor (npm run user -- totp-off <login>).', { cause });
    }
  }

  private currentKey(): Buffer {
    this.key ??= this.loadKey();
    return this.key;
  }
}
