import { openWithKey, sealWithKey } from './aesGcm.ts';
import { readOrCreateKey } from './secretKeyFile.ts';

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
    return sealWithKey(this.currentKey(), plain, context);
  }

  open(sealed: string, context: string): string {
    try {
      return openWithKey(this.currentKey(), sealed, context);
    } catch (cause) {
      throw new Error('A sealed second-factor secret does not open with this key: the key file was replaced, or the value altered. Remove that account’s second factor (npm run user -- totp-off <login>).', { cause });
    }
  }

  private currentKey(): Buffer {
    this.key ??= this.loadKey();
    return this.key;
  }
}
