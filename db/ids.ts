import { randomInt, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A random positive 53-bit integer: a key that carries no order. */
export const randomRowId = (): number => randomInt(1, 2 ** 48) * 32 + randomInt(0, 32);

export const nowIso = (): string => new Date().toISOString();
