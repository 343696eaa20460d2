import type { Locale } from '../methodology/types.ts';
import { en, type MessageKey } from './en.ts';
import { fillIn, type Params } from './fillIn.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export type Messages = Record<MessageKey, string>;
export type { MessageKey, Params };

export const catalogues: Record<Locale, Messages> = { kk, ru, en };

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return fillIn(catalogues[locale][key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
