import { randomBytes, randomInt, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A random positive 53-bit integer: a key that carries no order. */
export const randomRowId = (): number => randomInt(1, 2 ** 48) * 32 + randomInt(0, 32);

/** `count` distinct keys drawn as randomRowId draws one (uniform from 32 to 2⁵³ − 1), many at once. */
export function randomRowIds(count: number): number[] {
  const keys = new Set<number>();
  while (keys.size < count) {
    const bytes = randomBytes(7 * (count - keys.size));
    for (let i = 0; i < bytes.length; i += 7) {
      const key = (bytes.readUIntBE(i, 3) & 0x1fffff) * 2 ** 32 + bytes.readUInt32BE(i + 3);
      if (key >= 32) keys.add(key);
    }
  }
  return [...keys];
}

export const nowIso = (): string => new Date().toISOString();
