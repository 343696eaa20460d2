import type { Locale } from '../methodology/types.ts';
import { en, type MessageKey } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export type Messages = Record<MessageKey, string>;
export type { MessageKey };

export const catalogues: Record<Locale, Messages> = { kk, ru, en };

export type Params = Readonly<Record<string, string | number>>;

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
